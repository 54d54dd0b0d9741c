// GET /report/{billId}/critical/records → the bill's critical reports in scope and its draft (endpoint 1).
import { getCriticalRecords } from "@/db/queries/critical-records";
import { withSession } from "@/server/api/handler";
import { billParamsSchema } from "@/contracts/ids";

export const GET = withSession(({ db, session, params }) => getCriticalRecords(db, session, params.billId), {
  params: billParamsSchema,
});
