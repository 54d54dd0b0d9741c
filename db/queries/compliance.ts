// Compliance (DESIGN §11), read from the summary the database keeps itself (compliance_reports,
// migration 0008): one statement aggregates the population overall and per group (GROUPING SETS),
// in the session's scope (db/scope.ts) and the lab's time zone. A year of one lab is one range of
// compliance_reports_lab_clock_idx, never a scan of history.
import { type SQL, sql } from "drizzle-orm";
import type { ComplianceGroup, ComplianceMeasures, ComplianceQuery, ComplianceResponse, NotifyHistogram, OutOfTargetReport } from "@/contracts/compliance";
import type { NotifySettings } from "@/contracts/settings";
import type { SessionContext } from "@/domain/auth/session-context";
import { HISTOGRAM_BINS, histogramWidth, minutesOrNull, monthLabel, pct, round1, shiftsInOrder, weekLabel } from "@/domain/compliance/measures";
import { type Queryable, rawRows } from "../connect";
import { withCustomPlans } from "../custom-plans";
import { reportScope } from "../scope";
import { complianceReports as c } from "../schema";
import { getNotifySettings } from "./settings";

type Range = Pick<ComplianceQuery, "from" | "to" | "department_id">;

/** Reports of the population: in scope, clock started in [from, to) of the lab's zone, the department. */
function population(session: SessionContext, q: Range, tz: string): SQL {
  const dept = q.department_id ? sql` and ${c.departmentId} = ${q.department_id}` : sql``;
  return sql`${reportScope(session, c)}
    and ${c.clockStartedAt} >= (${q.from}::date)::timestamp at time zone ${tz}
    and ${c.clockStartedAt} < (${q.to}::date)::timestamp at time zone ${tz}${dept}`;
}

/**
 * The group of a report as SQL: `key` is what is grouped on (a timestamp or an integer where it can
 * be: cheaper to sort than text), `text` turns it into the answer's key; labels of months, weeks and
 * shifts are made in JS.
 */
interface GroupSql {
  key: SQL;
  text: (k: SQL) => SQL;
  label: SQL;
  join: SQL;
}

function groupKey(groupBy: ComplianceQuery["group_by"], settings: NotifySettings): GroupSql {
  const local = sql`(${c.clockStartedAt} at time zone ${settings.time_zone})`;
  const plain = { join: sql``, label: sql`''`, text: (k: SQL) => sql`${k}::text` };
  switch (groupBy) {
    case "month":
      return { ...plain, key: sql`date_trunc('month', ${local})`, text: (k) => sql`to_char(${k}, 'YYYY-MM')` };
    case "week":
      return { ...plain, key: sql`date_trunc('week', ${local})`, text: (k) => sql`to_char(${k}, 'YYYY-MM-DD')` };
    case "department":
      return {
        key: sql`${c.departmentId}`,
        text: (k) => sql`coalesce(${k}::text, '')`,
        label: sql`coalesce(min(d.name), 'No department')`,
        join: sql`left join departments d on d.id = ${c.departmentId}`,
      };
    case "test":
      return { ...plain, key: sql`${c.testId}`, label: sql`coalesce(min(t.test_name), '')`, join: sql`left join tests t on t.id = ${c.testId}` };
    case "shift": {
      // The last shift that started at or before the local time of day; before the first, the last one (past midnight).
      const shifts = shiftsInOrder(settings.shifts);
      const whens = [...shifts].reverse().map((s) => sql`when ${local}::time >= ${s.start}::time then ${sql.raw(String(s.index))}`);
      return { ...plain, key: sql`(case ${sql.join(whens, sql` `)} else ${sql.raw(String(shifts.length - 1))} end)` };
    }
    case "recipient":
      return {
        ...plain,
        key: sql`coalesce(${c.recipientKind}, case when ${c.firstDoneAt} is null then 'Not notified' else 'No recipient recorded' end)`,
      };
    default:
      return { ...plain, key: sql`0` };
  }
}

interface RawMeasures {
  overall: boolean;
  key: string | null;
  label: string | null;
  critical_reports: number | string;
  notified: number | string;
  within_target: number | string;
  /** [median, 90th percentile]: one sort for both. */
  minutes_pct: (number | string | null)[] | string | null;
  open_overdue: number | string;
  unable: number | string;
  reached: number | string | null;
  read_back: number | string | null;
  acknowledged: number | string;
  median_ack_minutes: number | string | null;
}

