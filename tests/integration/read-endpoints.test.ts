// Endpoints 1–3 of DESIGN §5 through their route handlers: filters, scoping rows, isolation, ids.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as recordsAuditRoute } from "../../app/operation/critical-callout/route";
import { GET as logsRoute } from "../../app/report/bulk/critical-notification/logs/route";
import { GET as recordsRoute } from "../../app/report/[billId]/critical/records/route";
import * as schema from "../../db/schema";
import type { TestDb } from "../support/db";
import type { Scenario } from "../support/fixtures";
import { call } from "../support/http";
import { loginAs } from "../support/session";
import { openScenario } from "../support/world";

let tdb: TestDb;
let s: Scenario;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  ({ tdb, s } = await openScenario());
  for (const [k, u] of Object.entries(s.users)) cookies[k] = await loginAs(u.username);
});
afterAll(() => tdb.dispose());

const records = (who: string, billId: number | string) =>
  call(recordsRoute, `/report/${billId}/critical/records`, { cookie: cookies[who], params: { billId: String(billId) } });
const logs = (who: string, query: string) =>
  call(logsRoute, `/report/bulk/critical-notification/logs?${query}`, { cookie: cookies[who] });
const audit = (who: string, body: unknown) => call(recordsAuditRoute, "/operation/critical-callout", { cookie: cookies[who], body });

const reportIdsOf = (json: { reports: { lab_report: { labReportId: number } }[] }) =>
  json.reports.map((r) => r.lab_report.labReportId).sort((a, b) => a - b);

