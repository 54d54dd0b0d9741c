// POST /operation/critical-callout {lab_report_ids} → audit records of those reports (endpoint 3).
import { calloutRecordsJson } from "@/db/queries/callout-records";
import { jsonTextResponse, readJson } from "@/server/api/body";
import { withSession } from "@/server/api/handler";
import { calloutRecordsBodySchema } from "@/contracts/critical";
import { otherMethods } from "@/server/api/methods";

export const POST = withSession(async ({ req, db, session }) => {
  const body = await readJson(req, calloutRecordsBodySchema);
  return jsonTextResponse(await calloutRecordsJson(db, session, body.lab_report_ids));
});

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
