// The worklist read from the summary the database keeps by trigger (migration 0009), so that neither
// the tab counts nor the Pending tab's order by oldest open report grow with the lab's history:
// worklist_tab_counts holds a few hundred rows per lab at most, and the Pending page reads only the
// summary rows of bills with open reports (a partial index). Null wherever the summary cannot answer:
// a session scoped by bill (a referral doctor), or a bill filter (dates, search), which only the bills
// know; the worklist then counts and orders from the reports themselves, with the same answers.
import { type SQL, sql } from "drizzle-orm";
import type { SessionContext } from "@/domain/auth/session-context";
import type { WorklistQuery } from "@/contracts/worklist";
import { intArray } from "../int-array";
import { summaryDepartmentScope } from "../scope";
import { effectiveSort, hasBillFilter, type WorklistClock } from "./worklist";

/** The departments whose rows count for this session and filter: null = every one of the lab. */
function summaryDepartments(session: SessionContext, q: WorklistQuery): number[] | null | undefined {
  const scope = summaryDepartmentScope(session);
  if (scope === undefined || hasBillFilter(q)) return undefined;
  if (!q.department) return scope;
  return scope === null || scope.includes(q.department) ? [q.department] : [];
}

/** Pending: bills with an open report in view; Done: bills with a done one and no open one in view. */
export function summaryCounts(session: SessionContext, q: WorklistQuery): { pending: SQL; done: SQL } | null {
  const departments = summaryDepartments(session, q);
  if (departments === undefined) return null;
  const from = sql`from worklist_tab_counts where lab_id = ${session.labId}`;
  if (departments === null) {
    return {
      pending: sql`(select coalesce(sum(bills), 0) ${from} and cardinality(open_departments) > 0)`,
      done: sql`(select coalesce(sum(bills), 0) ${from} and cardinality(open_departments) = 0 and cardinality(done_departments) > 0)`,
    };
  }
  const set = intArray(departments);
  return {
    pending: sql`(select coalesce(sum(bills), 0) ${from} and open_departments && ${set})`,
    done: sql`(select coalesce(sum(bills), 0) ${from} and done_departments && ${set} and not open_departments && ${set})`,
  };
}

/**
 * A page of the Pending tab in its default order (oldest open report first), as `bill_id` rows, from
 * the open rows of the summary: the status and overdue filters as worklistBillCondition has them (a
 * report of the status, and an open one past the target, maybe another).
 */
export function summaryPendingPage(session: SessionContext, q: WorklistQuery, clock: WorklistClock, page: { limit: number; offset: number }): SQL | null {
  if (q.tab === "done" || effectiveSort(q) !== "oldest") return null;
  const departments = summaryDepartments(session, q);
  if (departments === undefined) return null;
  const having: SQL[] = [];
  if (q.status === "attempted") having.push(sql`sum(s.attempted) > 0`);
  if (q.status === "pending") having.push(sql`sum(s.pending) > 0`);
  if (q.overdue) having.push(sql`min(s.oldest_open) < ${clock.overdueBefore.toISOString()}::timestamptz`);
  return sql`select s.bill_id from worklist_bill_departments s
    where s.lab_id = ${session.labId} and s.pending + s.attempted > 0
      ${departments === null ? sql`` : sql`and s.department_id = any(${intArray(departments)})`}
    group by s.bill_id
    ${having.length ? sql`having ${sql.join(having, sql` and `)}` : sql``}
    order by min(s.oldest_open) asc nulls last, s.bill_id asc
    limit ${page.limit} offset ${page.offset}`;
}
