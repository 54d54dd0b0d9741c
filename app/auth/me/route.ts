// GET /auth/me → the signed-in user and lab.
import { withSession } from "@/server/api/handler";
import { toMe } from "@/server/auth/me";
import { otherMethods } from "@/server/api/methods";

export const GET = withSession(async ({ session }) => toMe(session));

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
