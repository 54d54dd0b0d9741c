// The worklist's summary (migration 0009) is kept by triggers on lab_reports, whoever writes them: after
// any mix of writes by another program it equals what lab_reports say, and the worklist's tab counts
// read from it equal the counts taken from the reports themselves.
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as worklistRoute } from "../../app/api/worklist/route";
import { rawRows } from "../../db/connect";
import * as t from "../../db/schema";
import type { TestDb } from "../support/db";
import type { Scenario } from "../support/fixtures";
import { call } from "../support/http";
import { loginAs } from "../support/session";
import { openScenario } from "../support/world";

let tdb: TestDb;
let s: Scenario;
beforeAll(async () => {
  ({ tdb, s } = await openScenario());
});
afterAll(() => tdb.dispose());

const COUNTED = sql`r.critical_values in (1, 2, 4) and r.dismissed = false and r.sample_collected = true`;

/** The summary rows and the tab counters, against the same figures computed from lab_reports now. */
async function drift() {
  const [rows] = await rawRows<{ missing: number; extra: number }>(
    tdb.db,
    sql`with fresh as (
        select r.bill_id, t.department_id, r.lab_id,
          count(*) filter (where r.critical_values = 1)::int as pending, count(*) filter (where r.critical_values = 4)::int as attempted,
          count(*) filter (where r.critical_values = 2)::int as done,
          min(coalesce(r.approved_at, r.sample_collected_at)) filter (where r.critical_values in (1, 4)) as oldest_open
        from lab_reports r join tests t on t.id = r.test_id where ${COUNTED} group by 1, 2, 3)
      select (select count(*) from (select * from fresh except select bill_id, department_id, lab_id, pending, attempted, done, oldest_open from worklist_bill_departments) a)::int as missing,
             (select count(*) from (select bill_id, department_id, lab_id, pending, attempted, done, oldest_open from worklist_bill_departments except select * from fresh) b)::int as extra`,
  );
  const [counters] = await rawRows<{ diff: number }>(
    tdb.db,
    sql`with keys as (
        select lab_id, coalesce(array_agg(department_id order by department_id) filter (where pending + attempted > 0), '{}') as o,
          coalesce(array_agg(department_id order by department_id) filter (where done > 0), '{}') as d
        from worklist_bill_departments group by bill_id, lab_id),
      want as (select lab_id, o, d, count(*)::int as n from keys group by 1, 2, 3),
      have as (select lab_id, open_departments as o, done_departments as d, sum(bills)::int as n from worklist_tab_counts group by 1, 2, 3 having sum(bills) <> 0)
      select (select count(*) from ((select * from want except select * from have) union all (select * from have except select * from want)) x)::int as diff`,
  );
  return { ...rows, counters: counters.diff };
}

/** Tab counts as the worklist shows them to a login, with and without a department filter. */
async function tabCounts(cookie: string, query = "") {
  const pending = await call(worklistRoute, `/api/worklist?tab=pending${query}`, { cookie });
  expect(pending.status).toBe(200);
  return pending.json.counts as { pending: number; done: number };
}

/** The Pending tab's page (its bills in order, with their counts) and total. */
async function pendingPage(cookie: string, query = "") {
  const res = await call(worklistRoute, `/api/worklist?tab=pending${query}`, { cookie });
  expect(res.status).toBe(200);
  return { rows: res.json.rows, total: res.json.total };
}

/** Every column of a table but its id, for copying rows with plain SQL as another program would. */
async function columnsOf(table: string, except: string[]) {
  const rows = await rawRows<{ c: string }>(
    tdb.db,
    sql`select column_name c from information_schema.columns where table_schema = 'public' and table_name = ${table} order by ordinal_position`,
  );
  return rows.map((r) => r.c).filter((c) => !["id", ...except].includes(c));
}

