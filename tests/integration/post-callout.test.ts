// Endpoint 4: attempted and done callouts, draft replacement, activity log, validation, atomicity,
// idempotency and concurrency — through the route handler, on PGlite or PostgreSQL.
import { and, eq, isNull, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as auditRoute } from "../../app/operation/critical-callout/route";
import { GET as logsRoute } from "../../app/report/bulk/critical-notification/logs/route";
import { POST as calloutRoute } from "../../app/report/[billId]/critical/callout/route";
import { GET as recordsRoute } from "../../app/report/[billId]/critical/records/route";
import { putNotifySettings } from "../../db/queries/settings";
import * as t from "../../db/schema";
import { DEFAULT_NOTIFY_SETTINGS } from "../../contracts/settings";
import { openTestDb, type TestDb } from "../support/db";
import { failInsertsInto } from "../support/faults";
import { buildScenario, type Scenario } from "../support/fixtures";
import { call } from "../support/http";
import { loginAs } from "../support/session";

let tdb: TestDb;
beforeAll(async () => {
  tdb = await openTestDb({ max: 30 });
});
afterAll(() => tdb.dispose());

async function world() {
  const s = await buildScenario(tdb.db);
  const cookies: Record<string, string> = {};
  for (const k of ["support", "tech0", "tech1", "drref", "supportB"] as const) cookies[k] = await loginAs(s.users[k].username);
  return { s, cookies };
}

const done = (ids: number[], extra: Record<string, unknown> = {}) => ({
  lab_report_ids: ids,
  is_draft: false,
  recipients: ["Organization", "Referral"],
  critical_callout_comment: "Read back by RN Jones",
  critical_callout_meta: { communication_methods: ["email", "fax"] },
  ...extra,
});
const attempt = (ids: number[], extra: Record<string, unknown> = {}) => ({ ...done(ids), is_draft: true, critical_callout_comment: "No answer", ...extra });

function post(cookie: string, billId: number, body: unknown, key?: string) {
  return call(calloutRoute, `/report/${billId}/critical/callout`, {
    cookie,
    body,
    params: { billId: String(billId) },
    headers: key ? { "idempotency-key": key } : {},
  });
}

/** Everything a callout can write, for "nothing was written" checks. */
async function snapshot(s: Scenario) {
  const db = tdb.db;
  const callouts = await db.select().from(t.criticalCallouts).where(eq(t.criticalCallouts.labId, s.labA.id)).orderBy(t.criticalCallouts.id);
  const logs = await db.select().from(t.activityLogs).where(eq(t.activityLogs.labId, s.labA.id)).orderBy(t.activityLogs.id);
  const statuses = await db
    .select({ id: t.labReports.id, v: t.labReports.criticalValues })
    .from(t.labReports)
    .where(eq(t.labReports.labId, s.labA.id))
    .orderBy(t.labReports.id);
  return { callouts, logs, statuses };
}

async function statusOf(id: number) {
  const [r] = await tdb.db.select({ v: t.labReports.criticalValues }).from(t.labReports).where(eq(t.labReports.id, id));
  return r.v;
}

async function draftsOf(billId: number) {
  return tdb.db
    .select()
    .from(t.criticalCallouts)
    .where(and(eq(t.criticalCallouts.billId, billId), isNull(t.criticalCallouts.labReportId)));
}

