// The signed-in user of a page render (server components), or null.
import "server-only";
import { cookies } from "next/headers";
import { getDb } from "@/db";
import { loadSession } from "@/db/queries/sessions";
import { SESSION_COOKIE } from "@/server/api/cookies";
import type { SessionContext } from "@/domain/auth/session-context";
import { withinDeadline } from "@/server/api/deadline";

export async function currentSession(): Promise<SessionContext | null> {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  if (!token) return null;
  // A page has a deadline too (DESIGN §13): a silent database ends in the error page, not a hung tab.
  return withinDeadline(async () => loadSession(await getDb(), token));
}
