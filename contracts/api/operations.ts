// Every HTTP operation of the app, described by the zod contracts its route parses and answers with.
// The OpenAPI document (/api/openapi.json) and the reference page (/api/docs) are generated from this
// list, so the routes' own schemas are the only description there is; a test fails when a route
// file under app/ has no entry here.
import { z } from "zod";
import { acknowledgeBodySchema, acknowledgeResponseSchema, ackTokenParamsSchema } from "../acknowledge";
import { loginBodySchema, meSchema } from "../auth";
import { benchFloorQuerySchema, benchFloorResponseSchema } from "../bench";
import { complianceQuerySchema, complianceResponseSchema } from "../compliance";
import {
  calloutRecordsBodySchema,
  calloutRecordsResponseSchema,
  criticalRecordsResponseSchema,
  logsQuerySchema,
  logsResponseSchema,
  postCalloutBodySchema,
  postCalloutResponseSchema,
} from "../critical";
import { eventsQuerySchema } from "../events";
import { billParamsSchema } from "../ids";
import { notifySettingsResponseSchema, notifySettingsSchema } from "../settings";
import { reportParamsSchema, signAllResponseSchema, signResponseSchema } from "../sign";
import { worklistQuerySchema, worklistResponseSchema } from "../worklist";
import { FHIR_OPERATIONS } from "./fhir-operations";
import type { Operation } from "./operation";

export type { Operation } from "./operation";

const okSchema = z.object({ ok: z.literal(true) });
const ifMatch = { name: "If-Match", description: 'The bill version the client acted on (`"<billId>-<version>"`); another version is a 412 bill_changed.' };

