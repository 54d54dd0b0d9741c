// POST /api/bills/{billId}/sign-all → sign every report of the bill in scope (exempt from always_notify).
import { signAllReports } from "@/db/queries/sign-reports";
import { parseIfMatch } from "@/domain/callout/bill-version";
import { withSession } from "@/server/api/handler";
import { billParamsSchema } from "@/contracts/ids";
import { otherMethods } from "@/server/api/methods";

export const POST = withSession(
  ({ req, db, session, params }) => signAllReports(db, session, params.billId, parseIfMatch(req.headers.get("if-match"), params.billId)),
  {
    params: billParamsSchema,
  },
);

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
