// POST /auth/logout → revokes the server-side session and clears the cookie.
import { revokeSession } from "@/db/queries/sessions";
import { clearedSessionCookie } from "@/server/api/cookies";
import { withSession } from "@/server/api/handler";
import { otherMethods } from "@/server/api/methods";
import { forgetSession } from "@/server/auth/session-cache";

export const POST = withSession(async ({ db, session }) => {
  await revokeSession(db, session.sessionId);
  // At once in this process; the others hear the database's session_changed notification.
  forgetSession(session.sessionId);
  return Response.json({ ok: true }, { headers: { "set-cookie": clearedSessionCookie() } });
});

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
