// getBillDetail (the /bills/{billId} page's query): the bill's people, every report in scope whatever
// its status, and the same 404 semantics as endpoint 1 (DESIGN §3).
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { calloutCounts, calloutState } from "../../components/bill/callout-state";
import { getBillDetail } from "../../db/queries/bill-detail";
import { getCriticalRecords } from "../../db/queries/critical-records-read";
import { labReports } from "../../db/schema";
import type { SessionContext } from "../../domain/auth/session-context";
import { ApiError } from "../../domain/errors";
import type { TestDb } from "../support/db";
import type { Scenario } from "../support/fixtures";
import { openScenarioSignedIn } from "../support/session";

let tdb: TestDb;
let s: Scenario;
let sessions: Record<string, SessionContext> = {};

beforeAll(async () => {
  ({ tdb, s, sessions } = await openScenarioSignedIn());
});
afterAll(() => tdb.dispose());

const detail = (who: string, billId: number) => getBillDetail(tdb.db, sessions[who], billId);
const reportIds = (d: Awaited<ReturnType<typeof detail>>) => d.reports.map((r) => r.labReportId);
const allBill1 = () => [
  s.r.cbcPending, s.r.kAttempted, s.r.cultureDone, s.r.dismissed, s.r.uncollected, s.r.normal, s.r.abnormal, s.r.notCritical,
].map((r) => r.id).sort((a, b) => a - b);

describe("getBillDetail", () => {
  it("returns the patient, accession, referral doctor, organization and every report with its status", async () => {
    const d = await detail("support", s.bill1.id);
    expect(d).toMatchObject({
      billId: s.bill1.id,
      accessionNo: s.bill1.accessionNo,
      createdAt: "2026-11-20T08:00:00.000Z",
      patient: { id: s.patient.id, name: "Maria Lopez", sex: "F", dateOfBirth: "1970-05-01", email: "maria@example.test", phone: null },
      referral: { name: "Dr. Rhea Kapoor", email: "rhea@clinic.test", phone: "555-0201", fax: null },
      organization: { name: "St. Mary Clinic", email: "desk@stmary.test", phone: "555-0101", fax: "555-0102" },
    });
    // Not only critical ones: normal, abnormal, dismissed and uncollected reports are listed too.
    expect(reportIds(d)).toEqual(allBill1());
    expect(d.reports.find((r) => r.labReportId === s.r.cbcPending.id)).toEqual({
      labReportId: s.r.cbcPending.id,
      testId: s.tests.cbc.id,
      testName: "Complete Blood Count",
      departmentId: s.depts.hema.id,
      departmentName: "Hematology",
      criticalValues: 1,
      sampleCollected: true,
      dismissed: false,
      isSigned: false,
      inCallout: true,
    });
    const statuses = Object.fromEntries(d.reports.map((r) => [r.labReportId, r.criticalValues]));
    expect(statuses[s.r.kAttempted.id]).toBe(4);
    expect(statuses[s.r.cultureDone.id]).toBe(2);
    expect(statuses[s.r.normal.id]).toBe(0);
    expect(statuses[s.r.abnormal.id]).toBe(3);
    expect(d.reports.find((r) => r.labReportId === s.r.dismissed.id)?.dismissed).toBe(true);
    expect(d.reports.find((r) => r.labReportId === s.r.uncollected.id)?.sampleCollected).toBe(false);
  });

  it.each([
    ["tech0", "departments in the session (hema)", () => [s.r.cbcPending, s.r.dismissed, s.r.uncollected, s.r.normal, s.r.abnormal]],
    ["tech1", "lab_user_departments (chem)", () => [s.r.kAttempted, s.r.notCritical]],
    ["drdept", "doctor_departments (hema)", () => [s.r.cbcPending, s.r.dismissed, s.r.uncollected, s.r.normal, s.r.abnormal]],
    ["drref", "the bills they referred", () => allBill1().map((id) => ({ id }))],
    ["nodept", "no departments: the bill, without reports", () => []],
  ])("scopes the reports of %s (%s)", async (who, _label, expected) => {
    const d = await detail(who, s.bill1.id);
    expect(d.billId).toBe(s.bill1.id);
    expect(reportIds(d)).toEqual(expected().map((r) => r.id).sort((a, b) => a - b));
  });

  it("throws not_found for another doctor's bill, another lab's bill and a missing bill, alike", async () => {
    for (const [who, billId] of [
      ["drref", s.bill2.id],
      ["support", s.billB.id],
      ["supportB", s.bill1.id],
      ["support", 2147483647],
    ] as const) {
      const err = await detail(who, billId).then(
        () => null,
        (e: unknown) => e,
      );
      expect(err, `${who} → bill ${billId}`).toBeInstanceOf(ApiError);
      expect(err).toMatchObject({ code: "not_found", message: "Bill not found" });
    }
  });

  it("answers null for a referral doctor or organization the bill lacks", async () => {
    const d = await detail("supportB", s.billB.id);
    expect(d.organization).toBeNull();
    expect(d.referral).toMatchObject({ name: "Dr. B" });
    expect(d.patient).toMatchObject({ name: "Bob B", sex: "M", dateOfBirth: null });
    expect(reportIds(d)).toEqual([s.r.otherLab.id]);
  });

  it("says which reports are signed (the bill page's Sign / Signed column)", async () => {
    await tdb.db.update(labReports).set({ isSigned: true }).where(eq(labReports.id, s.r.normal.id));
    const d = await detail("support", s.bill1.id);
    const signed = d.reports.filter((r) => r.isSigned).map((r) => r.labReportId);
    expect(signed).toEqual([s.r.normal.id]);
  });

  it("marks exactly the reports endpoint 1 lists; the page's badges and open count follow them", async () => {
    for (const who of ["support", "tech0", "tech1", "drref"]) {
      const [d, records] = await Promise.all([detail(who, s.bill1.id), getCriticalRecords(tdb.db, sessions[who], s.bill1.id)]);
      const listed = records.reports.map((r) => r.lab_report.labReportId);
      expect(d.reports.filter((r) => r.inCallout).map((r) => r.labReportId), who).toEqual(listed);
      // The header's "open" is what the dialog would list as open.
      const openInDialog = records.reports.filter((r) => [1, 4].includes(r.lab_report.criticalValues)).length;
      expect(calloutCounts(d.reports).open, who).toBe(openInDialog);
    }
    const d = await detail("support", s.bill1.id);
    const badge = (id: number) => {
      const st = calloutState(d.reports.find((r) => r.labReportId === id) ?? expect.unreachable(`report ${id}`));
      return st.kind === "excluded" ? st.label : st.status;
    };
    expect(badge(s.r.dismissed.id)).toBe("Dismissed");
    expect(badge(s.r.uncollected.id)).toBe("Not collected");
    expect(badge(s.r.notCritical.id)).toBe("No longer critical");
    expect([badge(s.r.cbcPending.id), badge(s.r.kAttempted.id), badge(s.r.cultureDone.id)]).toEqual([1, 4, 2]);
    // Pending CBC and attempted K: the three left out are not counted as open.
    expect(calloutCounts(d.reports)).toEqual({ open: 2, done: 1 });
  });
});