/** The statement of getCompliance (the bench EXPLAINs it). */
export function complianceQuery(session: SessionContext, q: ComplianceQuery, settings: NotifySettings, now: Date): SQL {
  const g = groupKey(q.group_by, settings);
  const target = settings.notify_target_minutes;
  const head = q.group_by ? sql`grouping(gkey) = 1 as overall, ${g.text(sql`gkey`)} as key, ${g.label} as label` : sql`true as overall, null as key, '' as label`;
  const groupBy = q.group_by ? sql`group by grouping sets ((), (gkey))` : sql``;
  return sql`select ${head},
      count(*) as critical_reports,
      count(${c.firstDoneAt}) as notified,
      count(*) filter (where ${c.firstDoneAt} is not null and round(${c.notifyMinutes}, 1) <= ${target}) as within_target,
      percentile_cont(array[0.5, 0.9]::float8[]) within group (order by ${c.notifyMinutes}) as minutes_pct,
      count(*) filter (where ${c.firstDoneAt} is null and ${c.criticalValues} in (1, 4)
        and round((extract(epoch from ${now.toISOString()}::timestamptz - ${c.clockStartedAt}) / 60)::numeric, 1) > ${target}) as open_overdue,
      count(*) filter (where ${c.attempts} >= ${settings.max_attempts} or ${c.escalatedForAttempts}) as unable,
      sum(${c.reachedOutcomes}) as reached,
      sum(${c.readBackOutcomes}) as read_back,
      count(*) filter (where ${c.firstDoneAt} is not null and ${c.acknowledgedAt} is not null) as acknowledged,
      percentile_cont(0.5) within group (order by ${c.ackMinutes}) as median_ack_minutes
    from (select compliance_reports.*, ${g.key} as gkey from compliance_reports where ${population(session, q, settings.time_zone)}) as compliance_reports
    ${g.join}
    ${groupBy}`;
}

const n = (v: number | string | null) => Number(v ?? 0);

/** An element of a float8[] as either driver hands it back (an array, or its text `{45,85.2}`). */
function pctAt(v: RawMeasures["minutes_pct"], i: number): number | string | null {
  if (v == null) return null;
  const list = typeof v === "string" ? v.replace(/[{}]/g, "").split(",") : v;
  const x = list[i];
  return x == null || x === "NULL" ? null : x;
}

function toMeasures(r: RawMeasures): ComplianceMeasures {
  const all = n(r.critical_reports);
  const notified = n(r.notified);
  return {
    critical_reports: all,
    notified,
    notified_pct: pct(notified, all),
    within_target: n(r.within_target),
    within_target_pct: pct(n(r.within_target), all),
    median_minutes: minutesOrNull(pctAt(r.minutes_pct, 0)),
    p90_minutes: minutesOrNull(pctAt(r.minutes_pct, 1)),
    open_overdue: n(r.open_overdue),
    unable_to_reach_pct: pct(n(r.unable), all),
    read_back_pct: pct(n(r.read_back), n(r.reached)),
    acknowledged_pct: pct(n(r.acknowledged), notified),
    median_ack_minutes: minutesOrNull(r.median_ack_minutes),
  };
}

const EMPTY: RawMeasures = {
  overall: true, key: null, label: null, critical_reports: 0, notified: 0, within_target: 0, minutes_pct: null,
  open_overdue: 0, unable: 0, reached: 0, read_back: 0, acknowledged: 0, median_ack_minutes: null,
};

function labelOf(groupBy: ComplianceQuery["group_by"], key: string, label: string, settings: NotifySettings): string {
  if (groupBy === "month") return monthLabel(key);
  if (groupBy === "week") return weekLabel(key);
  if (groupBy === "shift") return shiftsInOrder(settings.shifts)[Number(key)]?.label ?? key;
  if (groupBy === "recipient") return key;
  return label;
}

/** Planned for the session's and the range's values (db/custom-plans.ts). */
export function getCompliance(db: Queryable, session: SessionContext, q: ComplianceQuery, now = new Date(), settings?: NotifySettings): Promise<ComplianceResponse> {
  return withCustomPlans(db, (tx) => loadCompliance(tx, session, q, now, settings));
}

