// POST /auth/logout → revokes the server-side session and clears the cookie.
import { revokeSession } from "@/db/queries/sessions";
import { clearedSessionCookie } from "@/lib/api/cookies";
import { withSession } from "@/lib/api/handler";

export const POST = withSession(async ({ db, session }) => {
  await revokeSession(db, session.sessionId);
  return Response.json({ ok: true }, { headers: { "set-cookie": clearedSessionCookie() } });
});
