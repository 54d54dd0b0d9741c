// Everything the compliance page and its Excel export show for one range: the §11 answer for the
// chosen group, the monthly trend (twelve months up to the range's end), the histogram of minutes to
// notification and the reports out of target. Each is one statement on the summary.
import type { ComplianceQuery, ComplianceResponse, NotifyHistogram, OutOfTargetReport } from "@/contracts/compliance";
import type { NotifySettings } from "@/contracts/settings";
import type { SessionContext } from "@/domain/auth/session-context";
import { monthLabel } from "@/domain/compliance/measures";
import type { Queryable } from "../connect";
import { withCustomPlans } from "../custom-plans";
import { getCompliance, getNotifyHistogram, getOutOfTarget } from "./compliance";
import { getNotifySettings } from "./settings";

export interface ComplianceReport {
  labName: string;
  generatedBy: string;
  generatedAt: Date;
  query: ComplianceQuery;
  settings: Pick<NotifySettings, "notify_target_minutes" | "max_attempts" | "time_zone">;
  summary: ComplianceResponse;
  trend: ComplianceResponse["groups"];
  trendFrom: string;
  histogram: NotifyHistogram;
  outOfTarget: { total: number; reports: OutOfTargetReport[] };
}

/** The first day of the month eleven months before the one holding the last day of [from, to). */
export function trendStart(to: string): string {
  const last = new Date(Date.parse(`${to}T00:00:00Z`) - 86_400_000);
  const start = new Date(Date.UTC(last.getUTCFullYear(), last.getUTCMonth() - 11, 1));
  return start.toISOString().slice(0, 10);
}

const EMPTY_MEASURES = {
  critical_reports: 0, notified: 0, notified_pct: null, within_target: 0, within_target_pct: null, median_minutes: null, p90_minutes: null,
  open_overdue: 0, unable_to_reach_pct: null, read_back_pct: null, acknowledged_pct: null, median_ack_minutes: null,
};

/** The trend's months from `from` up to `to`, months without critical reports included (so the axis is a calendar). */
export function everyMonth(from: string, to: string, groups: ComplianceResponse["groups"]): ComplianceResponse["groups"] {
  const out: ComplianceResponse["groups"] = [];
  const byKey = new Map(groups.map((g) => [g.key, g]));
  const last = new Date(Date.parse(`${to}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 7);
  for (let d = new Date(`${from.slice(0, 7)}-01T00:00:00Z`); d.toISOString().slice(0, 7) <= last; d.setUTCMonth(d.getUTCMonth() + 1)) {
    const key = d.toISOString().slice(0, 7);
    out.push(byKey.get(key) ?? { key, label: monthLabel(key), ...EMPTY_MEASURES });
  }
  return out;
}

export async function getComplianceReport(db: Queryable, session: SessionContext, q: ComplianceQuery, now = new Date()): Promise<ComplianceReport> {
  const settings = await getNotifySettings(db, session.labId);
  const start = trendStart(q.to);
  const trendFrom = start < q.from ? start : q.from;
  const [summary, trend, histogram, outOfTarget] = await Promise.all([
    getCompliance(db, session, q, now, settings),
    getCompliance(db, session, { from: trendFrom, to: q.to, department_id: q.department_id, group_by: "month" }, now, settings),
    withCustomPlans(db, (tx) => getNotifyHistogram(tx, session, q, settings)),
    withCustomPlans(db, (tx) => getOutOfTarget(tx, session, q, settings, now)),
  ]);
  return {
    labName: session.labName,
    generatedBy: session.displayName,
    generatedAt: now,
    query: q,
    settings: { notify_target_minutes: settings.notify_target_minutes, max_attempts: settings.max_attempts, time_zone: settings.time_zone },
    summary,
    trend: everyMonth(trendFrom, q.to, trend.groups),
    trendFrom,
    histogram,
    outOfTarget,
  };
}