async function loadCompliance(db: Queryable, session: SessionContext, q: ComplianceQuery, now: Date, settings?: NotifySettings): Promise<ComplianceResponse> {
  const cfg = settings ?? (await getNotifySettings(db, session.labId));
  const rows = await rawRows<RawMeasures>(db, complianceQuery(session, q, cfg, now));
  const overall = rows.find((r) => r.overall) ?? EMPTY;
  const groups: ComplianceGroup[] = rows
    .filter((r) => !r.overall)
    .map((r) => ({ key: String(r.key), label: labelOf(q.group_by, String(r.key), String(r.label ?? ""), cfg), ...toMeasures(r) }));
  const chronological = q.group_by === "month" || q.group_by === "week";
  groups.sort((a, b) =>
    chronological ? a.key.localeCompare(b.key) : q.group_by === "shift" ? Number(a.key) - Number(b.key) : a.label.localeCompare(b.label) || a.key.localeCompare(b.key),
  );
  return { target_minutes: cfg.notify_target_minutes, measures: toMeasures(overall), groups };
}

/** Minutes to notification of the notified reports of the population, binned for the histogram. */
export async function getNotifyHistogram(db: Queryable, session: SessionContext, q: Range, settings: NotifySettings): Promise<NotifyHistogram> {
  const width = histogramWidth(settings.notify_target_minutes);
  const rows = await rawRows<{ bin: number | string; count: number | string }>(
    db,
    sql`select least(floor(${c.notifyMinutes} / ${width})::int, ${HISTOGRAM_BINS}) as bin, count(*) as count
      from compliance_reports where ${population(session, q, settings.time_zone)} and ${c.firstDoneAt} is not null
      group by 1`,
  );
  const counts = new Map(rows.map((r) => [Number(r.bin), Number(r.count)]));
  const bins = Array.from({ length: HISTOGRAM_BINS + 1 }, (_, i) => ({
    from: i * width,
    to: i < HISTOGRAM_BINS ? (i + 1) * width : null,
    count: counts.get(i) ?? 0,
  }));
  return { width, overflowFrom: HISTOGRAM_BINS * width, bins };
}

/** The reports out of target, slowest first: notified after the target, or open and past it now. */
export async function getOutOfTarget(
  db: Queryable,
  session: SessionContext,
  q: Range,
  settings: NotifySettings,
  now = new Date(),
  limit = 200,
): Promise<{ total: number; reports: OutOfTargetReport[] }> {
  const target = settings.notify_target_minutes;
  const running = sql`(extract(epoch from ${now.toISOString()}::timestamptz - ${c.clockStartedAt}) / 60)::numeric`;
  const minutes = sql`case when ${c.firstDoneAt} is not null then ${c.notifyMinutes} else greatest(0, ${running}) end`;
  const late = sql`((${c.firstDoneAt} is not null and round(${c.notifyMinutes}, 1) > ${target})
    or (${c.firstDoneAt} is null and ${c.criticalValues} in (1, 4) and round(${running}, 1) > ${target}))`;
  const rows = await rawRows<{
    id: number; bill_id: number; accession_no: string; test_name: string; department_name: string | null; started: Date | string;
    notified: Date | string | null; minutes: number | string; attempts: number; total: number | string;
  }>(
    db,
    sql`select ${c.labReportId} as id, ${c.billId} as bill_id, b.accession_no, t.test_name, d.name as department_name,
        ${c.clockStartedAt} as started, ${c.firstDoneAt} as notified, ${minutes} as minutes, ${c.attempts} as attempts,
        count(*) over () as total
      from compliance_reports
      join bills b on b.id = ${c.billId}
      join tests t on t.id = ${c.testId}
      left join departments d on d.id = ${c.departmentId}
      where ${population(session, q, settings.time_zone)} and ${late}
      order by ${minutes} desc, ${c.labReportId}
      limit ${limit}`,
  );
  const iso = (v: Date | string) => new Date(v).toISOString();
  return {
    total: rows.length ? Number(rows[0].total) : 0,
    reports: rows.map((r) => ({
      labReportId: Number(r.id),
      billId: Number(r.bill_id),
      accessionNo: r.accession_no,
      testName: r.test_name,
      departmentName: r.department_name ?? "",
      startedAt: iso(r.started),
      notifiedAt: r.notified ? iso(r.notified) : null,
      minutes: round1(Number(r.minutes)),
      attempts: Number(r.attempts),
    })),
  };
}
