// The worklist: bills in the session's scope holding critical reports, one page at a time, with each
// bill's report counts per status. Pending = bills with any open (1 or 4) report; Done = bills whose
// critical reports are all done (2). The filters live here once and the Excel export
// (worklist-export.ts) reuses them, so the file always holds what the screen shows.
//
// Shaped for a lab with a million reports, where done reports pile up (tens of thousands) and open
// ones stay few (hundreds): the page is driven from `bills` through EXISTS probes on the covering
// partial index lab_reports_worklist_idx, so a page of the Done tab reads ~200 bills newest first
// instead of aggregating every done report; the per-status counts are computed for the page's 25
// bills only; the tab counts come from worklist_tab_counts, which triggers keep (migration 0009), else
// (a referral doctor, a date or search filter) from the few open reports plus a DISTINCT over the done ones.
import { type SQL, sql } from "drizzle-orm";
import type { SessionContext } from "@/domain/auth/session-context";
import { WORKLIST_PAGE_SIZE, type WorklistQuery, type WorklistResponse } from "@/contracts/worklist";
import { type Queryable, rawRows } from "../connect";
import { withCustomPlans } from "../custom-plans";
import { reportScope } from "../scope";
import { bills, doctors, labReports, organizations, patients, tests } from "../schema";
import { getNotifySettings } from "./settings";
import { summaryCounts, summaryPendingPage } from "./worklist-summary";

/** Which reports count: critical (1, 2, 4), in scope, collected, not dismissed, in the chosen department. */
export function worklistReportFilter(session: SessionContext, q: WorklistQuery): SQL {
  const filters: SQL[] = [
    reportScope(session),
    sql`${labReports.dismissed} = false`,
    sql`${labReports.sampleCollected} = true`,
    sql`${labReports.criticalValues} in (1, 2, 4)`,
  ];
  if (q.department) {
    filters.push(sql`${labReports.testId} in (select ${tests.id} from ${tests} where ${tests.departmentId} = ${q.department})`);
  }
  return sql.join(filters, sql` and `);
}

/** The search term as an ILIKE pattern, its wildcards taken literally. */
const likePattern = (term: string) => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * WITH entries the worklist queries need (each ends with a comma, or nothing): the bills the search
 * matches, found once. A substring match on accession or patient name is a scan of the lab's bills,
 * so it must not run again for the page, the open reports and the done bills.
 */
export function worklistCtes(session: SessionContext, q: WorklistQuery): SQL {
  if (!q.q) return sql``;
  const like = likePattern(q.q);
  return sql`matched_bills as materialized (
      select b.id from ${bills} b
      where b.lab_id = ${session.labId}
        and (b.accession_no ilike ${like} or b.patient_id in (select ${patients.id} from ${patients} where ${patients.labId} = ${session.labId} and ${patients.fullName} ilike ${like}))
    ),`;
}

/** Which bills count, on the alias `b`: the session's lab, the bill date range, the search. */
function billFilter(session: SessionContext, q: WorklistQuery): SQL {
  const filters: SQL[] = [sql`b.lab_id = ${session.labId}`];
  if (q.from) filters.push(sql`b.created_at >= ${q.from}::date`);
  if (q.to) filters.push(sql`b.created_at < (${q.to}::date + 1)`);
  if (q.q) filters.push(sql`b.id in (select id from matched_bills)`);
  return sql.join(filters, sql` and `);
}

export const hasBillFilter = (q: WorklistQuery) => Boolean(q.from || q.to || q.q);

/** Bill `b` holds a counted report with one of these statuses. */
function hasReports(session: SessionContext, q: WorklistQuery, statuses: string): SQL {
  return sql`exists (select 1 from ${labReports} where ${labReports.billId} = b.id and ${labReports.criticalValues} in (${sql.raw(statuses)}) and ${worklistReportFilter(session, q)})`;
}

/** What the overdue filter compares with: a report opened before this is past the lab's target. */
export interface WorklistClock {
  overdueBefore: Date;
}

export const worklistClock = (targetMinutes: number, now = new Date()): WorklistClock => ({
  overdueBefore: new Date(now.getTime() - targetMinutes * 60_000),
});

/** Bill `b` holds an open counted report whose clock (approval, else collection) passed the target. */
function hasOverdueReports(session: SessionContext, q: WorklistQuery, clock: WorklistClock): SQL {
  return sql`exists (select 1 from ${labReports} where ${labReports.billId} = b.id and ${labReports.criticalValues} in (1, 4)
    and coalesce(${labReports.approvedAt}, ${labReports.sampleCollectedAt}) < ${clock.overdueBefore.toISOString()}::timestamptz
    and ${worklistReportFilter(session, q)})`;
}

