// Communications (DESIGN §12) from category-648 activity logs: one row per log and report the session
// sees (db/scope.ts), with the report's bill, patient and people, newest first.
import { aliasedTable, and, desc, eq, gte, lt, type SQL, sql } from "drizzle-orm";
import type { CommunicationSearch } from "@/contracts/fhir";
import type { SessionContext } from "@/domain/auth/session-context";
import type { CriticalParameter } from "@/domain/critical/evaluate";
import { type CalloutLogRow, type ReportRow, toCommunication } from "@/domain/fhir/communication";
import { type CommunicationStatus, UNREACHABLE_ATTEMPT_CODES } from "@/domain/fhir/communication-status";
import type { Queryable } from "../connect";
import { withCustomPlans } from "../custom-plans";
import { isCalloutLog } from "../callout-log";
import { activityLogs, bills, criticalAcknowledgements, doctors, labReports, organizations, patients, tests } from "../schema";
import { reportScope } from "../scope";
import { loadCriticalParameters } from "./critical-evaluation";

const referral = aliasedTable(doctors, "referral");

/** Callout actions and escalations are communications; other category-648 entries (acknowledgements) are not. */
const isCommunication = sql`coalesce(${activityLogs.dumpedJson}->>'kind', 'callout') in ('callout', 'escalation')`;

/** communicationStatus() of domain/fhir in SQL, for the status search (the tests check they agree). */
const statusSql = sql<CommunicationStatus>`case
  when ${activityLogs.dumpedJson}->>'kind' = 'escalation' then 'not-done'
  when ${activityLogs.dumpedJson}->'is_draft' = 'false'::jsonb then 'completed'
  when ${activityLogs.dumpedJson}->'outcome'->>'code' in (${sql.join(UNREACHABLE_ATTEMPT_CODES.map((c) => sql`${c}`), sql`, `)}) then 'not-done'
  else 'in-progress' end`;

function selectRows(db: Queryable, session: SessionContext, where: SQL[]) {
  return db
    .select({
      logId: activityLogs.id,
      activityDate: activityLogs.activityDate,
      activityText: activityLogs.activityText,
      labUserName: activityLogs.labUserName,
      userId: activityLogs.userId,
      meta: activityLogs.dumpedJson,
      reportId: labReports.id,
      testName: tests.testName,
      accessionNo: bills.accessionNo,
      patientId: patients.id,
      patientName: patients.fullName,
      sex: patients.sex,
      dateOfBirth: patients.dateOfBirth,
      sampleCollectedAt: labReports.sampleCollectedAt,
      orgId: organizations.id,
      orgName: organizations.name,
      referralId: referral.id,
      referralName: referral.name,
      acknowledgedAt: sql<Date | string | null>`(select min(${criticalAcknowledgements.createdAt}) from ${criticalAcknowledgements}
        where ${criticalAcknowledgements.labReportId} = ${labReports.id} and ${criticalAcknowledgements.createdAt} >= ${activityLogs.activityDate})`,
    })
    .from(activityLogs)
    // `@>` (not `= any`) so that the partial GIN index on category-648 report ids serves the join.
    .innerJoin(labReports, sql`${activityLogs.labReportIds} @> array[${labReports.id}]`)
    .innerJoin(bills, and(eq(bills.id, labReports.billId), eq(bills.labId, session.labId)))
    .innerJoin(tests, eq(tests.id, labReports.testId))
    .innerJoin(patients, and(eq(patients.id, labReports.patientId), eq(patients.labId, session.labId)))
    .leftJoin(organizations, and(eq(organizations.id, bills.orgId), eq(organizations.labId, session.labId)))
    .leftJoin(referral, and(eq(referral.id, bills.docId), eq(referral.labId, session.labId)))
    .where(and(isCalloutLog, eq(activityLogs.labId, session.labId), isCommunication, reportScope(session), ...where));
}
type Row = Awaited<ReturnType<typeof selectRows>>[number];

/** dumped_json is jsonb, but rows written by older tools may hold a JSON string inside it. */
function metaOf(value: unknown): Record<string, unknown> {
  let v = value;
  if (typeof v === "string") {
    try {
      v = JSON.parse(v);
    } catch {
      return {};
    }
  }
  return v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

async function toCommunications(db: Queryable, rows: Row[]) {
  const reports = new Map(rows.map((r) => [r.reportId, { id: r.reportId, patient: { sex: r.sex, dateOfBirth: r.dateOfBirth, sampleCollectedAt: r.sampleCollectedAt } }]));
  const parameters = await loadCriticalParameters(db, [...reports.values()]);
  return rows.map((r) => {
    const log: CalloutLogRow = { ...r, meta: metaOf(r.meta) };
    const report: ReportRow = r;
    return toCommunication(log, report, (parameters.get(r.reportId) ?? []) as CriticalParameter[]);
  });
}

/** One page of the search, and whether another follows. */
/** Planned for the session's and the filters' values (db/custom-plans.ts). */
export function searchCommunications(db: Queryable, session: SessionContext, q: CommunicationSearch) {
  return withCustomPlans(db, (tx) => loadCommunicationsPage(tx, session, q));
}

async function loadCommunicationsPage(db: Queryable, session: SessionContext, q: CommunicationSearch) {
  const where: SQL[] = [];
  if (q.patient !== undefined) where.push(eq(labReports.patientId, q.patient));
  if (q["part-of"] !== undefined) where.push(eq(labReports.id, q["part-of"]));
  if (q.status) where.push(sql`${statusSql} in (${sql.join(q.status.map((s) => sql`${s}`), sql`, `)})`);
  // Activity logs are append-only: a communication was last updated when it was sent.
  for (const bounds of [q.sent, q._lastUpdated]) {
    if (bounds?.from) where.push(gte(activityLogs.activityDate, bounds.from));
    if (bounds?.to) where.push(lt(activityLogs.activityDate, bounds.to));
  }
  const rows = await selectRows(db, session, where)
    .orderBy(desc(activityLogs.activityDate), desc(activityLogs.id), labReports.id)
    .limit(q._count + 1)
    .offset(q._offset);
  return { communications: await toCommunications(db, rows.slice(0, q._count)), hasMore: rows.length > q._count };
}

/** One Communication, or null when it does not exist or the session cannot see its report. */
export async function readCommunication(db: Queryable, session: SessionContext, logId: number, reportId: number) {
  const rows = await selectRows(db, session, [eq(activityLogs.id, logId), eq(labReports.id, reportId)]).limit(1);
  return rows.length ? (await toCommunications(db, rows))[0] : null;
}
