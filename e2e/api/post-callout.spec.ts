// Endpoint 4, POST /report/{billId}/critical/callout (DESIGN §5.4), over HTTP on a bill nothing else
// uses: lab 2's bill 561 (sodium 162 → report 1987, ionized calcium 0.70 → report 1988; organization
// Valley View Cardiology, referral Dr. Julia Hartmann, patient Angela Brooks), acting as support2.
// Lab 2's notify configuration has mandatory_comments = 1.
//
// Also the lab's notify configuration, GET|PUT /settings/critical-notification (lab 1 changed and put
// back; lab 2 left alone because the mandatory-comment cases rely on it).
//
// The file runs in order on a fresh database (each run of `next start` gets a new one): it expects
// bill 561 as seeded, with no callout yet.
import { randomUUID } from "node:crypto";
import { type APIRequestContext, expect, test } from "@playwright/test";
import { type ApiCase, type Cookies, expectCase, expectError, json, loginAll, range, send, type User } from "../api-support";

test.describe.configure({ mode: "serial" });

let cookies: Cookies;
test.beforeAll(async ({ playwright }) => {
  cookies = await loginAll(playwright);
});

const BILL = 561;
const SODIUM = 1987;
const ICA = 1988;
const ME = "Marcus Reed, Laboratory Manager";
const calloutPath = (bill: number | string = BILL) => `/report/${bill}/critical/callout`;

const doneBody = {
  lab_report_ids: [SODIUM, ICA],
  is_draft: false,
  recipients: ["Organization", "Referral"],
  critical_callout_comment: "Read back by Dr. Hartmann",
  critical_callout_meta: { communication_methods: ["email", "fax"] },
};
type Body = Record<string, unknown>;
const body = (patch: Body = {}): Body => ({ ...doneBody, ...patch });
const meta = (patch: Body): Body => body({ critical_callout_meta: { ...doneBody.critical_callout_meta, ...patch } });
const without = (key: string): Body => {
  const b: Body = { ...doneBody };
  delete b[key];
  return b;
};

/** What endpoints 1, 2 and 3 show of a bill: everything endpoint 4 can change. */
async function snapshot(request: APIRequestContext, bill: number, reportIds: number[], session: User = "support2") {
  const records = await json(request, { method: "GET", path: `/report/${bill}/critical/records`, session }, cookies);
  const logs = await json(request, { method: "GET", path: `/report/bulk/critical-notification/logs?report_ids=${reportIds.join(",")}`, session }, cookies);
  const audit = await json(request, { method: "POST", path: "/operation/critical-callout", body: { lab_report_ids: reportIds }, session }, cookies);
  expect([records.status, logs.status, audit.status]).toEqual([200, 200, 200]);
  // Outbox deliveries (if the server lists them) change status after commit, asynchronously: keep
  // only what a write decides — which messages exist — so a snapshot compares stably.
  for (const l of logs.body.logs) {
    if (Array.isArray(l.deliveries)) {
      l.deliveries = l.deliveries.map((d: Record<string, unknown>) => ({
        channel: d.channel,
        recipientKind: d.recipientKind,
        recipientName: d.recipientName,
        address: d.address,
      }));
    }
  }
  return { records: records.body, logs: logs.body, audit: audit.body };
}
const statuses = (snap: Awaited<ReturnType<typeof snapshot>>) =>
  Object.fromEntries(
    snap.records.reports.map((r: { lab_report: { labReportId: number; criticalValues: number } }) => [r.lab_report.labReportId, r.lab_report.criticalValues]),
  );
const testIdOf = (snap: Awaited<ReturnType<typeof snapshot>>, reportId: number): number =>
  snap.records.reports.find((r: { lab_report: { labReportId: number } }) => r.lab_report.labReportId === reportId).lab_report.reportID.testID;

interface CalloutCase extends ApiCase {
  /** For 400s naming reports: the ids expected in details.lab_report_ids. */
  unknownIds?: number[];
  /** The error message must match this. */
  message?: RegExp;
  /** The bill whose state must not change (default 561) and its report ids. */
  watch?: [number, number[]];
}

