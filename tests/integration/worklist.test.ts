// The worklist (GET /api/worklist) and its Excel export (GET /api/worklist/export) through their route
// handlers, on the fixture scenario plus a few bills of our own: tabs and counts, filters, sorting,
// pagination, scope, bad input, and the workbook read back with exceljs.
import ExcelJS from "exceljs";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as exportRoute } from "../../app/api/worklist/export/route";
import { GET as worklistRoute } from "../../app/api/worklist/route";
import { listVisibleDepartments } from "../../db/queries/departments";
import { loadSession } from "../../db/queries/sessions";
import { putNotifySettings } from "../../db/queries/settings";
import * as t from "../../db/schema";
import { DEFAULT_NOTIFY_SETTINGS } from "../../contracts/settings";
import { queryCounter, type TestDb } from "../support/db";
import { PASSWORD, type Scenario } from "../support/fixtures";
import { call, ORIGIN } from "../support/http";
import { loginAs } from "../support/session";
import { openScenario } from "../support/world";

let tdb: TestDb;
let s: Scenario;
const cookies: Record<string, string> = {};
let bill3: t.Bill;
let bill3Report: t.LabReport;
let doneBills: t.Bill[];
let doneReports: t.LabReport[];
let labC: t.Lab;

const DONE_BILLS = 27;

beforeAll(async () => {
  ({ tdb, s } = await openScenario());
  const db = tdb.db;
  // bill3: another patient, an older attempted CBC, no referral doctor and no organization.
  const [zed] = await db.insert(t.patients).values({ labId: s.labA.id, fullName: "Zed Quinn", sex: "M", dateOfBirth: "1980-01-01" }).returning();
  [bill3] = await db
    .insert(t.bills)
    .values({ labId: s.labA.id, patientId: zed.id, accessionNo: `C-${s.tag}-3`, createdAt: new Date("2026-11-10T06:00:00Z") })
    .returning();
  [bill3Report] = await db
    .insert(t.labReports)
    .values({
      labId: s.labA.id, billId: bill3.id, testId: s.tests.cbc.id, patientId: zed.id, sampleCollected: true,
      sampleCollectedAt: new Date("2026-11-10T07:00:00Z"), isApproved: true, approvedAt: new Date("2026-11-10T10:00:00Z"), criticalValues: 4,
    })
    .returning();
  await db.insert(t.reportValues).values({ labReportId: bill3Report.id, parameterId: s.params.hgb.id, valueNumeric: "5.0" });

  // 27 bills whose one potassium report is done: the Done tab, two pages of it.
  doneBills = await db
    .insert(t.bills)
    .values(
      Array.from({ length: DONE_BILLS }, (_, i) => ({
        labId: s.labA.id, patientId: s.patient.id, docId: s.doctors.ref2.id, orgId: s.org.id,
        accessionNo: `D-${s.tag}-${String(i + 1).padStart(2, "0")}`, createdAt: new Date(Date.UTC(2026, 10, 1, i)),
      })),
    )
    .returning();
  doneReports = await db
    .insert(t.labReports)
    .values(
      doneBills.map((b) => ({
        labId: s.labA.id, billId: b.id, testId: s.tests.potassium.id, patientId: s.patient.id, sampleCollected: true,
        sampleCollectedAt: b.createdAt, isApproved: true, approvedAt: b.createdAt, criticalValues: 2,
      })),
    )
    .returning();
  await db.insert(t.reportValues).values(doneReports.map((r) => ({ labReportId: r.id, parameterId: s.params.k.id, valueNumeric: "1.9" })));
  // Two callouts on the first done report: the export carries the newer one (by a doctor).
  const callout = { labId: s.labA.id, billId: doneBills[0].id, labReportId: doneReports[0].id, isDraft: false, orgId: s.org.id, patientId: s.patient.id };
  await db.insert(t.criticalCallouts).values([
    { ...callout, recipients: ["Organization"], criticalCalloutComment: "first", criticalCalloutMeta: { communication_methods: ["email"] }, performedByUserId: s.users.tech0.id, createdOn: new Date("2026-11-02T09:00:00Z") },
    { ...callout, recipients: ["Referral", "Patient"], criticalCalloutComment: "second", criticalCalloutMeta: { communication_methods: ["sms", "fax"] }, performedByDoctorId: s.doctors.ref1.id, createdOn: new Date("2026-11-02T10:00:00Z") },
  ]);

  // Lab C: one bill with more critical reports than an export may hold.
  [labC] = await db.insert(t.labs).values({ name: `Lab C ${s.tag}` }).returning();
  const [deptC] = await db.insert(t.departments).values({ labId: labC.id, name: "Chem C" }).returning();
  const [testC] = await db.insert(t.tests).values({ labId: labC.id, testName: "Potassium", departmentId: deptC.id }).returning();
  const [patientC] = await db.insert(t.patients).values({ labId: labC.id, fullName: "Big Bill" }).returning();
  const [billC] = await db.insert(t.bills).values({ labId: labC.id, patientId: patientC.id, accessionNo: `BIG-${s.tag}` }).returning();
  await db.execute(sql`insert into lab_reports (lab_id, bill_id, test_id, patient_id, sample_collected, sample_collected_at, critical_values)
    select ${labC.id}, ${billC.id}, ${testC.id}, ${patientC.id}, true, now(), 1 from generate_series(1, 10001)`);
  const { hashPassword } = await import("../../domain/auth/password");
  await db.insert(t.users).values({ labId: labC.id, username: `supportc-${s.tag}`, passwordHash: await hashPassword(PASSWORD), displayName: "Support C", kind: "support" });

  for (const [k, u] of Object.entries(s.users)) cookies[k] = await loginAs(u.username);
  cookies.supportC = await loginAs(`supportc-${s.tag}`);
});
afterAll(() => tdb.dispose());