/** The bills of the current tab (and, on Pending, the status and overdue filters), as a condition on `b`. */
export function worklistBillCondition(session: SessionContext, q: WorklistQuery, clock: WorklistClock): SQL {
  let tab: SQL;
  if (q.tab === "done") tab = sql`${hasReports(session, q, "2")} and not ${hasReports(session, q, "1, 4")}`;
  else if (q.status === "attempted") tab = hasReports(session, q, "4");
  else if (q.status === "pending") tab = hasReports(session, q, "1");
  else tab = hasReports(session, q, "1, 4");
  if (q.tab !== "done" && q.overdue) tab = sql`${tab} and ${hasOverdueReports(session, q, clock)}`;
  return sql`${billFilter(session, q)} and ${tab}`;
}

/** Approval time of bill `b`'s oldest open counted report (sample collection when not approved). */
function oldestOpen(session: SessionContext, q: WorklistQuery): SQL {
  return sql`(select min(coalesce(${labReports.approvedAt}, ${labReports.sampleCollectedAt})) from ${labReports} where ${labReports.billId} = b.id and ${labReports.criticalValues} in (1, 4) and ${worklistReportFilter(session, q)})`;
}

export const effectiveSort = (q: WorklistQuery) => q.sort ?? (q.tab === "done" ? "newest" : "oldest");

/** Row order on `b` (and `p`, the bill's patient, for the patient sort). */
export function worklistBillOrder(session: SessionContext, q: WorklistQuery): SQL {
  switch (effectiveSort(q)) {
    case "newest":
      return sql`b.created_at desc, b.id desc`;
    case "accession":
      return sql`b.accession_no asc, b.id asc`;
    case "patient":
      return sql`p.full_name asc, b.id asc`;
    default:
      // Nothing is open on Done: every bill would tie, so skip the per-bill lookup.
      return q.tab === "done" ? sql`b.id asc` : sql`${oldestOpen(session, q)} asc nulls last, b.id asc`;
  }
}

/** The tab's bills in order, as `bill_id` rows (the patient join only when sorting by patient).
 * Needs worklistCtes in the enclosing WITH. */
export function worklistBills(session: SessionContext, q: WorklistQuery, clock: WorklistClock, page?: { limit: number; offset: number }): SQL {
  const patientJoin = effectiveSort(q) === "patient" ? sql`join ${patients} p on p.id = b.patient_id` : sql``;
  return sql`select b.id as bill_id from ${bills} b ${patientJoin}
    where ${worklistBillCondition(session, q, clock)}
    order by ${worklistBillOrder(session, q)}
    ${page ? sql`limit ${page.limit} offset ${page.offset}` : sql``}`;
}

/** Counted reports of the tab counts' kind; joined to `bills b` only when a bill filter needs it. */
function countedReports(session: SessionContext, q: WorklistQuery, statuses: string): SQL {
  const join = hasBillFilter(q) ? sql`join ${bills} b on b.id = ${labReports.billId}` : sql``;
  const bill = hasBillFilter(q) ? sql` and ${billFilter(session, q)}` : sql``;
  return sql`from ${labReports} ${join}
    where ${labReports.criticalValues} in (${sql.raw(statuses)}) and ${worklistReportFilter(session, q)}${bill}`;
}

function totalOfTab(q: WorklistQuery, summary: { pending: SQL; done: SQL } | null): SQL {
  if (q.tab === "done") return summary?.done ?? sql`(select count(*) from done_bills where bill_id not in (select bill_id from open_reports))`;
  // As worklistBillCondition: a report of the chosen status, and an overdue open one (maybe another).
  if (q.overdue) {
    const statuses = q.status === "attempted" ? "4" : q.status === "pending" ? "1" : "1, 4";
    return sql`(select count(distinct bill_id) from open_reports where critical_values in (${sql.raw(statuses)})
      and bill_id in (select bill_id from open_reports where overdue))`;
  }
  if (q.status === "attempted") return sql`(select count(distinct bill_id) from open_reports where critical_values = 4)`;
  if (q.status === "pending") return sql`(select count(distinct bill_id) from open_reports where critical_values = 1)`;
  return summary?.pending ?? sql`(select count(distinct bill_id) from open_reports)`;
}

interface Row {
  count_pending: number;
  count_done: number;
  total: number;
  bill_id: number | null;
  accession_no: string;
  created_at: Date | string;
  patient_name: string;
  referral_name: string | null;
  org_name: string | null;
  pending: number;
  attempted: number;
  done: number;
  oldest_open: Date | string | null;
  escalated_open: number;
  escalation_level: number;
}

