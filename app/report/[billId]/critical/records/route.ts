// GET /report/{billId}/critical/records → the bill's critical reports in scope and its draft (endpoint 1).
import { getCriticalRecords } from "@/db/queries/critical-records-read";
import { billETag } from "@/domain/callout/bill-version";
import { withSession } from "@/server/api/handler";
import { billParamsSchema } from "@/contracts/ids";
import { otherMethods } from "@/server/api/methods";

export const GET = withSession(
  async ({ db, session, params }) => {
    const records = await getCriticalRecords(db, session, params.billId);
    // A version tag for If-Match, not a cache validator: the answer stays no-store.
    return Response.json(records, { headers: { etag: billETag(params.billId, records.callout_version) } });
  },
  { params: billParamsSchema },
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