const list = (who: string, query = "") => call(worklistRoute, `/api/worklist?${query}`, { cookie: cookies[who] });
const billIds = (json: { rows: { billId: number }[] }) => json.rows.map((r) => r.billId);

/** The export as bytes (the shared `call` helper reads bodies as text, which would corrupt a zip). */
async function exportXlsx(who: string, query = "") {
  const headers = new Headers({ host: "localhost:3000" });
  if (cookies[who]) headers.set("cookie", cookies[who]);
  const res = await exportRoute(new Request(`${ORIGIN}/api/worklist/export?${query}`, { headers }), { params: Promise.resolve({}) });
  const bytes = await res.arrayBuffer();
  return { res, bytes };
}

async function readSheet(bytes: ArrayBuffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes);
  const sheet = wb.getWorksheet("Critical reports")!;
  const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  const rows: Record<string, unknown>[] = [];
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    const values = (row.values as unknown[]).slice(1);
    rows.push(Object.fromEntries(header.map((h, i) => [h, values[i] ?? ""])));
  });
  return { wb, header, rows };
}

describe("GET /api/worklist: tabs and counts", () => {
  it("lists bills with open reports on Pending, oldest open first, with per-status counts", async () => {
    const res = await list("support");
    expect(res.status).toBe(200);
    expect(billIds(res.json)).toEqual([bill3.id, s.bill1.id, s.bill2.id]);
    expect(res.json).toMatchObject({ total: 3, page: 1, pageSize: 25, counts: { pending: 3, done: DONE_BILLS } });
    // Dismissed, uncollected, NORMAL and ABNORMAL reports do not count; a status-1 report does even
    // when its values are no longer critical (the queue follows the status).
    expect(res.json.rows[1]).toEqual({
      billId: s.bill1.id, accessionNo: s.bill1.accessionNo, billCreatedAt: "2026-11-20T08:00:00.000Z", patientName: "Maria Lopez",
      referralName: "Dr. Rhea Kapoor", orgName: "St. Mary Clinic", pending: 2, attempted: 1, done: 1, oldestOpenApprovedAt: "2026-11-20T08:00:00.000Z",
      escalatedOpen: 0, escalationLevel: 0,
    });
    expect(res.json.rows[0]).toMatchObject({ patientName: "Zed Quinn", referralName: null, orgName: null, attempted: 1, oldestOpenApprovedAt: "2026-11-10T10:00:00.000Z" });
  });

  it("lists bills whose critical reports are all done on Done, newest bill first", async () => {
    const res = await list("support", "tab=done");
    expect(res.json.total).toBe(DONE_BILLS);
    expect(res.json.rows[0]).toMatchObject({ billId: doneBills.at(-1)!.id, pending: 0, attempted: 0, done: 1, oldestOpenApprovedAt: null });
    expect(billIds(res.json)).not.toContain(s.bill1.id);
  });
});

