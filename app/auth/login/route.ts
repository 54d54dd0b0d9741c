// POST /auth/login {username, password} → sets the session cookie.
import { loadSession } from "@/db/queries/sessions";
import { readJson } from "@/server/api/body";
import { sessionCookie } from "@/server/api/cookies";
import { withPublic } from "@/server/api/handler";
import { login } from "@/server/auth/login";
import { clientAddress } from "@/server/auth/throttle";
import { toMe } from "@/server/auth/me";
import { loginBodySchema } from "@/contracts/auth";

export const POST = withPublic(async ({ req, db }) => {
  const body = await readJson(req, loginBodySchema);
  const { token, expiresAt } = await login(db, body.username, body.password, clientAddress(req));
  const session = await loadSession(db, token);
  return Response.json(toMe(session!), { headers: { "set-cookie": sessionCookie(token, expiresAt) } });
});
