import "server-only";
import type { Db } from "@/db/connect";
import { createSession, findUserForLogin } from "@/db/queries/sessions";
import { ApiError } from "@/lib/errors";
import { hashPassword, verifyPassword } from "./password";

// Verified against when the username is unknown, so both failures take the same time.
let decoyHash: Promise<string> | undefined;

export async function login(db: Db, username: string, password: string) {
  const user = await findUserForLogin(db, username);
  decoyHash ??= hashPassword("decoy-password");
  const ok = await verifyPassword(password, user?.passwordHash ?? (await decoyHash));
  if (!user || !ok) throw new ApiError("unauthorized", "Wrong username or password");
  const session = await createSession(db, user);
  return { user, ...session };
}