describe("worklist summary", () => {
  it("matches lab_reports after the seed", async () => {
    expect(await drift()).toEqual({ missing: 0, extra: 0, counters: 0 });
  });

  it("follows status changes, dismissals, new and deleted reports and a test moved to another department", async () => {
    const support = await loginAs(s.users.support.username);
    const before = await tabCounts(support);
    // A callout done outside the app: the bill's open reports become done.
    await tdb.db.update(t.labReports).set({ criticalValues: 2 }).where(eq(t.labReports.billId, s.bill1.id));
    expect(await drift()).toEqual({ missing: 0, extra: 0, counters: 0 });
    const afterDone = await tabCounts(support);
    expect(afterDone.done).toBeGreaterThan(before.done);
    expect(afterDone.pending).toBeLessThan(before.pending);
    // The LIS reopens one report, dismisses another, adds one and deletes one.
    await tdb.db.update(t.labReports).set({ criticalValues: 1 }).where(eq(t.labReports.id, s.r.cbcPending.id));
    await tdb.db.update(t.labReports).set({ dismissed: true }).where(eq(t.labReports.id, s.r.cultureDone.id));
    const { id: _id, ...copy } = s.r.kAttempted;
    const [added] = await tdb.db.insert(t.labReports).values({ ...copy, criticalValues: 4 }).returning();
    expect(await drift()).toEqual({ missing: 0, extra: 0, counters: 0 });
    await tdb.db.delete(t.labReports).where(eq(t.labReports.id, added.id));
    await tdb.db.update(t.tests).set({ departmentId: s.depts.micro.id }).where(eq(t.tests.id, s.tests.potassium.id));
    expect(await drift()).toEqual({ missing: 0, extra: 0, counters: 0 });
    // Every reader sees what the reports say: the summary's counts equal the per-report ones.
    for (const who of ["support", "tech0", "tech1", "drdept"] as const) {
      const cookie = await loginAs(s.users[who].username);
      for (const query of ["", `&department=${s.depts.hema.id}`, `&department=${s.depts.micro.id}`]) {
        // A date filter takes the per-report path (the summary knows no bill dates): both must agree.
        const fromReports = await tabCounts(cookie, `${query}&from=2000-01-01`);
        expect(await tabCounts(cookie, query)).toEqual(fromReports);
        for (const filter of ["", "&status=attempted", "&status=pending", "&overdue=1"]) {
          expect(await pendingPage(cookie, query + filter)).toEqual(await pendingPage(cookie, `${query}${filter}&from=2000-01-01`));
        }
      }
    }
  });

  // Last: it leaves its 40,000 bills in this suite's database.
  it.skipIf(!process.env.TEST_DATABASE_URL)("takes one statement loading the reports of 40,000 bills, as the LIS may", async () => {
    // One lock per bill would need 40,000 entries of a shared lock table sized for about 6,400.
    const billColumns = await columnsOf("bills", ["accession_no"]);
    const reportColumns = await columnsOf("lab_reports", ["bill_id"]);
    const list = (cols: string[], prefix = "") => sql.raw(cols.map((c) => `${prefix}"${c}"`).join(", "));
    await tdb.db.execute(sql`insert into bills (${list(billColumns)}, accession_no)
      select ${list(billColumns, "b.")}, 'BULK-' || g from bills b, generate_series(1, 40000) g where b.id = ${s.bill1.id}`);
    await tdb.db.execute(sql`insert into lab_reports (${list(reportColumns)}, bill_id)
      select ${list(reportColumns, "r.")}, b.id from lab_reports r, bills b
      where r.id = ${s.r.kAttempted.id} and b.accession_no like 'BULK-%'`);
    expect(await drift()).toEqual({ missing: 0, extra: 0, counters: 0 });
    const [{ n }] = await rawRows<{ n: number }>(tdb.db, sql`select count(*)::int n from worklist_bill_departments d join bills b on b.id = d.bill_id where b.accession_no like 'BULK-%'`);
    expect(n).toBe(40000);
  });
});