const post = (b: unknown, extra: Partial<CalloutCase> = {}): Omit<CalloutCase, "name" | "status"> => ({
  method: "POST",
  path: calloutPath(),
  session: "support2",
  body: b,
  ...extra,
});
const bad = (name: string, b: unknown, extra: Partial<CalloutCase> = {}): CalloutCase => ({
  name,
  ...post(b, extra),
  status: 400,
  code: "bad_request",
  ...extra,
});

const validationCases: CalloutCase[] = [
  // lab 2's mandatory_comments = 1 blocks both actions on an empty comment
  bad("mandatory comment: empty (done)", body({ critical_callout_comment: "" })),
  bad("mandatory comment: empty (attempt)", body({ is_draft: true, critical_callout_comment: "" })),
  bad("mandatory comment: blanks only", body({ critical_callout_comment: " \n\t " })),
  bad("mandatory comment: missing", without("critical_callout_comment")),
  // shape
  bad("empty object", {}),
  bad("JSON array", [doneBody]),
  bad("lab_report_ids missing", without("lab_report_ids")),
  bad("lab_report_ids empty", body({ lab_report_ids: [] })),
  bad("lab_report_ids as strings", body({ lab_report_ids: ["1987"] })),
  bad("lab_report_ids zero", body({ lab_report_ids: [0] })),
  bad("lab_report_ids negative", body({ lab_report_ids: [-SODIUM] })),
  bad("lab_report_ids decimal", body({ lab_report_ids: [1987.5] })),
  bad("lab_report_ids int4 overflow", body({ lab_report_ids: [2147483648] })),
  bad("lab_report_ids 501", body({ lab_report_ids: range(501, 1500) })),
  bad("is_draft missing", without("is_draft")),
  bad("is_draft as a string", body({ is_draft: "false" })),
  bad("is_draft as a number", body({ is_draft: 0 })),
  bad("recipients missing", without("recipients")),
  bad("recipient not in the set", body({ recipients: ["Doctor"] })),
  bad("recipient in the wrong case", body({ recipients: ["organization"] })),
  bad("recipients as a string", body({ recipients: "Referral" })),
  bad("more than three recipients", body({ recipients: ["Referral", "Referral", "Referral", "Referral"] })),
  bad("critical_callout_meta missing", without("critical_callout_meta")),
  bad("communication_methods missing", body({ critical_callout_meta: {} })),
  bad("method not in the set", meta({ communication_methods: ["pigeon"] })),
  bad("method in the wrong case", meta({ communication_methods: ["Email"] })),
  bad("unknown top-level field", body({ bill_id: BILL })),
  bad("unknown meta field", meta({ callout_for: [49] })),
  bad("notify_to_others without a name", meta({ notify_to_others: { email: "a@b.example" } })),
  bad("notify_to_others with an unknown field", meta({ notify_to_others: { name: "Ward 4B", phone: "1" } })),
  bad("phone call without the name of the person reached", meta({ already_notified: { phone_call: { name: " ", contact: "123", read_back: true } } })),
  bad("phone call without read_back", meta({ already_notified: { phone_call: { name: "RN Jones", contact: "123" } } })),
  bad("phone call read_back not a boolean", meta({ already_notified: { phone_call: { name: "RN Jones", contact: "123", read_back: "yes" } } })),
  bad("fax without a number", meta({ already_notified: { fax: { name: "Ward 4B" } } })),
  bad("comment over 2000 characters", body({ critical_callout_comment: "c".repeat(2001) })),
  bad("comment not a string", body({ critical_callout_comment: 42 })),
  // rules of a done callout
  bad("done without a method or a record of contact", meta({ communication_methods: [] }), { message: /communication method/ }),
  bad("done without any recipient", body({ recipients: [] }), { message: /recipient/ }),
  // reports endpoint 1 does not return for this bill and session
  bad("a report of another bill (581)", body({ lab_report_ids: [2058] }), { unknownIds: [2058] }),
  bad("one good and one foreign report: all or nothing", body({ lab_report_ids: [SODIUM, 2058] }), { unknownIds: [2058] }),
  bad("a normal (non-critical) report of lab 2", body({ lab_report_ids: [2067] }), { unknownIds: [2067] }),
  bad("a lab-1 report", body({ lab_report_ids: [1028] }), { unknownIds: [1028] }),
  bad("a nonexistent report", body({ lab_report_ids: [ICA, 999999] }), { unknownIds: [999999] }),
  // a recipient the bill lacks (bill 378: no organization, no referral doctor; report 1346 pending)
  bad("Organization on a bill without one", body({ lab_report_ids: [1346], recipients: ["Organization"] }), {
    path: calloutPath(378),
    watch: [378, [1346]],
    message: /no organization/,
  }),
  bad("Referral on a bill without one", body({ lab_report_ids: [1346], recipients: ["Referral", "Patient"] }), {
    path: calloutPath(378),
    watch: [378, [1346]],
    message: /no referral doctor/,
  }),
  // bill path
  bad("bill id not digits", body(), { path: calloutPath("abc") }),
  bad("bill id zero", body(), { path: calloutPath(0) }),
  bad("bill id overflow", body(), { path: calloutPath(2147483648) }),
  { name: "lab-1 bill for a lab-2 user", ...post(body({ lab_report_ids: [1028] }), { path: calloutPath(291) }), status: 404, code: "not_found" },
  { name: "nonexistent bill", ...post(body(), { path: calloutPath(999999) }), status: 404, code: "not_found" },
  { name: "lab-2 bill for a lab-1 support user", ...post(body(), { session: "support" }), status: 404, code: "not_found" },
  { name: "lab-2 bill for the referral doctor of lab 1", ...post(body(), { session: "drref" }), status: 404, code: "not_found" },
  // transport
  bad("non-JSON body", undefined, { raw: "{is_draft: false}", headers: { "content-type": "application/json" } }),
  bad("text/plain content type", undefined, { raw: JSON.stringify(doneBody), headers: { "content-type": "text/plain" } }),
  bad("no content type", undefined, { raw: JSON.stringify(doneBody) }),
  {
    name: "body over 64 kB",
    ...post(undefined, { raw: JSON.stringify(body({ critical_callout_comment: "x".repeat(70_000) })), headers: { "content-type": "application/json" } }),
    status: 413,
    code: "payload_too_large",
  },
  bad("Idempotency-Key with blanks", body(), { headers: { "idempotency-key": "two words" } }),
  bad("Idempotency-Key over 200 characters", body(), { headers: { "idempotency-key": "k".repeat(201) } }),
  { name: "no Origin", ...post(body(), { origin: null }), status: 403, code: "forbidden" },
  { name: "foreign Origin", ...post(body(), { origin: "https://evil.example" }), status: 403, code: "forbidden" },
  { name: "no session", ...post(body(), { session: null }), status: 401, code: "unauthorized" },
];

