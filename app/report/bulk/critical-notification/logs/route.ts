// GET /report/bulk/critical-notification/logs?report_ids=1,2,3 → callout history (endpoint 2).
import { calloutLogsJson } from "@/db/queries/callout-logs";
import { jsonTextResponse, parseInput } from "@/server/api/body";
import { withSession } from "@/server/api/handler";
import { logsQuerySchema } from "@/contracts/critical";
import { ApiError } from "@/domain/errors";
import { otherMethods } from "@/server/api/methods";

export const GET = withSession(async ({ req, db, session }) => {
  const url = new URL(req.url);
  const all = url.searchParams.getAll("report_ids");
  if (all.length > 1) throw new ApiError("bad_request", "report_ids: give the list once, comma-separated");
  const query = parseInput(logsQuerySchema, { report_ids: all[0] });
  return jsonTextResponse(await calloutLogsJson(db, session, query.report_ids));
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
