// A bill's critical reports in the session's scope with their critical parameters: the columns and the
// report filter endpoint 1 (critical-records-read.ts) and the callout write (locked) share.
import { and, asc, eq, inArray } from "drizzle-orm";
import type { SessionContext } from "@/domain/auth/session-context";
import type { CriticalParameter } from "@/domain/critical/evaluate";
import type { LabReportDto } from "@/contracts/critical";
import type { Queryable } from "../connect";
import { reportScope } from "../scope";
import { CriticalValues } from "@/domain/critical/status";
import { departments, labReports, patients, tests } from "../schema";
import { loadCriticalParameters } from "./critical-evaluation";
import { type ClockColumnValues, clockColumns } from "./report-clock";

const CALLOUT_STATUSES = [CriticalValues.CALLOUT_PENDING, CriticalValues.CALLOUT_DONE, CriticalValues.CALLOUT_ATTEMPTED];

export const reportColumns = {
  report: labReports,
  testName: tests.testName,
  departmentId: tests.departmentId,
  departmentName: departments.name,
  testIsProfile: tests.isProfile,
  sex: patients.sex,
  dateOfBirth: patients.dateOfBirth,
};

/** A report row; `clock` only when the reader asked for it (endpoint 1), not for the write. */
export interface CriticalReportRow {
  report: typeof labReports.$inferSelect;
  testName: string;
  departmentId: number;
  departmentName: string;
  testIsProfile: boolean;
  sex: string;
  dateOfBirth: string | null;
  clock?: ClockColumnValues;
}

/** The bill's reports a callout can concern, in the session's scope: collected, not dismissed, status 1/2/4. */
export function calloutReportsOfBill(session: SessionContext, billId: number) {
  return and(
    eq(labReports.billId, billId),
    reportScope(session),
    eq(labReports.dismissed, false),
    eq(labReports.sampleCollected, true),
    inArray(labReports.criticalValues, CALLOUT_STATUSES),
  );
}

export function selectCriticalReports(db: Queryable, session: SessionContext, billId: number, opts: { forUpdate?: boolean; clock?: boolean }) {
  const q = db
    .select({ ...reportColumns, ...(opts.clock ? { clock: clockColumns } : {}) })
    .from(labReports)
    .innerJoin(tests, eq(tests.id, labReports.testId))
    .innerJoin(departments, eq(departments.id, tests.departmentId))
    .innerJoin(patients, eq(patients.id, labReports.patientId))
    .where(calloutReportsOfBill(session, billId))
    .orderBy(asc(labReports.id));
  // The write locks the bill's report rows in id order, so concurrent callouts never deadlock.
  return (opts.forUpdate ? q.for("update", { of: labReports }) : q) as unknown as Promise<CriticalReportRow[]>;
}

export interface CriticalReport {
  row: CriticalReportRow;
  criticalParameters: CriticalParameter[];
}

/** The bill's reports that endpoint 1 shows this session: in scope, collected, status 1/2/4, critical. */
export async function loadBillCriticalReports(
  db: Queryable,
  session: SessionContext,
  billId: number,
  opts: { forUpdate?: boolean; clock?: boolean } = {},
): Promise<CriticalReport[]> {
  const rows = await selectCriticalReports(db, session, billId, opts);
  return keepCritical(rows, await loadCriticalParameters(db, evaluationInput(rows)));
}

/** What the critical rule reads of each report: its id and its patient at sampling. */
export function evaluationInput(rows: CriticalReportRow[]) {
  return rows.map((r) => ({
    id: r.report.id,
    patient: { sex: r.sex, dateOfBirth: r.dateOfBirth, sampleCollectedAt: r.report.sampleCollectedAt },
  }));
}

/** The reports that have critical parameters, each with them. */
export function keepCritical(rows: CriticalReportRow[], parameters: Map<number, CriticalParameter[]>): CriticalReport[] {
  return rows.flatMap((row) => {
    const criticalParameters = parameters.get(row.report.id);
    return criticalParameters?.length ? [{ row, criticalParameters }] : [];
  });
}

export function toLabReportDto(r: CriticalReportRow): LabReportDto {
  const lr = r.report;
  return {
    orgId: lr.orgId,
    onHold: lr.onHold,
    billId: lr.billId,
    docForId: lr.docForId,
    reportID: {
      testID: lr.testId,
      testName: r.testName,
      departmentId: r.departmentId,
      departmentName: r.departmentName,
      isProfile: r.testIsProfile,
    },
    isSigned: lr.isSigned,
    isSynced: lr.isSynced,
    comments: lr.comments,
    isProfile: lr.isProfile,
    isApproved: lr.isApproved,
    isResolved: lr.isResolved,
    inQuestion: lr.inQuestion,
    labReportId: lr.id,
    notPerformed: lr.notPerformed,
    claim_on_hold: lr.claimOnHold,
    userDetailsId: lr.patientId,
    reportFormatId: lr.reportFormatId,
    criticalValues: lr.criticalValues,
    auto_approval_status: lr.autoApprovalStatus,
  };
}
