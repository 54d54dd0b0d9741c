// Endpoint 1 (FetchCriticalRecordsByBillView): the bill's critical reports in the session's scope,
// their critical parameters, and the bill's draft. A fixed number of queries for any bill size.
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { SessionContext } from "@/domain/auth/session-context";
import type { CriticalParameter } from "@/domain/critical/evaluate";
import type { CriticalRecordsResponse, LabReportDto } from "@/contracts/critical";
import type { Queryable } from "../connect";
import { reportScope } from "../scope";
import { CriticalValues } from "@/domain/critical/status";
import { criticalCallouts, departments, labReports, patients, tests } from "../schema";
import { computeClock } from "@/domain/critical/clock";
import { loadCriticalParameters } from "./critical-evaluation";
import { type ClockColumnValues, clockColumns, clockFacts } from "./report-clock";
import { getNotifySettings } from "./settings";
import { requireVisibleBill } from "./visible-bill";

const CALLOUT_STATUSES = [CriticalValues.CALLOUT_PENDING, CriticalValues.CALLOUT_DONE, CriticalValues.CALLOUT_ATTEMPTED];

const reportColumns = {
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

export function selectCriticalReports(db: Queryable, session: SessionContext, billId: number, opts: { forUpdate?: boolean; clock?: boolean }) {
  const q = db
    .select({ ...reportColumns, ...(opts.clock ? { clock: clockColumns } : {}) })
    .from(labReports)
    .innerJoin(tests, eq(tests.id, labReports.testId))
    .innerJoin(departments, eq(departments.id, tests.departmentId))
    .innerJoin(patients, eq(patients.id, labReports.patientId))
    .where(
      and(
        eq(labReports.billId, billId),
        reportScope(session),
        eq(labReports.dismissed, false),
        eq(labReports.sampleCollected, true),
        inArray(labReports.criticalValues, CALLOUT_STATUSES),
      ),
    )
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
  const params = await loadCriticalParameters(
    db,
    rows.map((r) => ({
      id: r.report.id,
      patient: { sex: r.sex, dateOfBirth: r.dateOfBirth, sampleCollectedAt: r.report.sampleCollectedAt },
    })),
  );
  return rows.flatMap((row) => {
    const criticalParameters = params.get(row.report.id);
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

export async function findBillDraft(db: Queryable, labId: number, billId: number) {
  const [draft] = await db
    .select()
    .from(criticalCallouts)
    .where(and(eq(criticalCallouts.billId, billId), eq(criticalCallouts.labId, labId), isNull(criticalCallouts.labReportId)))
    .limit(1);
  return draft;
}

export async function getCriticalRecords(db: Queryable, session: SessionContext, billId: number): Promise<CriticalRecordsResponse> {
  // One snapshot (repeatable read): the version answered is exactly the version of the reports and
  // draft answered, so a write that names it (If-Match) is based on what the user saw. Sent together
  // on the transaction's connection: the reports and the draft answer nothing the session may not
  // see (both carry the lab, the reports the scope), and the bill check's 404 still wins.
  const [bill, reports, draft, settings] = await db.transaction(
    (tx) =>
      Promise.all([
        requireVisibleBill(tx, session, billId),
        loadBillCriticalReports(tx, session, billId, { clock: true }),
        findBillDraft(tx, session.labId, billId),
        getNotifySettings(tx, session.labId),
      ]),
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
  const now = new Date();
  return {
    reports: reports.map((r) => ({
      critical_parameters: r.criticalParameters,
      lab_report: toLabReportDto(r.row),
      clock: computeClock(clockFacts(r.row.report, r.row.clock!), settings.notify_target_minutes, now),
    })),
    attempted_callout: draft ? scopedDraft(draft, reports) : null,
    callout_version: bill.version,
  };
}

/**
 * The bill's draft as this session may see it. A draft is bill-wide, but its snapshots and
 * `callout_for` may name reports of departments outside the session's scope: those are left out.
 */
function scopedDraft(draft: typeof criticalCallouts.$inferSelect, visible: CriticalReport[]) {
  const visibleIds = new Set(visible.map((r) => r.row.report.id));
  const visibleTests = new Set(visible.map((r) => r.row.report.testId));
  const values = (draft.criticalValuesMeta ?? {}) as Record<string, unknown>;
  const meta = (draft.criticalCalloutMeta ?? {}) as Record<string, unknown>;
  return {
    recipients: Array.isArray(draft.recipients) ? (draft.recipients as string[]) : [],
    critical_callout_comment: draft.criticalCalloutComment,
    critical_values_meta: Array.isArray(values.reports)
      ? { ...values, reports: values.reports.filter((r: { lab_report_id?: number }) => visibleIds.has(Number(r?.lab_report_id))) }
      : values,
    critical_callout_meta: Array.isArray(meta.callout_for)
      ? { ...meta, callout_for: meta.callout_for.filter((id: unknown) => visibleTests.has(Number(id))) }
      : meta,
  };
}