test.describe("endpoint 4 on bill 561", () => {
  test("starts as seeded: both reports pending, no draft, no callout log, no record", async ({ request }) => {
    const s = await snapshot(request, BILL, [SODIUM, ICA]);
    expect(statuses(s)).toEqual({ [SODIUM]: 1, [ICA]: 1 });
    expect(s.records.attempted_callout).toBeNull();
    expect(s.logs).toEqual({ logs: [] }); // its two approval entries (category 100) are not callout logs
    expect(s.audit).toEqual({ records: [] });
  });

  for (const c of validationCases) {
    test(`${c.status} ${c.name}; nothing written`, async ({ request }) => {
      const [watchBill, watchIds] = c.watch ?? [BILL, [SODIUM, ICA]];
      const before = await snapshot(request, watchBill, watchIds);
      const res = await send(request, c, cookies);
      const err = await expectError(res, c.status, c.code!);
      if (c.unknownIds) expect(err.error.details).toEqual({ lab_report_ids: c.unknownIds });
      if (c.name.startsWith("mandatory comment")) expect(err.error.message).toMatch(/comment/i);
      if (c.message) expect(err.error.message).toMatch(c.message);
      expect(res.headers()["idempotent-replayed"]).toBeUndefined();
      expect(await snapshot(request, watchBill, watchIds)).toEqual(before);
    });
  }

  test("a failed request does not burn its Idempotency-Key: the same key then carries a valid write", async ({ request }) => {
    // Bill 307 (lab 2, report 1092 pending) is used by no other test, so this write disturbs none.
    const [BILL_307, REPORT_1092] = [307, 1092];
    const key = `fail-then-${randomUUID()}`;
    const headers = { "idempotency-key": key };
    const failing = post(body({ lab_report_ids: [2058] }), { path: calloutPath(BILL_307), headers });
    await expectError(await send(request, failing, cookies), 400, "bad_request");
    // The same key with the same failing body fails the same way (not replayed, nothing stored) …
    const again = await send(request, failing, cookies);
    await expectError(again, 400, "bad_request");
    expect(again.headers()["idempotent-replayed"]).toBeUndefined();
    // … and with a valid body it runs as a first request: written, not replayed, not a key conflict.
    const valid = post(body({ lab_report_ids: [REPORT_1092], is_draft: true, critical_callout_comment: "Key reused after a 400" }), {
      path: calloutPath(BILL_307),
      headers,
    });
    const ok = await send(request, valid, cookies);
    expect(ok.status(), await ok.text()).toBe(201);
    expect(ok.headers()["idempotent-replayed"]).toBeUndefined();
    const s = await snapshot(request, BILL_307, [REPORT_1092]);
    expect(statuses(s)).toEqual({ [REPORT_1092]: 4 });
    expect(s.records.attempted_callout).toMatchObject({ critical_callout_comment: "Key reused after a 400" });
    expect(s.logs.logs.filter((l: { meta: { comment?: string } }) => l.meta.comment === "Key reused after a 400")).toHaveLength(1);
    // Now the key is spent: the same request replays, and writes no second log entry.
    const replay = await send(request, valid, cookies);
    expect(replay.status()).toBe(201);
    expect(replay.headers()["idempotent-replayed"]).toBe("true");
    expect((await snapshot(request, BILL_307, [REPORT_1092])).logs).toEqual(s.logs);
  });

  let attemptLogId = 0;
  let sodiumTest = 0;
  let icaTest = 0;

  test("attempted: both reports → 4, a bill-level draft with callout_for, one log, no audit record", async ({ request }) => {
    const before = await snapshot(request, BILL, [SODIUM, ICA]);
    sodiumTest = testIdOf(before, SODIUM);
    icaTest = testIdOf(before, ICA);
    const res = await send(
      request,
      post(
        {
          lab_report_ids: [ICA, SODIUM],
          is_draft: true,
          recipients: ["Organization", "Referral"],
          critical_callout_comment: "No answer at the clinic, will retry",
          critical_callout_meta: { communication_methods: ["email", "sms"] },
        },
        { headers: { "idempotency-key": randomUUID() } },
      ),
      cookies,
    );
    expect(res.status(), await res.text()).toBe(201);
    expect(res.headers()["idempotent-replayed"]).toBeUndefined();
    const out = await res.json();
    expect(out.callout).toMatchObject({ is_draft: true, bill_id: BILL, lab_report_ids: [SODIUM, ICA] });
    expect(out.callout.callout_ids).toHaveLength(1);
    expect(out.reports).toEqual([
      { labReportId: SODIUM, criticalValues: 4 },
      { labReportId: ICA, criticalValues: 4 },
    ]);
    attemptLogId = out.callout.activity_log_id;

    const s = await snapshot(request, BILL, [SODIUM, ICA]);
    expect(statuses(s)).toEqual({ [SODIUM]: 4, [ICA]: 4 });
    expect(s.records.attempted_callout).toMatchObject({
      recipients: ["Organization", "Referral"],
      critical_callout_comment: "No answer at the clinic, will retry",
      critical_callout_meta: { communication_methods: ["email", "sms"], callout_for: [sodiumTest, icaTest] },
    });
    expect(s.logs.logs).toHaveLength(1);
    const [log] = s.logs.logs;
    expect(log).toMatchObject({ id: attemptLogId, labReportId: SODIUM, labReportIds: [SODIUM, ICA], labUserName: ME });
    expect(log.activityText).toBe(
      `Callout Attempted by - ${ME}, Callout for - Sodium, Ionized Calcium, Method - Email, SMS, Recipients - Organization, Referral, Comment - No answer at the clinic, will retry`,
    );
    expect(log.meta).toMatchObject({
      bill_id: BILL,
      lab_report_ids: [SODIUM, ICA],
      callout_for: ["Sodium", "Ionized Calcium"],
      method: "Email, SMS",
      callout_done_by: ME,
      recipients: "Organization, Referral",
      comment: "No answer at the clinic, will retry",
      is_draft: true,
      contacts: {
        Organization: { name: "Valley View Cardiology", email: "lab-results@valleyviewcardio.example" },
        Referral: { name: "Dr. Julia Hartmann", email: "julia.hartmann@clinic-mail.example" },
      },
    });
    expect(s.audit).toEqual({ records: [] }); // a draft is not an audit record
  });

  test("attempted again on one report: the draft is replaced and the other report is open again", async ({ request }) => {
    const res = await send(
      request,
      post({
        lab_report_ids: [ICA],
        is_draft: true,
        recipients: ["Referral"],
        critical_callout_comment: "Voicemail left for Dr. Hartmann",
        critical_callout_meta: { communication_methods: ["sms"] },
      }),
      cookies,
    );
    expect(res.status(), await res.text()).toBe(201);
    const out = await res.json();
    expect(out.reports).toEqual([
      { labReportId: ICA, criticalValues: 4 },
      { labReportId: SODIUM, criticalValues: 1 },
    ]);
    const s = await snapshot(request, BILL, [SODIUM, ICA]);
    expect(statuses(s)).toEqual({ [SODIUM]: 1, [ICA]: 4 });
    expect(s.records.attempted_callout).toMatchObject({
      recipients: ["Referral"],
      critical_callout_comment: "Voicemail left for Dr. Hartmann",
      critical_callout_meta: { communication_methods: ["sms"], callout_for: [icaTest] },
    });
    expect(s.logs.logs.map((l: { id: number }) => l.id)).toEqual([attemptLogId, out.callout.activity_log_id]);
    expect(s.audit).toEqual({ records: [] });
  });

  let doneSodiumRecord = 0;
  test("done on sodium: one record with a snapshot, draft cleared, the attempted report reopened, one log", async ({ request }) => {
    const before = await snapshot(request, BILL, [SODIUM, ICA]);
    const sodiumParams = before.records.reports.find((r: { lab_report: { labReportId: number } }) => r.lab_report.labReportId === SODIUM).critical_parameters;
    const res = await send(
      request,
      post({
        lab_report_ids: [SODIUM],
        is_draft: false,
        recipients: ["Referral"],
        critical_callout_comment: "  Read back by Dr. Hartmann  ",
        critical_callout_meta: {
          communication_methods: ["fax"],
          already_notified: { phone_call: { name: "Dr. Julia Hartmann", contact: "+1-555-161-1629", read_back: true } },
        },
      }),
      cookies,
    );
    expect(res.status(), await res.text()).toBe(201);
    const out = await res.json();
    expect(out.callout).toMatchObject({ is_draft: false, bill_id: BILL, lab_report_ids: [SODIUM] });
    expect(out.callout.callout_ids).toHaveLength(1);
    expect(out.reports).toEqual([
      { labReportId: SODIUM, criticalValues: 2 },
      { labReportId: ICA, criticalValues: 1 },
    ]);
    doneSodiumRecord = out.callout.callout_ids[0];

    const s = await snapshot(request, BILL, [SODIUM, ICA]);
    expect(statuses(s)).toEqual({ [SODIUM]: 2, [ICA]: 1 });
    expect(s.records.attempted_callout).toBeNull();
    expect(s.logs.logs).toHaveLength(3);
    const last = s.logs.logs[2];
    expect(last.id).toBe(out.callout.activity_log_id);
    expect(last.activityText).toBe(
      `Callout done by - ${ME}, Callout for - Sodium, Method - Fax, Recipients - Referral, Comment - Read back by Dr. Hartmann`,
    );
    expect(last.meta).toMatchObject({
      is_draft: false,
      already_notified: { phone_call: { name: "Dr. Julia Hartmann", read_back: true } },
    });

    expect(s.audit.records).toHaveLength(1);
    const [rec] = s.audit.records;
    expect(rec).toMatchObject({
      id: doneSodiumRecord,
      bill_id: BILL,
      lab_report_id: SODIUM,
      recipients: ["Referral"],
      org_name: "Valley View Cardiology",
      patient_name: "Angela Brooks",
      referral_name: "Dr. Julia Hartmann",
      performed_by_user_name: ME,
      performed_by_doctor_name: null,
      critical_callout_comment: "Read back by Dr. Hartmann",
      created_on: out.callout.created_on,
    });
    expect(rec.critical_callout_meta).toMatchObject({
      communication_methods: ["fax"],
      already_notified: { phone_call: { name: "Dr. Julia Hartmann", contact: "+1-555-161-1629", read_back: true } },
    });
    expect(rec.critical_values_meta).toMatchObject({ lab_report_id: SODIUM, test_name: "Sodium", critical_parameters: sodiumParams });
  });

  const replayKey = `replay-${randomUUID()}`;
  const icaDone = {
    lab_report_ids: [ICA],
    is_draft: false,
    recipients: ["Organization", "Patient"],
    critical_callout_comment: "Read back by RN Alvarez",
    critical_callout_meta: {
      communication_methods: ["email"],
      notify_to_others: { name: "On-call pathologist", contactNumber: "+1-555-000-0000" },
    },
  };

  test("Idempotency-Key: the repeat replays the first answer and writes nothing more", async ({ request }) => {
    const first = await send(request, post(icaDone, { headers: { "idempotency-key": replayKey } }), cookies);
    expect(first.status(), await first.text()).toBe(201);
    expect(first.headers()["idempotent-replayed"]).toBeUndefined();
    const firstBody = await first.json();
    expect(firstBody.reports).toEqual([{ labReportId: ICA, criticalValues: 2 }]);
    const after = await snapshot(request, BILL, [SODIUM, ICA]);
    expect(statuses(after)).toEqual({ [SODIUM]: 2, [ICA]: 2 });
    expect(after.logs.logs).toHaveLength(4);
    expect(after.audit.records.map((r: { id: number }) => r.id)).toEqual([firstBody.callout.callout_ids[0], doneSodiumRecord]);

    for (let i = 0; i < 2; i++) {
      const again = await send(request, post(icaDone, { headers: { "idempotency-key": replayKey } }), cookies);
      expect(again.status()).toBe(201);
      expect(again.headers()["idempotent-replayed"]).toBe("true");
      expect(await again.json()).toEqual(firstBody);
      expect(await snapshot(request, BILL, [SODIUM, ICA])).toEqual(after);
    }
  });

  test("Idempotency-Key reused with a different body: 409, nothing written", async ({ request }) => {
    const before = await snapshot(request, BILL, [SODIUM, ICA]);
    const res = await send(
      request,
      post({ ...icaDone, critical_callout_comment: "A different comment" }, { headers: { "idempotency-key": replayKey } }),
      cookies,
    );
    await expectError(res, 409, "conflict");
    const other = await send(request, post(icaDone, { path: calloutPath(581), headers: { "idempotency-key": replayKey } }), cookies);
    await expectError(other, 409, "conflict");
    expect(await snapshot(request, BILL, [SODIUM, ICA])).toEqual(before);
  });

  test("Idempotency-Keys are per user: another lab-2 user's same key is a new request", async ({ request }) => {
    const before = await snapshot(request, BILL, [SODIUM, ICA]);
    const res = await send(request, post(icaDone, { session: "rd.raman", headers: { "idempotency-key": replayKey } }), cookies);
    expect(res.status(), await res.text()).toBe(201);
    expect(res.headers()["idempotent-replayed"]).toBeUndefined();
    const out = await res.json();
    const after = await snapshot(request, BILL, [SODIUM, ICA]);
    expect(after.logs.logs).toHaveLength(before.logs.logs.length + 1);
    expect(after.logs.logs.at(-1)).toMatchObject({ id: out.callout.activity_log_id, labUserName: "Priya Raman, MLS" });
    // Newest first: rd.raman's record, then support2's two.
    expect(after.audit.records.map((r: { id: number }) => r.id)).toEqual([out.callout.callout_ids[0], ...before.audit.records.map((r: { id: number }) => r.id)]);
    expect(after.audit.records[0].performed_by_user_name).toBe("Priya Raman, MLS");
  });

  test("final state through every endpoint: both done, no draft, 5 logs oldest first, 3 records newest first", async ({ request }) => {
    const s = await snapshot(request, BILL, [SODIUM, ICA]);
    expect(statuses(s)).toEqual({ [SODIUM]: 2, [ICA]: 2 });
    expect(s.records.attempted_callout).toBeNull();
    const texts = s.logs.logs.map((l: { activityText: string }) => l.activityText.split(", Callout for")[0]);
    expect(texts).toEqual([
      `Callout Attempted by - ${ME}`,
      `Callout Attempted by - ${ME}`,
      `Callout done by - ${ME}`,
      `Callout done by - ${ME}`,
      "Callout done by - Priya Raman, MLS",
    ]);
    expect(s.audit.records.map((r: { lab_report_id: number }) => r.lab_report_id)).toEqual([ICA, ICA, SODIUM]);
    // Lab 1 sees none of it.
    const lab1 = await json(request, { method: "GET", path: `/report/bulk/critical-notification/logs?report_ids=${SODIUM},${ICA}`, session: "support" }, cookies);
    expect(lab1.body).toEqual({ logs: [] });
  });
});

