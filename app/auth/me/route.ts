// GET /auth/me → the signed-in user and lab.
import { withSession } from "@/lib/api/handler";
import { toMe } from "@/lib/auth/me";

export const GET = withSession(async ({ session }) => toMe(session));
