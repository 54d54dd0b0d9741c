// The signed-in user of a page render (server components), or null.
import "server-only";
import { cookies } from "next/headers";
import { getDb } from "@/db";
import { loadSession } from "@/db/queries/sessions";
import { SESSION_COOKIE } from "@/server/api/cookies";
import type { SessionContext } from "@/domain/auth/session-context";

export async function currentSession(): Promise<SessionContext | null> {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  if (!token) return null;
  return loadSession(await getDb(), token);
}