// ---- notify configuration ----
const SETTINGS = "/settings/critical-notification";
// DESIGN §6's six and §9's eight.
const SETTING_KEYS = [
  "ack_link_hours",
  "additional_instruction",
  "always_notify",
  "escalation_after_minutes",
  "escalation_emails",
  "is_email",
  "lab_phone",
  "mandatory_comments",
  "max_attempts",
  "notify_target_minutes",
  "share_comment",
  "shifts",
  "show_patient_name",
  "time_zone",
];

test.describe("notify configuration", () => {
  const getCases: (ApiCase & { canEdit: boolean; lab: 1 | 2 })[] = (
    [
      ["tech", false, 1],
      ["tech2", false, 1],
      ["drdept", false, 1],
      ["drref", false, 1],
      ["support", true, 1],
      ["support2", true, 2],
      ["rd.raman", false, 2],
    ] as const
  ).map(([session, canEdit, lab]) => ({ name: session, method: "GET", path: SETTINGS, session, status: 200, canEdit, lab }));

  for (const c of getCases) {
    test(`GET 200 ${c.name} (can_edit ${c.canEdit})`, async ({ request }) => {
      const res = await send(request, c, cookies);
      const out = (await expectCase(res, c)) as { settings: Record<string, unknown>; can_edit: boolean };
      expect(Object.keys(out).sort()).toEqual(["can_edit", "settings"]);
      expect(Object.keys(out.settings).sort()).toEqual(SETTING_KEYS);
      expect(out.can_edit).toBe(c.canEdit);
      expect(out.settings.mandatory_comments).toBe(c.lab === 2 ? 1 : 0);
    });
  }

  const valid = {
    additional_instruction: "Escalate to the on-call pathologist after 15 minutes (e2e api).",
    mandatory_comments: 0,
    always_notify: 1,
    show_patient_name: 0,
    share_comment: 1,
    is_email: 1,
    notify_target_minutes: 45,
    escalation_after_minutes: 20,
    max_attempts: 2,
    escalation_emails: ["supervisor@northfield.test"],
    ack_link_hours: 48,
    time_zone: "America/Chicago",
    shifts: [
      { name: "Day", start: "07:00" },
      { name: "Night", start: "19:00" },
    ],
    lab_phone: "+1 312 555 0100",
  };
  const put = (session: User, b: unknown, extra: Partial<ApiCase> = {}): Omit<ApiCase, "name" | "status"> => ({
    method: "PUT",
    path: SETTINGS,
    session,
    body: b,
    ...extra,
  });
  const putCases: ApiCase[] = [
    ...(["tech", "tech2", "drdept", "drref"] as const).map((u) => ({ name: `${u} may not change it`, ...put(u, valid), status: 403, code: "forbidden" as const })),
    { name: "rd.raman (lab 2 lab_user) may not change it", ...put("rd.raman", valid), status: 403, code: "forbidden" },
    { name: "tech with an invalid body is still 403", ...put("tech", { nonsense: true }), status: 403, code: "forbidden" },
    { name: "support: flag out of range", ...put("support", { ...valid, mandatory_comments: 2 }), status: 400, code: "bad_request" },
    { name: "support: flag as boolean", ...put("support", { ...valid, is_email: true }), status: 400, code: "bad_request" },
    { name: "support: missing field (PUT replaces the whole object)", ...put("support", { ...valid, is_email: undefined }), status: 400, code: "bad_request" },
    { name: "support: unknown field", ...put("support", { ...valid, theme: "dark" }), status: 400, code: "bad_request" },
    { name: "support: instruction over 1000 chars", ...put("support", { ...valid, additional_instruction: "i".repeat(1001) }), status: 400, code: "bad_request" },
    { name: "support: escalation later than the target", ...put("support", { ...valid, escalation_after_minutes: 50 }), status: 400, code: "bad_request" },
    { name: "support: escalation email not an address", ...put("support", { ...valid, escalation_emails: ["supervisor"] }), status: 400, code: "bad_request" },
    { name: "support: unknown time zone", ...put("support", { ...valid, time_zone: "Lab/Basement" }), status: 400, code: "bad_request" },
    {
      name: "support: non-JSON",
      ...put("support", undefined, { raw: "mandatory_comments=1", headers: { "content-type": "application/json" } }),
      status: 400,
      code: "bad_request",
    },
    { name: "support: no Origin", ...put("support", valid, { origin: null }), status: 403, code: "forbidden" },
    { name: "support: foreign Origin", ...put("support", valid, { origin: "https://evil.example" }), status: 403, code: "forbidden" },
    { name: "no session", ...put("support", valid, { session: null }), status: 401, code: "unauthorized" },
  ];

  for (const c of putCases) {
    test(`PUT ${c.status} ${c.name}; nothing changed`, async ({ request }) => {
      const before = await json(request, { method: "GET", path: SETTINGS, session: "support" }, cookies);
      await expectCase(await send(request, c, cookies), c);
      const after = await json(request, { method: "GET", path: SETTINGS, session: "support" }, cookies);
      expect(after.body).toEqual(before.body);
    });
  }

  test("PUT 200 for support: saved for lab 1 only, then put back", async ({ request }) => {
    const original = (await json(request, { method: "GET", path: SETTINGS, session: "support" }, cookies)).body.settings;
    const lab2Before = (await json(request, { method: "GET", path: SETTINGS, session: "support2" }, cookies)).body;
    try {
      const res = await send(request, put("support", valid), cookies);
      expect(res.status(), await res.text()).toBe(200);
      expect(await res.json()).toEqual({ settings: valid, can_edit: true });
      expect((await json(request, { method: "GET", path: SETTINGS, session: "tech" }, cookies)).body).toEqual({ settings: valid, can_edit: false });
      expect((await json(request, { method: "GET", path: SETTINGS, session: "support2" }, cookies)).body).toEqual(lab2Before);
    } finally {
      const restore = await send(request, put("support", original), cookies);
      expect(restore.status(), await restore.text()).toBe(200);
    }
    expect((await json(request, { method: "GET", path: SETTINGS, session: "support" }, cookies)).body).toEqual({ settings: original, can_edit: true });
  });
});