const iso = (d: Date | string | null) => (d == null ? null : new Date(d).toISOString());

/** Planned for the session's and the filters' values (db/custom-plans.ts). */
export function getWorklist(db: Queryable, session: SessionContext, q: WorklistQuery): Promise<WorklistResponse> {
  return withCustomPlans(db, (tx) => loadWorklist(tx, session, q));
}

async function loadWorklist(db: Queryable, session: SessionContext, q: WorklistQuery): Promise<WorklistResponse> {
  const offset = (q.page - 1) * WORKLIST_PAGE_SIZE;
  const { notify_target_minutes: targetMinutes } = await getNotifySettings(db, session.labId);
  const clock = worklistClock(targetMinutes);
  const summary = summaryCounts(session, q);
  // One statement. `page` is numbered in the order it was produced (a materialized CTE keeps it); the
  // lateral join counts each page bill's reports; the counts row survives an empty page (no match, or
  // a page past the end) through the left join.
  const rows = await rawRows<Row>(
    db,
    sql`with ${worklistCtes(session, q)}
      open_reports as materialized (
        select ${labReports.billId} as bill_id, ${labReports.criticalValues} as critical_values,
          coalesce(${labReports.approvedAt}, ${labReports.sampleCollectedAt}) < ${clock.overdueBefore.toISOString()}::timestamptz as overdue
          ${countedReports(session, q, "1, 4")}
      ),
      done_bills as (select distinct ${labReports.billId} as bill_id ${countedReports(session, q, "2")}),
      counts as (
        select ${summary?.pending ?? sql`(select count(distinct bill_id) from open_reports)`}::int as count_pending,
               ${summary?.done ?? sql`(select count(*) from done_bills where bill_id not in (select bill_id from open_reports))`}::int as count_done,
               ${totalOfTab(q, summary)}::int as total
      ),
      page as materialized (${
        summaryPendingPage(session, q, clock, { limit: WORKLIST_PAGE_SIZE, offset }) ??
        worklistBills(session, q, clock, { limit: WORKLIST_PAGE_SIZE, offset })
      }),
      numbered as (select bill_id, row_number() over () as rn from page)
      select counts.*, pg.*
      from counts
      left join (
        select n.rn, b.id as bill_id, b.accession_no, b.created_at, p.full_name as patient_name, d.name as referral_name, o.name as org_name,
          c.pending, c.attempted, c.done, c.oldest_open, c.escalated_open, c.escalation_level
        from numbered n
        join ${bills} b on b.id = n.bill_id
        join ${patients} p on p.id = b.patient_id
        left join ${doctors} d on d.id = b.doc_id
        left join ${organizations} o on o.id = b.org_id
        cross join lateral (
          select count(*) filter (where ${labReports.criticalValues} = 1)::int as pending,
            count(*) filter (where ${labReports.criticalValues} = 4)::int as attempted,
            count(*) filter (where ${labReports.criticalValues} = 2)::int as done,
            min(coalesce(${labReports.approvedAt}, ${labReports.sampleCollectedAt})) filter (where ${labReports.criticalValues} in (1, 4)) as oldest_open,
            count(*) filter (where ${labReports.criticalValues} in (1, 4) and ${labReports.escalationLevel} > 0)::int as escalated_open,
            coalesce(max(${labReports.escalationLevel}) filter (where ${labReports.criticalValues} in (1, 4)), 0)::int as escalation_level
          from ${labReports}
          where ${labReports.billId} = b.id and ${worklistReportFilter(session, q)}
        ) c
      ) pg on true
      order by pg.rn`,
  );
  const head = rows[0];
  return {
    rows: rows
      .filter((r) => r.bill_id != null)
      .map((r) => ({
        billId: r.bill_id!,
        accessionNo: r.accession_no,
        billCreatedAt: iso(r.created_at)!,
        patientName: r.patient_name,
        referralName: r.referral_name,
        orgName: r.org_name,
        pending: r.pending,
        attempted: r.attempted,
        done: r.done,
        oldestOpenApprovedAt: iso(r.oldest_open),
        escalatedOpen: Number(r.escalated_open),
        escalationLevel: Number(r.escalation_level),
      })),
    total: Number(head?.total ?? 0),
    page: q.page,
    pageSize: WORKLIST_PAGE_SIZE,
    counts: { pending: Number(head?.count_pending ?? 0), done: Number(head?.count_done ?? 0) },
    targetMinutes,
  };
}