describe("done callout", () => {
  it("writes one record per report with a snapshot, marks them done, clears the draft, reopens unselected attempts, logs once", async () => {
    const { s, cookies } = await world();
    const res = await post(cookies.support, s.bill1.id, done([s.r.cbcPending.id, s.r.cultureDone.id]));
    expect(res.status).toBe(201);
    expect(res.json.callout).toMatchObject({ is_draft: false, bill_id: s.bill1.id, lab_report_ids: [s.r.cbcPending.id, s.r.cultureDone.id] });
    expect(res.json.callout.callout_ids).toHaveLength(2);
    expect(res.json.reports).toEqual(
      expect.arrayContaining([
        { labReportId: s.r.cbcPending.id, criticalValues: 2 },
        { labReportId: s.r.cultureDone.id, criticalValues: 2 },
        { labReportId: s.r.kAttempted.id, criticalValues: 1 },
      ]),
    );
    expect(await statusOf(s.r.cbcPending.id)).toBe(2);
    expect(await statusOf(s.r.kAttempted.id)).toBe(1); // was attempted (4), not selected → actionable again
    expect(await draftsOf(s.bill1.id)).toEqual([]);

    const rows = await tdb.db.select().from(t.criticalCallouts).where(eq(t.criticalCallouts.labReportId, s.r.cbcPending.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      isDraft: false,
      recipients: ["Organization", "Referral"],
      criticalCalloutComment: "Read back by RN Jones",
      performedByUserId: s.users.support.id,
      orgId: s.org.id,
      patientId: s.patient.id,
      referralId: s.doctors.ref1.id,
    });
    expect(rows[0].criticalValuesMeta).toMatchObject({
      test_name: "Complete Blood Count",
      critical_parameters: [{ parameter_name: "Hemoglobin", value: 6.1, flag: "LL", reference_range: "13 - 17" }],
    });

    const logs = await tdb.db.select().from(t.activityLogs).where(eq(t.activityLogs.id, res.json.callout.activity_log_id));
    expect(logs[0]).toMatchObject({
      logCategoryId: 648,
      billId: s.bill1.id,
      labReportId: s.r.cbcPending.id,
      labReportIds: [s.r.cbcPending.id, s.r.cultureDone.id],
      labUserName: "Support A",
      activityText:
        "Callout done by - Support A, Callout for - Complete Blood Count, Blood Culture, Method - Email, Fax, Recipients - Organization, Referral, Comment - Read back by RN Jones",
    });
    expect(logs[0].dumpedJson).toMatchObject({
      bill_id: s.bill1.id,
      lab_report_ids: [s.r.cbcPending.id, s.r.cultureDone.id],
      callout_for: ["Complete Blood Count", "Blood Culture"],
      method: "Email, Fax",
      callout_done_by: "Support A",
      recipients: "Organization, Referral",
      comment: "Read back by RN Jones",
      is_draft: false,
      contacts: { Organization: { name: "St. Mary Clinic", email: "desk@stmary.test" }, Referral: { name: "Dr. Rhea Kapoor" } },
    });
  });

  it("is visible through endpoints 1, 2 and 3 afterwards", async () => {
    const { s, cookies } = await world();
    await post(cookies.support, s.bill1.id, done([s.r.cbcPending.id]));
    const records = await call(recordsRoute, "/r", { cookie: cookies.support, params: { billId: String(s.bill1.id) } });
    const cbc = records.json.reports.find((r: { lab_report: { labReportId: number } }) => r.lab_report.labReportId === s.r.cbcPending.id);
    expect(cbc.lab_report.criticalValues).toBe(2);
    expect(records.json.attempted_callout).toBeNull();
    const audit = await call(auditRoute, "/operation/critical-callout", { cookie: cookies.support, body: { lab_report_ids: [s.r.cbcPending.id] } });
    expect(audit.json.records[0]).toMatchObject({ lab_report_id: s.r.cbcPending.id, performed_by_user_name: "Support A", critical_callout_comment: "Read back by RN Jones" });
    // The record keeps what was called out: the report's critical values as they were at the time.
    expect(audit.json.records[0].critical_values_meta).toEqual({
      lab_report_id: s.r.cbcPending.id,
      test_id: s.tests.cbc.id,
      test_name: "Complete Blood Count",
      department_name: "Hematology",
      critical_parameters: cbc.critical_parameters,
    });
    expect(cbc.critical_parameters).toEqual([expect.objectContaining({ parameter_name: "Hemoglobin", value: 6.1, flag: "LL" })]);
    const logs = await call(logsRoute, `/report/bulk/critical-notification/logs?report_ids=${s.r.cbcPending.id}`, { cookie: cookies.support });
    expect(logs.json.logs.at(-1).activityText).toMatch(/^Callout done by - Support A, Callout for - Complete Blood Count/);
  });

  it("records the doctor who performed it", async () => {
    const { s, cookies } = await world();
    const res = await post(cookies.drref, s.bill1.id, done([s.r.cbcPending.id]));
    expect(res.status).toBe(201);
    const audit = await call(auditRoute, "/operation/critical-callout", { cookie: cookies.drref, body: { lab_report_ids: [s.r.cbcPending.id] } });
    expect(audit.json.records[0].performed_by_doctor_name).toBe("Dr. Rhea Kapoor");
  });
});

