// GET /report/bulk/critical-notification/logs?report_ids=1,2,3 → callout history (endpoint 2).
import { getCalloutLogs } from "@/db/queries/callout-logs";
import { parseInput } from "@/lib/api/body";
import { withSession } from "@/lib/api/handler";
import { logsQuerySchema } from "@/lib/contracts/critical";

export const GET = withSession(async ({ req, db, session }) => {
  const url = new URL(req.url);
  const query = parseInput(logsQuerySchema, { report_ids: url.searchParams.get("report_ids") ?? undefined });
  return getCalloutLogs(db, session, query.report_ids);
});