export const OPERATIONS: Operation[] = [
  {
    method: "POST", path: "/auth/login", tag: "Sessions", access: "public",
    summary: "Sign in",
    description: "Creates a server-side session and sets the httpOnly `cc_session` cookie. A form post is answered with a 303 redirect instead. Throttled: 5 failures per username and 30 per address in 15 minutes give 429.",
    body: loginBodySchema,
    responses: { 200: { description: "Signed in; the user and lab", schema: meSchema }, 401: "Wrong username or password", 429: "Too many failed sign-ins" },
  },
  {
    method: "POST", path: "/auth/logout", tag: "Sessions", summary: "Sign out",
    description: "Revokes the session and clears its cookie.",
    responses: { 200: { description: "Signed out", schema: okSchema } },
  },
  {
    method: "GET", path: "/auth/me", tag: "Sessions", summary: "The signed-in user",
    responses: { 200: { description: "The user and lab of the session or token", schema: meSchema } },
  },
  {
    method: "GET", path: "/report/[billId]/critical/records", tag: "Critical callout",
    summary: "Critical reports of a bill (endpoint 1)",
    description: "The bill's collected, not dismissed reports at status 1, 2 or 4 with their critical parameters, and the bill's draft. The ETag is the bill's callout version, for If-Match.",
    params: billParamsSchema,
    responses: { 200: { description: "Critical reports and the draft", schema: criticalRecordsResponseSchema }, 404: "Bill not found (or not visible)" },
  },
  {
    method: "GET", path: "/report/bulk/critical-notification/logs", tag: "Critical callout",
    summary: "Callout history of reports (endpoint 2)",
    description: "Category-648 activity log entries of the requested reports the session sees, oldest first, at most 1000.",
    query: logsQuerySchema,
    responses: { 200: { description: "Log entries", schema: logsResponseSchema } },
  },
  {
    method: "POST", path: "/operation/critical-callout", tag: "Critical callout",
    summary: "Audit records of reports (endpoint 3)",
    description: "The done callout records of those reports, newest first.",
    body: calloutRecordsBodySchema,
    responses: { 200: { description: "Callout records", schema: calloutRecordsResponseSchema } },
  },
  {
    method: "POST", path: "/report/[billId]/critical/callout", tag: "Critical callout",
    summary: "Record a callout: attempt or done (endpoint 4)",
    description: "One transaction: the bill's draft is replaced, done callouts are written per report, statuses move, one activity log is appended. The same Idempotency-Key from the same user replays the first answer.",
    params: billParamsSchema,
    headers: [{ name: "Idempotency-Key", description: "1–200 printable characters; a retry with the same key writes nothing more." }, ifMatch],
    body: postCalloutBodySchema,
    responses: { 201: { description: "Recorded", schema: postCalloutResponseSchema }, 404: "Bill not found", 409: "Idempotency key reused with another body", 412: "The bill changed since the given version" },
  },
  {
    method: "POST", path: "/report/[billId]/critical/acknowledge", tag: "Critical callout",
    summary: "Acknowledge receipt of done callouts (doctor logins)",
    description: "A doctor login confirms it received the done callouts of those reports: one acknowledgement per report and one activity log (kind acknowledgement), named after the doctor. Other logins get 403.",
    params: billParamsSchema, headers: [ifMatch],
    body: acknowledgeBodySchema,
    responses: {
      201: { description: "Recorded", schema: acknowledgeResponseSchema },
      400: "A report has no done callout on this bill (or is not visible)",
      403: "Not a doctor login",
      404: "Bill not found",
      412: "The bill changed since the given version",
    },
  },
  {
    method: "GET", path: "/ack/[token]", tag: "Acknowledgement", access: "public",
    summary: "The acknowledgement page of an emailed link (HTML)",
    description: "No login. Shows what the message showed and asks for the acknowledger's name; unknown tokens count toward the sign-in throttle of the address.",
    params: ackTokenParamsSchema,
    responses: { 200: { description: "The page (or: already acknowledged)", contentType: "text/html" }, 404: "Unknown link", 410: "Expired link", 429: "Too many unknown links from this address" },
  },
  {
    method: "POST", path: "/ack/[token]", tag: "Acknowledgement", access: "public",
    summary: "Acknowledge receipt from the link (an HTML form post: name=…)",
    description: "Records the name, time, address and user agent, once per link.",
    params: ackTokenParamsSchema,
    responses: { 201: { description: "Recorded; the thank-you page", contentType: "text/html" }, 400: "No name given", 404: "Unknown link", 409: "Already acknowledged", 410: "Expired link", 429: "Too many unknown links from this address" },
  },
  {
    method: "POST", path: "/api/reports/[reportId]/sign", tag: "Reports", summary: "Sign a report",
    description: "409 callout_required while the lab's always_notify is on and the report is pending or attempted.",
    params: reportParamsSchema, headers: [ifMatch],
    responses: { 200: { description: "Signed", schema: signResponseSchema }, 404: "Report not found", 409: "A callout is required first" },
  },
  {
    method: "POST", path: "/api/bills/[billId]/sign-all", tag: "Reports", summary: "Sign every visible report of a bill",
    params: billParamsSchema, headers: [ifMatch],
    responses: { 200: { description: "The reports signed", schema: signAllResponseSchema }, 404: "Bill not found" },
  },
  {
    method: "GET", path: "/api/worklist", tag: "Worklist", summary: "The worklist: bills with critical reports",
    query: worklistQuerySchema,
    responses: { 200: { description: "One page of bills", schema: worklistResponseSchema } },
  },
  {
    method: "GET", path: "/api/worklist/export", tag: "Worklist", summary: "The worklist as an Excel workbook",
    description: "Same filters as the worklist, all pages; more than 10,000 reports is a 400.",
    query: worklistQuerySchema,
    responses: { 200: { description: "An .xlsx workbook", contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" } },
  },
  {
    method: "GET", path: "/api/compliance", tag: "Compliance", summary: "Compliance measures of critical-value reporting (DESIGN §11)",
    description: "Critical reports (status 1, 2 or 4, collected, not dismissed) in the session's scope whose clock started in [from, to) in the lab's time zone: notified, within target, median and 90th percentile minutes (percentile_cont), open overdue, unable to reach, read-back, acknowledged; overall and per group. Percentages and minutes to one decimal; null when there is nothing to measure.",
    query: complianceQuerySchema,
    responses: { 200: { description: "Target, measures and groups", schema: complianceResponseSchema } },
  },
  {
    method: "GET", path: "/api/compliance/export", tag: "Compliance", summary: "The compliance report as an Excel workbook",
    description: "Measures overall and per group (department unless group_by says otherwise), the monthly trend, the histogram of minutes to notification and the reports out of target.",
    query: complianceQuerySchema,
    responses: { 200: { description: "An .xlsx workbook", contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" } },
  },
  {
    method: "GET", path: "/api/events", tag: "Live", summary: "Live callout events (Server-Sent Events)",
    description: "`event: callout` with `{bill_id, lab_report_ids, kind, by, at, version}` for writes on reports the session sees; a comment every 15 s keeps it open.",
    query: eventsQuerySchema,
    responses: { 200: { description: "An endless event stream", contentType: "text/event-stream" }, 404: "Bill not found" },
  },
  {
    method: "GET", path: "/settings/critical-notification", tag: "Settings", summary: "The lab's notify configuration",
    responses: { 200: { description: "Settings, and whether the session may change them", schema: notifySettingsResponseSchema } },
  },
  {
    method: "PUT", path: "/settings/critical-notification", tag: "Settings", summary: "Replace the lab's notify configuration (support users)",
    body: notifySettingsSchema,
    responses: { 200: { description: "Saved", schema: notifySettingsResponseSchema }, 403: "Only support users may change it" },
  },
  {
    method: "GET", path: "/api/openapi.json", tag: "Reference", summary: "This OpenAPI 3.1 document",
    responses: { 200: { description: "The document", schema: z.object({ openapi: z.string() }).loose() } },
  },
  {
    method: "GET", path: "/api/bench/floor", tag: "Reference", summary: "A constant answer of a given size, for the benchmark",
    description: "Served only by a server started with BENCH_FLOOR_ROUTE=1 (npm run bench); elsewhere a 404.",
    query: benchFloorQuerySchema,
    responses: { 200: { description: "`bytes` bytes of JSON", schema: benchFloorResponseSchema }, 404: "Not served by this server" },
  },
  ...FHIR_OPERATIONS,
];