describe("attempted callout", () => {
  it("replaces the bill's draft with one bill-level row whose callout_for holds the testIDs", async () => {
    const { s, cookies } = await world();
    const res = await post(cookies.support, s.bill1.id, attempt([s.r.cbcPending.id]));
    expect(res.status).toBe(201);
    const drafts = await draftsOf(s.bill1.id);
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({ isDraft: true, labReportId: null, criticalCalloutComment: "No answer" });
    expect(drafts[0].criticalCalloutMeta).toMatchObject({ communication_methods: ["email", "fax"], callout_for: [s.tests.cbc.id] });
    expect(await statusOf(s.r.cbcPending.id)).toBe(4);
    expect(await statusOf(s.r.kAttempted.id)).toBe(1);
    const records = await call(recordsRoute, "/r", { cookie: cookies.support, params: { billId: String(s.bill1.id) } });
    expect(records.json.attempted_callout.critical_callout_meta.callout_for).toEqual([s.tests.cbc.id]);
    const [log] = await tdb.db.select().from(t.activityLogs).where(eq(t.activityLogs.id, res.json.callout.activity_log_id));
    expect(log.activityText).toMatch(/^Callout Attempted by - Support A, Callout for - Complete Blood Count, /);
    expect(log.dumpedJson).toMatchObject({ is_draft: true });
  });

  it("restores a draft's snapshots to each session only for the reports it may see", async () => {
    const { s, cookies } = await world();
    // support drafts a Hematology report (CBC) and a Chemistry one (potassium) of bill 1.
    expect((await post(cookies.support, s.bill1.id, attempt([s.r.cbcPending.id, s.r.kAttempted.id]))).status).toBe(201);
    const snapshotIds = async (who: string) => {
      const res = await call(recordsRoute, "/r", { cookie: cookies[who], params: { billId: String(s.bill1.id) } });
      return res.json.attempted_callout.critical_values_meta.reports.map((r: { lab_report_id: number }) => r.lab_report_id).sort();
    };
    expect(await snapshotIds("support")).toEqual([s.r.cbcPending.id, s.r.kAttempted.id].sort());
    expect(await snapshotIds("tech0")).toEqual([s.r.cbcPending.id]); // Hematology only
    expect(await snapshotIds("tech1")).toEqual([s.r.kAttempted.id]); // Chemistry only
  });
});

