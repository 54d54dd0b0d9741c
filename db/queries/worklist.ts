// The worklist: bills in the session's scope holding critical reports, aggregated per bill, one page
// at a time. Pending = bills with any open (1 or 4) report; Done = bills whose critical reports are all done.
import { type SQL, sql } from "drizzle-orm";
import type { SessionContext } from "@/lib/auth/session-context";
import { WORKLIST_PAGE_SIZE, type WorklistQuery, type WorklistResponse } from "@/lib/contracts/worklist";
import { type Queryable, rawRows } from "../connect";
import { reportScope } from "../scope";
import { bills, doctors, labReports, organizations, patients, tests } from "../schema";

const ORDER: Record<string, SQL> = {
  oldest: sql`pb.oldest_open asc nulls last, pb.bill_id asc`,
  newest: sql`b.created_at desc, pb.bill_id desc`,
  accession: sql`b.accession_no asc, pb.bill_id asc`,
  patient: sql`p.full_name asc, pb.bill_id asc`,
};

function perBill(session: SessionContext, q: WorklistQuery): SQL {
  const filters: SQL[] = [
    reportScope(session),
    sql`${labReports.dismissed} = false`,
    sql`${labReports.sampleCollected} = true`,
    sql`${labReports.criticalValues} in (1, 2, 4)`,
  ];
  if (q.department) {
    filters.push(sql`${labReports.testId} in (select ${tests.id} from ${tests} where ${tests.departmentId} = ${q.department})`);
  }
  if (q.from) filters.push(sql`${bills.createdAt} >= ${q.from}::date`);
  if (q.to) filters.push(sql`${bills.createdAt} < (${q.to}::date + 1)`);
  if (q.q) {
    const like = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    filters.push(sql`(${bills.accessionNo} ilike ${like} or ${bills.patientId} in (select ${patients.id} from ${patients} where ${patients.labId} = ${session.labId} and ${patients.fullName} ilike ${like}))`);
  }
  return sql`
    select ${labReports.billId} as bill_id,
      count(*) filter (where ${labReports.criticalValues} = 1)::int as pending,
      count(*) filter (where ${labReports.criticalValues} = 4)::int as attempted,
      count(*) filter (where ${labReports.criticalValues} = 2)::int as done,
      min(coalesce(${labReports.approvedAt}, ${labReports.sampleCollectedAt})) filter (where ${labReports.criticalValues} in (1, 4)) as oldest_open
    from ${labReports}
    join ${bills} on ${bills.id} = ${labReports.billId}
    where ${sql.join(filters, sql` and `)}
    group by ${labReports.billId}`;
}

function tabFilter(q: WorklistQuery): SQL {
  if (q.tab === "done") return sql`pb.pending + pb.attempted = 0 and pb.done > 0`;
  if (q.status === "attempted") return sql`pb.attempted > 0`;
  if (q.status === "pending") return sql`pb.pending > 0`;
  return sql`pb.pending + pb.attempted > 0`;
}

interface Row {
  bill_id: number;
  accession_no: string;
  created_at: Date | string;
  patient_name: string;
  referral_name: string | null;
  org_name: string | null;
  pending: number;
  attempted: number;
  done: number;
  oldest_open: Date | string | null;
  total: number | string;
}

const iso = (d: Date | string | null) => (d == null ? null : new Date(d).toISOString());

export async function getWorklist(db: Queryable, session: SessionContext, q: WorklistQuery): Promise<WorklistResponse> {
  const cte = perBill(session, q);
  const sort = ORDER[q.sort ?? (q.tab === "done" ? "newest" : "oldest")];
  const offset = (q.page - 1) * WORKLIST_PAGE_SIZE;
  const [rows, [counts]] = await Promise.all([
    rawRows<Row>(
      db,
      sql`with pb as (${cte})
        select pb.*, b.accession_no, b.created_at, p.full_name as patient_name, d.name as referral_name, o.name as org_name,
          count(*) over () as total
        from pb
        join ${bills} b on b.id = pb.bill_id
        join ${patients} p on p.id = b.patient_id
        left join ${doctors} d on d.id = b.doc_id
        left join ${organizations} o on o.id = b.org_id
        where ${tabFilter(q)}
        order by ${sort}
        limit ${WORKLIST_PAGE_SIZE} offset ${offset}`,
    ),
    rawRows<{ pending: number; done: number }>(
      db,
      sql`with pb as (${cte})
        select count(*) filter (where pb.pending + pb.attempted > 0)::int as pending,
               count(*) filter (where pb.pending + pb.attempted = 0 and pb.done > 0)::int as done
        from pb`,
    ),
  ]);
  return {
    rows: rows.map((r) => ({
      billId: r.bill_id,
      accessionNo: r.accession_no,
      billCreatedAt: iso(r.created_at)!,
      patientName: r.patient_name,
      referralName: r.referral_name,
      orgName: r.org_name,
      pending: r.pending,
      attempted: r.attempted,
      done: r.done,
      oldestOpenApprovedAt: iso(r.oldest_open),
    })),
    // A page past the end has no rows to carry the window count: total is then unknown but ≤ offset.
    total: rows.length ? Number(rows[0].total) : 0,
    page: q.page,
    pageSize: WORKLIST_PAGE_SIZE,
    counts: { pending: Number(counts?.pending ?? 0), done: Number(counts?.done ?? 0) },
  };
}