describe("GET /api/worklist: filters", () => {
  it.each([
    ["attempted", () => [bill3.id, s.bill1.id]],
    ["pending", () => [s.bill1.id, s.bill2.id]],
  ])("status=%s keeps the bills holding such reports", async (status, expected) => {
    const res = await list("support", `status=${status}`);
    expect(billIds(res.json)).toEqual(expected());
    expect(res.json.counts).toEqual({ pending: 3, done: DONE_BILLS }); // tab counts ignore the status filter
  });

  it("ignores the status filter on the Done tab", async () => {
    expect((await list("support", "tab=done&status=attempted")).json.total).toBe(DONE_BILLS);
  });

  it("department counts only that department's reports, which can move a bill to Done", async () => {
    const hema = await list("support", `department=${s.depts.hema.id}`);
    expect(billIds(hema.json)).toEqual([bill3.id, s.bill1.id]);
    expect(hema.json.rows[1]).toMatchObject({ pending: 1, attempted: 0, done: 0 });
    const micro = await list("support", `department=${s.depts.micro.id}`);
    expect(micro.json).toMatchObject({ rows: [], total: 0, counts: { pending: 0, done: 1 } });
    expect(billIds((await list("support", `tab=done&department=${s.depts.micro.id}`)).json)).toEqual([s.bill1.id]);
  });

  it("a department of another lab or one that does not exist shows nothing", async () => {
    for (const id of [s.depts.hema.id, 2147483647]) {
      const res = await list("supportB", `department=${id}`);
      expect(res.status).toBe(200);
      expect(res.json).toMatchObject({ rows: [], counts: { pending: 0, done: 0 } });
    }
  });

  it.each([
    ["from=2026-11-15", () => [s.bill1.id, s.bill2.id]],
    ["to=2026-11-10", () => [bill3.id]],
    ["from=2026-11-10&to=2026-11-10", () => [bill3.id]],
    ["from=2026-11-21", () => []],
  ])("bill date %s (inclusive)", async (query, expected) => {
    expect(billIds((await list("support", query)).json)).toEqual(expected());
  });

  it("date range applies to the counts and the Done tab", async () => {
    const res = await list("support", "tab=done&from=2026-11-02&to=2026-11-02");
    expect(res.json.total).toBe(DONE_BILLS - 24);
    expect(res.json.counts.pending).toBe(0);
  });

  it.each([
    ["zed", () => [bill3.id]],
    ["MARIA", () => [s.bill1.id, s.bill2.id]],
    ["accession", () => [s.bill2.id]],
    ["%", () => []],
    ["_", () => []],
  ])("search %s matches patient name or accession, case-insensitive, wildcards literal", async (term, expected) => {
    const q = term === "accession" ? s.bill2.accessionNo.toLowerCase() : term;
    expect(billIds((await list("support", `q=${encodeURIComponent(q)}`)).json)).toEqual(expected());
  });
});

describe("GET /api/worklist: sorting and pagination", () => {
  it.each([
    ["oldest", () => [bill3.id, s.bill1.id, s.bill2.id]],
    ["newest", () => [s.bill2.id, s.bill1.id, bill3.id]],
    ["accession", () => [s.bill1.id, s.bill2.id, bill3.id]],
    ["patient", () => [s.bill1.id, s.bill2.id, bill3.id]],
  ])("sort=%s", async (sort, expected) => {
    expect(billIds((await list("support", `sort=${sort}`)).json)).toEqual(expected());
  });

  it("pages by 25 and keeps the total and counts on a page past the end", async () => {
    const p1 = await list("support", "tab=done&sort=accession");
    const p2 = await list("support", "tab=done&sort=accession&page=2");
    const p3 = await list("support", "tab=done&sort=accession&page=3");
    expect(p1.json.rows).toHaveLength(25);
    expect(billIds(p2.json)).toEqual(doneBills.slice(25).map((b) => b.id));
    expect(new Set([...billIds(p1.json), ...billIds(p2.json)]).size).toBe(DONE_BILLS);
    expect(p3.json).toMatchObject({ rows: [], total: DONE_BILLS, page: 3, counts: { pending: 3, done: DONE_BILLS } });
  });
});

