// POST /api/reports/{reportId}/sign → sign one report; 409 callout_required under always_notify;
// If-Match (the bill's ETag from endpoint 1) → 412 bill_changed when the bill moved on.
import { signReport } from "@/db/queries/sign-reports";
import { withSession } from "@/server/api/handler";
import { reportParamsSchema } from "@/contracts/sign";
import { otherMethods } from "@/server/api/methods";

export const POST = withSession(({ req, db, session, params }) => signReport(db, session, params.reportId, req.headers.get("if-match")), {
  params: reportParamsSchema,
});

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
