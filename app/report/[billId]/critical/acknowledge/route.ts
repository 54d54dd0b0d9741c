// POST /report/{billId}/critical/acknowledge {lab_report_ids} → a doctor login acknowledges receipt of
// the done callouts of those reports (DESIGN §10): 201; 400 without a done callout; 403 for logins that
// are not doctors; 404 for an unseen bill; If-Match as endpoint 4 (412 bill_changed).
import { acknowledgeBodySchema } from "@/contracts/acknowledge";
import { billParamsSchema } from "@/contracts/ids";
import { acknowledgeAsDoctor } from "@/db/queries/acknowledge";
import { parseIfMatch } from "@/domain/callout/bill-version";
import { readJson } from "@/server/api/body";
import { withSession } from "@/server/api/handler";
import { otherMethods } from "@/server/api/methods";

export const POST = withSession(
  async ({ req, db, session, params }) => {
    const expectedVersion = parseIfMatch(req.headers.get("if-match"), params.billId);
    const body = await readJson(req, acknowledgeBodySchema);
    return Response.json(await acknowledgeAsDoctor(db, session, params.billId, body, expectedVersion), { status: 201 });
  },
  { params: billParamsSchema },
);

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
