// POST /api/reports/{reportId}/sign → sign one report; 409 callout_required under always_notify.
import { signReport } from "@/db/queries/sign-reports";
import { withSession } from "@/server/api/handler";
import { reportParamsSchema } from "@/contracts/sign";

export const POST = withSession(({ db, session, params }) => signReport(db, session, params.reportId), {
  params: reportParamsSchema,
});
