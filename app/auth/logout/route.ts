// POST /auth/logout → revokes the server-side session and clears the cookie.
import { revokeSession } from "@/db/queries/sessions";
import { clearedSessionCookie } from "@/server/api/cookies";
import { withSession } from "@/server/api/handler";

export const POST = withSession(async ({ db, session }) => {
  await revokeSession(db, session.sessionId);
  return Response.json({ ok: true }, { headers: { "set-cookie": clearedSessionCookie() } });
});