describe("rejected requests write nothing", () => {
  it.each([
    ["a report of another bill", (s: Scenario) => [s.bill1.id, done([s.r.otherDoctor.id])], 400],
    ["a dismissed report", (s: Scenario) => [s.bill1.id, done([s.r.dismissed.id])], 400],
    ["an uncollected report", (s: Scenario) => [s.bill1.id, done([s.r.uncollected.id])], 400],
    ["a NORMAL report", (s: Scenario) => [s.bill1.id, done([s.r.normal.id])], 400],
    ["an ABNORMAL report", (s: Scenario) => [s.bill1.id, done([s.r.abnormal.id])], 400],
    ["a report with no critical parameter", (s: Scenario) => [s.bill1.id, done([s.r.notCritical.id])], 400],
    ["a mix of good and bad reports", (s: Scenario) => [s.bill1.id, done([s.r.cbcPending.id, s.r.normal.id])], 400],
    ["another lab's bill", (s: Scenario) => [s.billB.id, done([s.r.otherLab.id])], 404],
    ["a nonexistent report id", (s: Scenario) => [s.bill1.id, done([2147483647])], 400],
    ["an unknown recipient", (s: Scenario) => [s.bill1.id, done([s.r.cbcPending.id], { recipients: ["Nurse"] })], 400],
    ["an unknown method", (s: Scenario) => [s.bill1.id, done([s.r.cbcPending.id], { critical_callout_meta: { communication_methods: ["pigeon"] } })], 400],
    ["a comment over 2000 characters", (s: Scenario) => [s.bill1.id, done([s.r.cbcPending.id], { critical_callout_comment: "x".repeat(2001) })], 400],
    ["no reports", (s: Scenario) => [s.bill1.id, done([])], 400],
    ["a string id", (s: Scenario) => [s.bill1.id, done([String(s.r.cbcPending.id)] as unknown as number[])], 400],
    ["is_draft missing", (s: Scenario) => [s.bill1.id, { ...done([s.r.cbcPending.id]), is_draft: undefined }], 400],
    ["an unknown field", (s: Scenario) => [s.bill1.id, { ...done([s.r.cbcPending.id]), admin: true }], 400],
    ["done with no method and no contact made", (s: Scenario) => [s.bill1.id, done([s.r.cbcPending.id], { critical_callout_meta: { communication_methods: [] } })], 400],
  ] as const)("%s", async (_label, make, expected) => {
    const { s, cookies } = await world();
    const [billId, body] = make(s);
    const before = await snapshot(s);
    const res = await post(cookies.support, billId as number, body);
    expect(res.status).toBe(expected);
    expect(res.json.error.code).toBe(expected === 404 ? "not_found" : "bad_request");
    expect(await snapshot(s)).toEqual(before);
  });

  it("refuses reports outside the user's departments (tech0 sees hema only)", async () => {
    const { s, cookies } = await world();
    const before = await snapshot(s);
    const res = await post(cookies.tech0, s.bill1.id, done([s.r.kAttempted.id]));
    expect(res.status).toBe(400);
    expect(res.json.error.details).toEqual({ lab_report_ids: [s.r.kAttempted.id] });
    expect(await snapshot(s)).toEqual(before);
  });

  it("answers 404 to a referral doctor posting on a bill not assigned to them", async () => {
    const { s, cookies } = await world();
    const res = await post(cookies.drref, s.bill2.id, done([s.r.otherDoctor.id]));
    expect(res.status).toBe(404);
  });

  it("requires a comment when the lab's configuration makes it mandatory, for both actions", async () => {
    const { s, cookies } = await world();
    await putNotifySettings(tdb.db, s.labA.id, { ...DEFAULT_NOTIFY_SETTINGS, mandatory_comments: 1 });
    const before = await snapshot(s);
    for (const body of [done([s.r.cbcPending.id], { critical_callout_comment: "  " }), attempt([s.r.cbcPending.id], { critical_callout_comment: "" })]) {
      const res = await post(cookies.support, s.bill1.id, body);
      expect(res.status).toBe(400);
      expect(res.json.error.message).toMatch(/comment/);
    }
    expect(await snapshot(s)).toEqual(before);
    expect((await post(cookies.support, s.bill1.id, done([s.r.cbcPending.id]))).status).toBe(201);
  });

  it("leaves nothing behind when the request fails half-way (after the callout rows and statuses)", async () => {
    const { s, cookies } = await world();
    const before = await snapshot(s);
    // The activity log insert comes after the draft delete, the callout inserts and the status updates.
    const removeFault = await failInsertsInto(tdb.db, "activity_logs", "simulated crash at the activity log");
    try {
      const res = await post(cookies.support, s.bill1.id, done([s.r.cbcPending.id, s.r.cultureDone.id]));
      expect(res.status).toBe(500);
      expect(res.json.error.code).toBe("internal");
      expect(res.text).not.toMatch(/simulated crash|at .*\.ts/);
    } finally {
      await removeFault();
    }
    expect(await snapshot(s)).toEqual(before);
    expect(await draftsOf(s.bill1.id)).toHaveLength(1); // the draft deleted first is back
  });
});

