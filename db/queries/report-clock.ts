// What a critical report's clock is computed from (domain/critical/clock.ts), as columns of the query
// that selects the reports, so a bill of any size costs no extra statement. Each is an index probe per
// report: its first done callout (critical_callouts_report_idx), its attempts (the partial GIN index
// on callout log rows), its escalations (critical_escalations_report_level), its first acknowledgement
// (critical_acknowledgements_report_idx).
import { sql } from "drizzle-orm";
import type { ClockFacts } from "@/domain/critical/clock";
import { isCalloutLog } from "../callout-log";
import { activityLogs, criticalAcknowledgements, criticalCallouts, criticalEscalations, labReports } from "../schema";

/** An attempt is a callout log row written as a draft; it counts for every report it names. */
export const attemptLogCondition = sql`${isCalloutLog}
  and ${activityLogs.labReportIds} @> array[${labReports.id}]
  and ${activityLogs.labId} = ${labReports.labId}
  and ${activityLogs.dumpedJson}->>'is_draft' = 'true'`;

export const clockColumns = {
  firstDoneAt: sql<Date | string | null>`(select min(${criticalCallouts.createdOn}) from ${criticalCallouts}
    where ${criticalCallouts.labReportId} = ${labReports.id} and ${criticalCallouts.isDraft} = false)`,
  attempts: sql<number | string>`(select count(*) from ${activityLogs} where ${attemptLogCondition})`,
  escalations: sql<{ level: number; at: string }[] | string | null>`(select json_agg(json_build_object('level', ${criticalEscalations.level}, 'at', ${criticalEscalations.createdAt}))
    from ${criticalEscalations} where ${criticalEscalations.labReportId} = ${labReports.id})`,
  acknowledgedAt: sql<Date | string | null>`(select min(${criticalAcknowledgements.createdAt}) from ${criticalAcknowledgements}
    where ${criticalAcknowledgements.labReportId} = ${labReports.id})`,
};

export interface ClockColumnValues {
  firstDoneAt: Date | string | null;
  attempts: number | string;
  escalations: { level: number; at: string }[] | string | null;
  acknowledgedAt?: Date | string | null;
}

const toDate = (v: Date | string | null) => (v == null ? null : new Date(v));

/** The two drivers hand these back differently (strings or parsed values): one shape for the domain. */
export function clockFacts(report: { criticalValues: number; approvedAt: Date | null; sampleCollectedAt: Date | null }, v: ClockColumnValues): ClockFacts {
  const escalations = typeof v.escalations === "string" ? (JSON.parse(v.escalations) as { level: number; at: string }[]) : (v.escalations ?? []);
  return {
    criticalValues: report.criticalValues,
    approvedAt: report.approvedAt,
    sampleCollectedAt: report.sampleCollectedAt,
    firstDoneAt: toDate(v.firstDoneAt),
    attempts: Number(v.attempts),
    escalations: escalations.map((e) => ({ level: Number(e.level), at: new Date(e.at) })),
    acknowledgedAt: toDate(v.acknowledgedAt ?? null),
  };
}