describe("GET /api/worklist: scope", () => {
  it.each([
    ["tech0", "hema only", () => [bill3.id, s.bill1.id], { pending: 2, done: 0 }],
    ["tech1", "chem via lab_user_departments", () => [s.bill1.id, s.bill2.id], { pending: 2, done: DONE_BILLS }],
    ["drdept", "doctor's departments (hema)", () => [bill3.id, s.bill1.id], { pending: 2, done: 0 }],
    ["drref", "only his bills", () => [s.bill1.id], { pending: 1, done: 0 }],
    ["nodept", "no departments", () => [], { pending: 0, done: 0 }],
  ])("%s sees %s", async (who, _label, expected, counts) => {
    const res = await list(who);
    expect(res.status).toBe(200);
    expect(billIds(res.json)).toEqual(expected());
    expect(res.json.counts).toEqual(counts);
  });

  it("tech0's bill row counts only its departments' reports", async () => {
    const row = (await list("tech0")).json.rows.find((r: { billId: number }) => r.billId === s.bill1.id);
    expect(row).toMatchObject({ pending: 1, attempted: 0, done: 0 });
  });

  it("another lab's bills are invisible, and its own are not ours", async () => {
    const b = await list("supportB");
    expect(billIds(b.json)).toEqual([s.billB.id]);
    expect(billIds((await list("support", `q=${encodeURIComponent(s.billB.accessionNo)}`)).json)).toEqual([]);
  });

  it("answers 401 without a session", async () => {
    const res = await call(worklistRoute, "/api/worklist");
    expect(res.status).toBe(401);
  });

  it.each([
    ["support", ["Clinical Chemistry", "Hematology", "Microbiology"]],
    ["tech0", ["Hematology"]],
    ["tech1", ["Clinical Chemistry"]],
    ["drdept", ["Hematology"]],
    ["drref", ["Clinical Chemistry", "Hematology", "Microbiology"]],
    ["nodept", []],
    ["supportB", ["Chemistry B"]],
  ])("the department filter offers %s its departments only", async (who, expected) => {
    const session = await loadSession(tdb.db, cookies[who].split("=")[1]);
    expect((await listVisibleDepartments(tdb.db, session!)).map((d) => d.name)).toEqual(expected);
  });
});

describe("GET /api/worklist: bad input", () => {
  it.each([
    "tab=all",
    "status=done",
    "page=0",
    "page=abc",
    "page=1.5",
    "page=10001",
    "department=abc",
    "department=-1",
    "department=0",
    "department=2147483648",
    "from=2026-02-30",
    "from=20261101",
    "to=2026-13-01",
    "from=2026-11-20&to=2026-11-01",
    "sort=bogus",
    `q=${"x".repeat(101)}`,
  ])("rejects %s with 400", async (query) => {
    const res = await list("support", query);
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe("bad_request");
    expect((await exportXlsx("support", query)).res.status).toBe(400);
  });
});