describe("GET /report/{billId}/critical/records", () => {
  it("returns the bill's critical reports with their parameters and the seed's field names", async () => {
    const res = await records("support", s.bill1.id);
    expect(res.status).toBe(200);
    expect(reportIdsOf(res.json)).toEqual([s.r.cbcPending.id, s.r.kAttempted.id, s.r.cultureDone.id]);
    const cbc = res.json.reports.find((r: { lab_report: { labReportId: number } }) => r.lab_report.labReportId === s.r.cbcPending.id);
    expect(cbc.critical_parameters).toEqual([
      { parameter_id: s.params.hgb.id, parameter_name: "Hemoglobin", value: 6.1, unit: "g/dL", reference_range: "13 - 17", critical_range: "7 - 20", flag: "LL" },
    ]);
    expect(Object.keys(cbc.lab_report).sort()).toEqual(
      ["orgId", "onHold", "billId", "docForId", "reportID", "isSigned", "isSynced", "comments", "isProfile", "isApproved", "isResolved", "inQuestion", "labReportId", "notPerformed", "claim_on_hold", "userDetailsId", "reportFormatId", "criticalValues", "auto_approval_status"].sort(),
    );
    expect(cbc.lab_report).toMatchObject({
      billId: s.bill1.id, orgId: s.org.id, docForId: s.doctors.ref1.id, userDetailsId: s.patient.id, criticalValues: 1,
      reportID: { testID: s.tests.cbc.id, testName: "Complete Blood Count", departmentId: s.depts.hema.id, departmentName: "Hematology", isProfile: false },
    });
    const culture = res.json.reports.find((r: { lab_report: { labReportId: number } }) => r.lab_report.labReportId === s.r.cultureDone.id);
    expect(culture.critical_parameters[0]).toMatchObject({ value: "Growth Detected", flag: "AA", reference_range: "" });
  });

  it("shows a doctor login that has no doctor record nothing: no bill, no logs", async () => {
    const support = s.users.support;
    await tdb.db.insert(schema.users).values({
      labId: support.labId, username: `drnone-${support.username}`, passwordHash: support.passwordHash,
      displayName: "Dr. Nobody", kind: "doctor", doctorId: null,
    });
    const cookie = await loginAs(`drnone-${support.username}`);
    const res = await call(recordsRoute, `/report/${s.bill1.id}/critical/records`, { cookie, params: { billId: String(s.bill1.id) } });
    expect(res.status).toBe(404);
    const log = await call(logsRoute, `/report/bulk/critical-notification/logs?report_ids=${s.r.kAttempted.id}`, { cookie });
    expect(log.status).toBe(200);
    expect(log.json.logs).toEqual([]);
  });

  it("leaves out dismissed, uncollected, NORMAL (0), ABNORMAL (3) and non-critical reports", async () => {
    const ids = reportIdsOf((await records("support", s.bill1.id)).json);
    for (const r of [s.r.dismissed, s.r.uncollected, s.r.normal, s.r.abnormal, s.r.notCritical]) expect(ids).not.toContain(r.id);
  });

  it("restores the bill's draft as attempted_callout", async () => {
    const res = await records("support", s.bill1.id);
    expect(res.json.attempted_callout).toEqual({
      recipients: ["Referral"],
      critical_callout_comment: "No answer at the clinic",
      critical_values_meta: {},
      critical_callout_meta: { communication_methods: ["email"], callout_for: [s.tests.potassium.id] },
    });
    expect((await records("support", s.bill2.id)).json.attempted_callout).toBeNull();
  });

  it("shows a scoped session only the part of the draft that names reports it may see", async () => {
    const tech0 = await records("tech0", s.bill1.id); // hema only; the draft is for potassium (chem)
    expect(tech0.json.attempted_callout.critical_callout_meta.callout_for).toEqual([]);
    const tech1 = await records("tech1", s.bill1.id); // chem
    expect(tech1.json.attempted_callout.critical_callout_meta.callout_for).toEqual([s.tests.potassium.id]);
  });

  it.each([
    ["tech0", "lab_user dt 0: departments in the session (hema)", () => [s.r.cbcPending.id]],
    ["tech1", "lab_user dt 1: lab_user_departments (chem), not department_ids", () => [s.r.kAttempted.id]],
    ["drdept", "doctor doc_type 0: doctor_departments (hema)", () => [s.r.cbcPending.id]],
    ["drref", "doctor doc_type 2: bills assigned to them", () => [s.r.cbcPending.id, s.r.kAttempted.id, s.r.cultureDone.id]],
    ["support", "support: every department", () => [s.r.cbcPending.id, s.r.kAttempted.id, s.r.cultureDone.id]],
    ["nodept", "lab_user dt 0 with no departments: nothing", () => []],
  ])("scopes %s (%s)", async (who, _label, expected) => {
    const res = await records(who, s.bill1.id);
    expect(res.status).toBe(200);
    expect(reportIdsOf(res.json)).toEqual(expected().sort((a, b) => a - b));
  });

  it("answers 404 for another doctor's bill, another lab's bill and a bill that does not exist, alike", async () => {
    const unassigned = await records("drref", s.bill2.id);
    const otherLab = await records("support", s.billB.id);
    const missing = await records("support", 2147483647);
    for (const res of [unassigned, otherLab, missing]) {
      expect(res.status).toBe(404);
      expect(res.json.error).toMatchObject({ code: "not_found", message: "Bill not found" });
    }
    expect((await records("supportB", s.bill1.id)).status).toBe(404);
    expect((await records("supportB", s.billB.id)).status).toBe(200);
  });

  it.each(["abc", "-1", "1.5", "0", "2147483648", "99999999999999999999", " 1", "1e3", "0x10"])("rejects bill id %j with 400", async (bad) => {
    const res = await records("support", bad);
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe("bad_request");
  });
});

