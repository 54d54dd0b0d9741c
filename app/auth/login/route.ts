// POST /auth/login {username, password} → sets the session cookie.
import { loadSession } from "@/db/queries/sessions";
import { readJson } from "@/lib/api/body";
import { sessionCookie } from "@/lib/api/cookies";
import { withPublic } from "@/lib/api/handler";
import { login } from "@/lib/auth/login";
import { clientAddress } from "@/lib/auth/throttle";
import { toMe } from "@/lib/auth/me";
import { loginBodySchema } from "@/lib/contracts/auth";

export const POST = withPublic(async ({ req, db }) => {
  const body = await readJson(req, loginBodySchema);
  const { token, expiresAt } = await login(db, body.username, body.password, clientAddress(req));
  const session = await loadSession(db, token);
  return Response.json(toMe(session!), { headers: { "set-cookie": sessionCookie(token, expiresAt) } });
});
