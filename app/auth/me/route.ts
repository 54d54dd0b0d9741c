// GET /auth/me → the signed-in user and lab.
import { withSession } from "@/server/api/handler";
import { toMe } from "@/server/auth/me";

export const GET = withSession(async ({ session }) => toMe(session));