describe("GET /report/bulk/critical-notification/logs", () => {
  it("returns category-648 entries of the lab for the requested reports, oldest first", async () => {
    const res = await logs("support", `report_ids=${s.r.cbcPending.id},${s.r.cultureDone.id}`);
    expect(res.status).toBe(200);
    expect(res.json.logs.map((l: { activityText: string }) => l.activityText)).toEqual([
      "Callout Attempted by - Tech Zero",
      "Callout done by - Support A",
    ]);
    expect(res.json.logs[0]).toEqual({
      id: expect.any(Number),
      labReportId: s.r.kAttempted.id,
      labReportIds: [s.r.kAttempted.id, s.r.cbcPending.id],
      meta: { is_draft: true },
      labUserName: "Tech Zero",
      activityText: "Callout Attempted by - Tech Zero",
      activityDate: "2026-11-20T08:30:00.000Z",
      deliveries: [],
    });
  });

  it("shows nothing of reports out of scope or of another lab", async () => {
    expect((await logs("tech0", `report_ids=${s.r.cultureDone.id}`)).json.logs).toEqual([]);
    expect((await logs("support", `report_ids=${s.r.otherLab.id}`)).json.logs).toEqual([]);
    expect((await logs("supportB", `report_ids=${s.r.cultureDone.id}`)).json.logs).toEqual([]);
    expect((await logs("supportB", `report_ids=${s.r.otherLab.id}`)).json.logs).toHaveLength(1);
  });

  it.each([
    ["missing", ""],
    ["empty", "report_ids="],
    ["letters", "report_ids=1,a"],
    ["sign", "report_ids=-1"],
    ["plus", "report_ids=%2B1"],
    ["decimal", "report_ids=1.0"],
    ["blank element", "report_ids=1,,2"],
    ["trailing comma", "report_ids=1,"],
    ["space", "report_ids=1,%202"],
    ["zero", "report_ids=0"],
    ["past int4", "report_ids=2147483648"],
    ["too many", `report_ids=${Array.from({ length: 201 }, (_, i) => i + 1).join(",")}`],
  ])("rejects %s ids with 400", async (_label, query) => {
    const res = await logs("support", query);
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe("bad_request");
  });

  it("accepts exactly 200 ids", async () => {
    const res = await logs("support", `report_ids=${Array.from({ length: 200 }, (_, i) => i + 1).join(",")}`);
    expect(res.status).toBe(200);
  });
});

describe("POST /operation/critical-callout", () => {
  it("returns the non-draft records of the reports with resolved names", async () => {
    const res = await audit("support", { lab_report_ids: [s.r.cultureDone.id, s.r.kAttempted.id] });
    expect(res.status).toBe(200);
    expect(res.json.records).toHaveLength(1);
    expect(res.json.records[0]).toMatchObject({
      bill_id: s.bill1.id,
      lab_report_id: s.r.cultureDone.id,
      recipients: ["Organization"],
      org_name: "St. Mary Clinic",
      patient_name: "Maria Lopez",
      referral_name: "Dr. Rhea Kapoor",
      performed_by_user_name: "Support A",
      performed_by_doctor_name: null,
      critical_callout_comment: "Informed ward nurse",
      critical_callout_meta: { communication_methods: ["fax"] },
      created_on: "2026-11-20T09:00:00.000Z",
    });
  });

  it("hides records out of scope and of other labs", async () => {
    expect((await audit("tech0", { lab_report_ids: [s.r.cultureDone.id] })).json.records).toEqual([]);
    expect((await audit("supportB", { lab_report_ids: [s.r.cultureDone.id] })).json.records).toEqual([]);
  });

  it.each([
    ["no body field", {}],
    ["empty list", { lab_report_ids: [] }],
    ["strings", { lab_report_ids: ["1"] }],
    ["decimal", { lab_report_ids: [1.5] }],
    ["negative", { lab_report_ids: [-1] }],
    ["past int4", { lab_report_ids: [2147483648] }],
    ["too many", { lab_report_ids: Array.from({ length: 501 }, (_, i) => i + 1) }],
    ["not an array", { lab_report_ids: 5 }],
  ])("rejects %s with 400", async (_label, body) => {
    const res = await audit("support", body);
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe("bad_request");
  });

  it("refuses a POST without the app's Origin with 403", async () => {
    const res = await call(recordsAuditRoute, "/operation/critical-callout", {
      cookie: cookies.support,
      body: { lab_report_ids: [1] },
      origin: "https://evil.example",
    });
    expect(res.status).toBe(403);
  });
});
