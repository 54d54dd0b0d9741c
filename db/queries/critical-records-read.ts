// Endpoint 1's data in one statement: the bill (404 when the session may not see it), its reports in
// scope with their clock columns, their values and ranges, the bill's draft and the lab's settings.
// One statement is one snapshot, so the version answered is the version of the reports and draft
// answered (a write that names it with If-Match is based on what the user saw), without a
// transaction's BEGIN and COMMIT; and one round trip instead of four. The critical rule stays in
// domain/critical/evaluate.ts: the statement loads what it reads, the evaluation runs on the rows.
import { and, eq, getTableColumns, isNull, sql } from "drizzle-orm";
import type { CriticalRecordsResponse } from "@/contracts/critical";
import { NOTIFY_SETTINGS_KEY } from "@/contracts/settings";
import type { SessionContext } from "@/domain/auth/session-context";
import { notFound } from "@/domain/errors";
import { computeClock } from "@/domain/critical/clock";
import type { RangeRow } from "@/domain/critical/evaluate";
import type { Queryable } from "../connect";
import { frozenSql } from "../frozen-sql";
import { decodeJsonObject, decodeJsonTuple, executeFirstRow, type JsonFields, jsonObject, jsonTuple, parsedJson } from "../json-rows";
import { billScope } from "../scope";
import { bills, criticalCallouts, departments, labReports, labSettings, parameterRanges, patients, reportValues, testParameters, tests } from "../schema";
import { evaluateLoadedParameters, type ParameterValueRow, parameterValueFields } from "./critical-evaluation";
import { type CriticalReport, type CriticalReportRow, calloutReportsOfBill, evaluationInput, keepCritical, reportColumns, toLabReportDto } from "./critical-records";
import { clockColumns, clockFacts } from "./report-clock";
import { settingsFromStored } from "./settings";

const { report: _report, ...reportExtraColumns } = reportColumns;
const labReportFields = getTableColumns(labReports) as JsonFields;
const extraFields = reportExtraColumns as JsonFields;
const clockFields = clockColumns as JsonFields;
const rangeFields = getTableColumns(parameterRanges) as JsonFields;
const valueFields = parameterValueFields as JsonFields;
const draftFields = {
  recipients: criticalCallouts.recipients,
  criticalCalloutComment: criticalCallouts.criticalCalloutComment,
  criticalValuesMeta: criticalCallouts.criticalValuesMeta,
  criticalCalloutMeta: criticalCallouts.criticalCalloutMeta,
} satisfies JsonFields;

export type BillDraft = Pick<typeof criticalCallouts.$inferSelect, keyof typeof draftFields>;

export interface BillCriticalSnapshot {
  version: number;
  reports: CriticalReport[];
  draft: BillDraft | undefined;
  /** The lab's stored notification settings (settingsFromStored reads them). */
  storedSettings: unknown;
}

interface SnapshotRow {
  version: number;
  reports: unknown;
  values: unknown;
  ranges: unknown;
  draft: unknown;
  settings: unknown;
}

// Rendered once (db/frozen-sql.ts): only the bill, the lab and the scope vary per request.
const reportJson = jsonObject({ ...extraFields, report: jsonObject(labReportFields), clock: jsonObject(clockFields) });
const reportsWithRows = frozenSql(sql`select ${labReports.id} as id, ${reportJson} as row
      from ${labReports}
      join ${tests} on ${tests.id} = ${labReports.testId}
      join ${departments} on ${departments.id} = ${tests.departmentId}
      join ${patients} on ${patients.id} = ${labReports.patientId}`);