describe("idempotency", () => {
  it("replays the first answer for the same key and writes nothing more", async () => {
    const { s, cookies } = await world();
    const first = await post(cookies.support, s.bill1.id, done([s.r.cbcPending.id]), "key-1");
    const mid = await snapshot(s);
    const again = await post(cookies.support, s.bill1.id, done([s.r.cbcPending.id]), "key-1");
    expect(again.status).toBe(first.status);
    expect(again.json).toEqual(first.json);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(await snapshot(s)).toEqual(mid);
  });

  it("refuses the same key with a different body (409) and lets another user use the same key", async () => {
    const { s, cookies } = await world();
    await post(cookies.support, s.bill1.id, done([s.r.cbcPending.id]), "key-2");
    const other = await post(cookies.support, s.bill1.id, done([s.r.cultureDone.id]), "key-2");
    expect(other.status).toBe(409);
    const tech = await post(cookies.tech0, s.bill1.id, attempt([s.r.cbcPending.id]), "key-2");
    expect(tech.status).toBe(201); // keys are per user; a done report can be called out again
  });

  it("10 parallel requests with one key make one record", async () => {
    const { s, cookies } = await world();
    const results = await Promise.all(
      Array.from({ length: 10 }, () => post(cookies.support, s.bill1.id, done([s.r.cbcPending.id]), "same-key")),
    );
    expect(results.map((r) => r.status)).toEqual(Array(10).fill(201));
    expect(new Set(results.map((r) => JSON.stringify(r.json))).size).toBe(1);
    const rows = await tdb.db.select().from(t.criticalCallouts).where(eq(t.criticalCallouts.labReportId, s.r.cbcPending.id));
    expect(rows).toHaveLength(1);
    const logs = await tdb.db.select().from(t.activityLogs).where(sql`${t.activityLogs.labReportIds} @> array[${s.r.cbcPending.id}]::int[] and ${t.activityLogs.userId} = ${s.users.support.id}`);
    expect(logs).toHaveLength(1);
  });

  it("20 parallel requests with distinct keys: as many records as successes, no 5xx", async () => {
    const { s, cookies } = await world();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => post(cookies.support, s.bill1.id, done([s.r.cbcPending.id]), `k-${i}`)),
    );
    expect(results.filter((r) => r.status >= 500)).toEqual([]);
    const ok = results.filter((r) => r.status === 201).length;
    expect(ok).toBeGreaterThan(0);
    const rows = await tdb.db.select().from(t.criticalCallouts).where(eq(t.criticalCallouts.labReportId, s.r.cbcPending.id));
    expect(rows).toHaveLength(ok);
  });
});

describe("concurrency", () => {
  it("parallel draft saves by two users leave exactly one draft and no 5xx", async () => {
    const { s, cookies } = await world();
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        post(i % 2 ? cookies.support : cookies.drref, s.bill1.id, attempt([i % 3 ? s.r.cbcPending.id : s.r.kAttempted.id])),
      ),
    );
    expect(results.filter((r) => r.status >= 500)).toEqual([]);
    expect(results.every((r) => r.status === 201 || r.status === 409)).toBe(true);
    expect(await draftsOf(s.bill1.id)).toHaveLength(1);
    const logs = await tdb.db.select().from(t.activityLogs).where(sql`${t.activityLogs.billId} = ${s.bill1.id} and ${t.activityLogs.activityText} like 'Callout Attempted by - %' and ${t.activityLogs.id} > 0`);
    expect(logs.length).toBe(1 + results.filter((r) => r.status === 201).length); // the fixture's plus one per success
  });
});

describe("housekeeping", () => {
  it("purges idempotency keys after 48 hours, not before", async () => {
    const { s, cookies } = await world();
    await post(cookies.support, s.bill1.id, attempt([s.r.cbcPending.id]), "old-key");
    await post(cookies.support, s.bill1.id, attempt([s.r.cbcPending.id]), "fresh-key");
    const { purgeExpired } = await import("../../server/notify/outbox-worker");
    await tdb.db.update(t.idempotencyKeys).set({ createdAt: new Date(Date.now() - 49 * 3600_000) }).where(eq(t.idempotencyKeys.key, "old-key"));
    await tdb.db.update(t.idempotencyKeys).set({ createdAt: new Date(Date.now() - 25 * 3600_000) }).where(eq(t.idempotencyKeys.key, "fresh-key"));
    await purgeExpired(tdb.db);
    const keys = (await tdb.db.select().from(t.idempotencyKeys).where(eq(t.idempotencyKeys.userId, s.users.support.id))).map((k) => k.key);
    expect(keys).toContain("fresh-key");
    expect(keys).not.toContain("old-key");
  });
});