describe("GET /api/worklist/export", () => {
  it("exports one row per critical report of the filtered bills, with status and parameters", async () => {
    const { res, bytes } = await exportXlsx("support");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(res.headers.get("content-disposition")).toContain(`filename="critical-callouts_lab-a-${s.tag}_all-dates.xlsx"`);
    const { header, rows } = await readSheet(bytes);
    expect(header).toEqual([
      "Bill", "Accession", "Patient", "Bill date (UTC)", "Referral doctor", "Organization", "Test", "Department", "Critical parameters",
      "Approved (UTC)", "Callout Status", "Latest callout (UTC)", "Called out by", "Recipients", "Methods", "Comment",
      "Acknowledged (UTC)", "Acknowledged by",
    ]);
    // Bills in worklist order (oldest open first), reports by id within a bill.
    expect(rows.map((r) => [r.Bill, r.Test, r["Callout Status"]])).toEqual([
      [bill3.id, "Complete Blood Count", "Attempted"],
      [s.bill1.id, "Complete Blood Count", "Pending"],
      [s.bill1.id, "Potassium", "Attempted"],
      [s.bill1.id, "Blood Culture", "Done"],
      [s.bill1.id, "Potassium", "Pending"],
      [s.bill2.id, "Potassium", "Pending"],
    ]);
    expect(rows[1]).toMatchObject({ Patient: "Maria Lopez", Department: "Hematology", "Critical parameters": "Hemoglobin 6.1 g/dL LL (ref 13 - 17)", "Latest callout (UTC)": "" });
    expect(rows[2]["Critical parameters"]).toBe("Potassium 7.2 mmol/L HH (ref 3.5 - 5.1)");
    expect(rows[3]).toMatchObject({
      "Critical parameters": "Growth Growth Detected AA",
      "Latest callout (UTC)": new Date("2026-11-20T09:00:00Z"),
      "Called out by": "Support A", Recipients: "Organization", Methods: "Fax", Comment: "Informed ward nurse",
    });
    expect(rows[4]["Critical parameters"]).toBe(""); // status 1 but no longer critical: listed, nothing to show
    expect(rows[0]["Approved (UTC)"]).toEqual(new Date("2026-11-10T10:00:00Z"));
  });

  it("carries the latest callout of each report, by user or doctor", async () => {
    const { rows } = await readSheet((await exportXlsx("support", "tab=done")).bytes);
    expect(rows).toHaveLength(DONE_BILLS);
    const first = rows.find((r) => r.Bill === doneBills[0].id)!;
    expect(first).toMatchObject({
      "Callout Status": "Done", "Called out by": "Dr. Rhea Kapoor", Recipients: "Referral, Patient", Methods: "SMS, Fax", Comment: "second",
      "Latest callout (UTC)": new Date("2026-11-02T10:00:00Z"),
    });
  });

  it("follows the filters and the session's scope", async () => {
    const hemaPending = await readSheet((await exportXlsx("support", `department=${s.depts.hema.id}&status=pending`)).bytes);
    expect(hemaPending.rows.map((r) => [r.Bill, r.Test, r["Callout Status"]])).toEqual([[s.bill1.id, "Complete Blood Count", "Pending"]]);
    const hemaAttempted = await readSheet((await exportXlsx("support", `department=${s.depts.hema.id}&status=attempted`)).bytes);
    expect(hemaAttempted.rows.map((r) => r.Bill)).toEqual([bill3.id]);
    const chemDone = await readSheet((await exportXlsx("support", `tab=done&q=D-${s.tag}-0&sort=accession`)).bytes);
    expect(chemDone.rows.map((r) => r.Accession)).toEqual(doneBills.slice(0, 9).map((b) => b.accessionNo));
    const tech0 = await readSheet((await exportXlsx("tech0")).bytes);
    expect(new Set(tech0.rows.map((r) => r.Department))).toEqual(new Set(["Hematology"]));
    const other = await readSheet((await exportXlsx("supportB")).bytes);
    expect(other.rows.map((r) => r.Bill)).toEqual([s.billB.id]);
  });

  it("names the file after the lab and the date range", async () => {
    const { res } = await exportXlsx("support", "from=2026-11-01&to=2026-11-20");
    expect(res.headers.get("content-disposition")).toContain(`filename="critical-callouts_lab-a-${s.tag}_2026-11-01_2026-11-20.xlsx"`);
  });

  it("puts the accession in place of the patient's name in HIPAA mode (show_patient_name = 1)", async () => {
    await putNotifySettings(tdb.db, s.labA.id, { ...DEFAULT_NOTIFY_SETTINGS, show_patient_name: 1 });
    try {
      const { bytes } = await exportXlsx("support");
      const { header, rows } = await readSheet(bytes);
      expect(header[2]).toBe("Patient (accession, HIPAA mode)");
      expect(rows.map((r) => r[header[2]])).toEqual(rows.map((r) => r.Accession));
      expect(JSON.stringify(rows)).not.toMatch(/Maria Lopez|Zed Quinn/);
    } finally {
      await putNotifySettings(tdb.db, s.labA.id, DEFAULT_NOTIFY_SETTINGS);
    }
    expect((await readSheet((await exportXlsx("support")).bytes)).rows[0].Patient).toBe("Zed Quinn");
  });

  it("refuses more than 10,000 reports with a clear 400", async () => {
    const { res, bytes } = await exportXlsx("supportC");
    expect(res.status).toBe(400);
    const body = JSON.parse(Buffer.from(bytes).toString());
    expect(body.error).toMatchObject({ code: "bad_request", details: { limit: 10_000 } });
    expect(body.error.message).toMatch(/limited to 10,000 critical reports/);
  });

  it("answers 401 without a session", async () => {
    expect((await exportXlsx("nobody")).res.status).toBe(401);
  });

  it("uses the same number of queries for 6 reports and for 27", async () => {
    const count = async (query: string) => {
      const before = queryCounter.count;
      const { res } = await exportXlsx("support", query);
      expect(res.status).toBe(200);
      return queryCounter.count - before;
    };
    const small = await count("");
    const large = await count("tab=done");
    expect(large).toBe(small);
    expect(small).toBeLessThanOrEqual(7); // session, reports, settings, values, ranges, visible ids, callouts
  });
});