const rowSetsOfReports = frozenSql(sql`(select coalesce(json_agg(r.row order by r.id), '[]') from r) as reports,
      (select coalesce(json_agg(${jsonTuple(valueFields)}), '[]')
        from ${reportValues} join ${testParameters} on ${testParameters.id} = ${reportValues.parameterId}
        where ${reportValues.labReportId} in (select id from r)) as values,
      (select coalesce(json_agg(${jsonTuple(rangeFields)} order by ${parameterRanges.id}), '[]')
        from ${parameterRanges}
        where ${parameterRanges.parameterId} in (
          select ${reportValues.parameterId} from ${reportValues} where ${reportValues.labReportId} in (select id from r))) as ranges`);
const draftJson = frozenSql(jsonObject(draftFields));

function snapshotStatement(session: SessionContext, billId: number) {
  // `materialized`: the reports are read once, and values and ranges are found through their ids.
  return sql`with r as materialized (${reportsWithRows} where ${calloutReportsOfBill(session, billId)})
    select ${bills.calloutVersion} as version, ${rowSetsOfReports},
      (select ${draftJson} from ${criticalCallouts}
        where ${and(eq(criticalCallouts.billId, billId), eq(criticalCallouts.labId, session.labId), isNull(criticalCallouts.labReportId))}
        limit 1) as draft,
      (select ${labSettings.value} from ${labSettings}
        where ${and(eq(labSettings.labId, session.labId), eq(labSettings.key, NOTIFY_SETTINGS_KEY))} limit 1) as settings
    from ${bills}
    where ${and(eq(bills.id, billId), billScope(session))}`;
}

function decodeReport(json: Record<string, unknown>): CriticalReportRow {
  const extra = decodeJsonObject<Omit<CriticalReportRow, "report" | "clock">>(extraFields, json);
  return {
    ...extra,
    report: decodeJsonObject(labReportFields, parsedJson(json.report)),
    clock: decodeJsonObject(clockFields, parsedJson(json.clock)),
  };
}

/** The bill's endpoint 1 data as the session may see it, or a 404 for a bill it may not see. */
export async function loadBillCriticalSnapshot(db: Queryable, session: SessionContext, billId: number): Promise<BillCriticalSnapshot> {
  const row = await executeFirstRow<SnapshotRow>(db, snapshotStatement(session, billId));
  if (!row) throw notFound("Bill not found");
  const rows = parsedJson<Record<string, unknown>[]>(row.reports).map(decodeReport);
  const values = parsedJson<unknown[][]>(row.values).map((v) => decodeJsonTuple<ParameterValueRow>(valueFields, v));
  const ranges = parsedJson<unknown[][]>(row.ranges).map((r) => decodeJsonTuple<RangeRow>(rangeFields, r));
  const reports = keepCritical(rows, evaluateLoadedParameters(evaluationInput(rows), values, ranges));
  const draft = parsedJson<Record<string, unknown> | null>(row.draft);
  return {
    version: Number(row.version),
    reports,
    draft: draft ? decodeJsonObject<BillDraft>(draftFields, draft) : undefined,
    storedSettings: parsedJson(row.settings),
  };
}

/** Endpoint 1's answer (FetchCriticalRecordsByBillView): reports, their clock, the draft, the version. */
export async function getCriticalRecords(db: Queryable, session: SessionContext, billId: number): Promise<CriticalRecordsResponse> {
  const snapshot = await loadBillCriticalSnapshot(db, session, billId);
  const targetMinutes = settingsFromStored(snapshot.storedSettings).notify_target_minutes;
  const now = new Date();
  return {
    reports: snapshot.reports.map((r) => ({
      critical_parameters: r.criticalParameters,
      lab_report: toLabReportDto(r.row),
      clock: computeClock(clockFacts(r.row.report, r.row.clock!), targetMinutes, now),
    })),
    attempted_callout: snapshot.draft ? scopedDraft(snapshot.draft, snapshot.reports) : null,
    callout_version: snapshot.version,
  };
}

/**
 * The bill's draft as this session may see it. A draft is bill-wide, but its snapshots and
 * `callout_for` may name reports of departments outside the session's scope: those are left out.
 */
function scopedDraft(draft: BillDraft, visible: CriticalReport[]) {
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
