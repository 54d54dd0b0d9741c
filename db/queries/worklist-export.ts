// The worklist's Excel export: one row per critical report of the bills the current tab and filters
// show (all pages), with its critical parameters and its latest callout record (endpoint 3).
// A fixed number of queries however many reports: the reports (1) and the lab's settings (1), the
// critical parameters in one batch (2), and endpoint 3's getCalloutRecords per chunk of 500 ids (2
// each, as that endpoint's contract caps a request at 500 reports).
import { sql } from "drizzle-orm";
import type { SessionContext } from "@/domain/auth/session-context";
import { MAX_RECORD_REPORT_IDS } from "@/contracts/critical";
import { WORKLIST_EXPORT_LIMIT, type WorklistQuery } from "@/contracts/worklist";
import type { CriticalParameter } from "@/domain/critical/evaluate";
import { ApiError } from "@/domain/errors";
import type { LatestCallout, WorklistExport, WorklistExportRow } from "@/contracts/worklist-export";
import { type Queryable, rawRows } from "../connect";
import { withCustomPlans } from "../custom-plans";
import { bills, departments, doctors, labReports, organizations, patients, tests } from "../schema";
import { getCalloutRecords } from "./callout-records";
import { loadCriticalParameters } from "./critical-evaluation";
import { getNotifySettings } from "./settings";
import { type WorklistClock, worklistBills, worklistClock, worklistCtes, worklistReportFilter } from "./worklist";

interface Row {
  id: number;
  bill_id: number;
  critical_values: number;
  approved_at: Date | string | null;
  sample_collected_at: Date | string | null;
  accession_no: string;
  created_at: Date | string;
  patient_name: string;
  sex: string;
  date_of_birth: string | null;
  test_name: string;
  department_name: string;
  referral_name: string | null;
  org_name: string | null;
}

const asDate = (d: Date | string | null) => (d == null ? null : new Date(d));

function selectReports(db: Queryable, session: SessionContext, q: WorklistQuery, clock: WorklistClock) {
  // `sel` is the tab's bills in worklist order (all pages); `p` is the bill's patient (what the
  // worklist shows), `rp` the report's, whose sex and age pick the reference ranges as endpoint 1 does.
  return rawRows<Row>(
    db,
    sql`with ${worklistCtes(session, q)}
      sel as materialized (
        select bill_id, row_number() over () as rn from (${worklistBills(session, q, clock)}) ordered
      )
      select ${labReports.id} as id, ${labReports.billId} as bill_id, ${labReports.criticalValues} as critical_values,
        ${labReports.approvedAt} as approved_at, ${labReports.sampleCollectedAt} as sample_collected_at,
        b.accession_no, b.created_at, p.full_name as patient_name, rp.sex, rp.date_of_birth::text as date_of_birth,
        t.test_name, dep.name as department_name, d.name as referral_name, o.name as org_name
      from sel
      join ${labReports} on ${labReports.billId} = sel.bill_id
      join ${bills} b on b.id = sel.bill_id
      join ${patients} p on p.id = b.patient_id
      join ${patients} rp on rp.id = ${labReports.patientId}
      join ${tests} t on t.id = ${labReports.testId}
      join ${departments} dep on dep.id = t.department_id
      left join ${doctors} d on d.id = b.doc_id
      left join ${organizations} o on o.id = b.org_id
      where ${worklistReportFilter(session, q)}
      order by sel.rn, ${labReports.id}
      limit ${WORKLIST_EXPORT_LIMIT + 1}`,
  );
}

/** The newest non-draft callout of each report, through endpoint 3's own query (scope re-checked there). */
async function latestCallouts(db: Queryable, session: SessionContext, reportIds: number[]): Promise<Map<number, LatestCallout>> {
  const latest = new Map<number, LatestCallout>();
  for (let i = 0; i < reportIds.length; i += MAX_RECORD_REPORT_IDS) {
    const { records } = await getCalloutRecords(db, session, reportIds.slice(i, i + MAX_RECORD_REPORT_IDS));
    // Records come newest first, so the first one seen per report is its latest.
    for (const r of records) {
      if (latest.has(r.lab_report_id)) continue;
      const methods = r.critical_callout_meta.communication_methods;
      latest.set(r.lab_report_id, {
        createdOn: new Date(r.created_on),
        by: r.performed_by_user_name ?? r.performed_by_doctor_name,
        recipients: r.recipients,
        methods: Array.isArray(methods) ? methods.map(String) : [],
        comment: r.critical_callout_comment,
        acknowledgedAt: r.acknowledged_at ? new Date(r.acknowledged_at) : null,
        acknowledgedBy: r.acknowledged_by,
      });
    }
  }
  return latest;
}

/** Planned for the session's and the filters' values (db/custom-plans.ts). */
export function getWorklistExport(db: Queryable, session: SessionContext, q: WorklistQuery): Promise<WorklistExport> {
  return withCustomPlans(db, (tx) => loadWorklistExport(tx, session, q));
}

async function loadWorklistExport(db: Queryable, session: SessionContext, q: WorklistQuery): Promise<WorklistExport> {
  const settings = await getNotifySettings(db, session.labId);
  const rows = await selectReports(db, session, q, worklistClock(settings.notify_target_minutes));
  if (rows.length > WORKLIST_EXPORT_LIMIT) {
    throw new ApiError(
      "bad_request",
      `The export is limited to ${WORKLIST_EXPORT_LIMIT.toLocaleString("en-US")} critical reports; narrow the filters (for example a bill date range)`,
      { limit: WORKLIST_EXPORT_LIMIT },
    );
  }
  const ids = rows.map((r) => r.id);
  const [parameters, callouts] = await Promise.all([
    loadCriticalParameters(
      db,
      rows.map((r) => ({ id: r.id, patient: { sex: r.sex, dateOfBirth: r.date_of_birth, sampleCollectedAt: asDate(r.sample_collected_at) } })),
    ),
    latestCallouts(db, session, ids),
  ]);
  // HIPAA mode (show_patient_name = 1): the accession number stands in for the patient's name, and the
  // name never reaches the workbook.
  const hipaa = settings.show_patient_name === 1;
  const out: WorklistExportRow[] = rows.map((r) => ({
    reportId: r.id,
    billId: r.bill_id,
    accessionNo: r.accession_no,
    billCreatedAt: new Date(r.created_at),
    patient: hipaa ? r.accession_no : r.patient_name,
    referralName: r.referral_name,
    orgName: r.org_name,
    testName: r.test_name,
    departmentName: r.department_name,
    criticalParameters: parameters.get(r.id) ?? ([] as CriticalParameter[]),
    status: r.critical_values as 1 | 2 | 4,
    approvedAt: asDate(r.approved_at),
    latestCallout: callouts.get(r.id) ?? null,
  }));
  return { labName: session.labName, generatedBy: session.displayName, generatedAt: new Date(), hipaa, query: q, rows: out };
}
