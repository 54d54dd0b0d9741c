import "server-only";
import type { Db } from "@/db/connect";
import { createSession, findUserForLogin } from "@/db/queries/sessions";
import { ApiError } from "@/domain/errors";
import { hashPassword, verifyPassword } from "@/domain/auth/password";
import { takeSignInTry } from "./throttle";

// Verified against when the username is unknown, so both failures take the same time.
let decoyHash: Promise<string> | undefined;

export async function login(db: Db, username: string, password: string, address: string) {
  const signInTry = await takeSignInTry(db, username, address);
  const user = await findUserForLogin(db, username);
  decoyHash ??= hashPassword("decoy-password");
  const ok = await verifyPassword(password, user?.passwordHash ?? (await decoyHash));
  if (!user || !ok) {
    throw new ApiError("unauthorized", "Wrong username or password");
  }
  await signInTry.succeeded();
  const session = await createSession(db, user);
  return { user, ...session };
}
