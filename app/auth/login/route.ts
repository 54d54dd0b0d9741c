// POST /auth/login {username, password} → sets the session cookie. JSON from the app's script; a plain
// HTML form post (no JavaScript yet) is answered with a redirect, so a password never lands in a URL.
import { loadSession } from "@/db/queries/sessions";
import { readForm, readJson } from "@/server/api/body";
import { sessionCookie } from "@/server/api/cookies";
import { withPublic } from "@/server/api/handler";
import { login } from "@/server/auth/login";
import { clientAddress } from "@/server/auth/throttle";
import { toMe } from "@/server/auth/me";
import { loginBodySchema } from "@/contracts/auth";
import { ApiError } from "@/domain/errors";
import { otherMethods } from "@/server/api/methods";

const FORM_POST = /^application\/x-www-form-urlencoded\b/i;

function seeOther(location: string, headers: Record<string, string> = {}) {
  return new Response(null, { status: 303, headers: { location, ...headers } });
}

export const POST = withPublic(async ({ req, db }) => {
  if (FORM_POST.test(req.headers.get("content-type") ?? "")) {
    try {
      const body = await readForm(req, loginBodySchema);
      const { token, expiresAt } = await login(db, body.username, body.password, clientAddress(req));
      return seeOther("/worklist", { "set-cookie": sessionCookie(token, expiresAt) });
    } catch (err) {
      if (err instanceof ApiError) return seeOther(`/login?error=${err.code}`);
      throw err;
    }
  }
  const body = await readJson(req, loginBodySchema);
  const { token, expiresAt } = await login(db, body.username, body.password, clientAddress(req));
  const session = await loadSession(db, token);
  return Response.json(toMe(session!), { headers: { "set-cookie": sessionCookie(token, expiresAt) } });
});

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
