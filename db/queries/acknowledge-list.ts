// A doctor's "To acknowledge" list (DESIGN §10): the bills holding critical reports in the doctor's
// scope whose latest done callout was addressed to them (a referral doctor: callouts to the Referral
// recipient; a department doctor: any done callout of their departments) and has no acknowledgement
// since, the longest-waiting first.
import { sql } from "drizzle-orm";
import type { AckListRow } from "@/contracts/acknowledge";
import type { SessionContext } from "@/domain/auth/session-context";
import { type Queryable, rawRows } from "../connect";
import { bills, criticalAcknowledgements, criticalCallouts, labReports, organizations, patients, tests } from "../schema";
import { reportScope } from "../scope";

export const ACK_LIST_LIMIT = 100;


interface Row {
  bill_id: number;
  accession_no: string;
  patient_name: string;
  org_name: string | null;
  report_ids: number[] | string;
  test_names: string[] | string;
  called_at: Date | string;
  total: number | string;
}

const pgArray = <T>(v: T[] | string, map: (s: string) => T): T[] =>
  Array.isArray(v) ? v : v.replace(/^\{|\}$/g, "").split(",").filter(Boolean).map((x) => map(x.replace(/^"|"$/g, "")));

/** The list (at most ACK_LIST_LIMIT bills), or one bill's entry with `billId`. */
export async function getAcknowledgeList(db: Queryable, session: SessionContext, billId?: number): Promise<{ rows: AckListRow[]; total: number }> {
  if (session.kind !== "doctor") return { rows: [], total: 0 };
  const oneBill = billId === undefined ? sql`` : sql`and ${labReports.billId} = ${billId}`;
  const addressed = session.docType === 0 ? sql`` : sql`and ${criticalCallouts.recipients} @> '["Referral"]'::jsonb`;
  const rows = await rawRows<Row>(
    db,
    sql`with due as (
        select ${labReports.id} as report_id, ${labReports.billId} as bill_id, ${tests.testName} as test_name,
          (select max(${criticalCallouts.createdOn}) from ${criticalCallouts}
            where ${criticalCallouts.labReportId} = ${labReports.id} and ${criticalCallouts.isDraft} = false ${addressed}) as called_at
        from ${labReports} join ${tests} on ${tests.id} = ${labReports.testId}
        where ${reportScope(session)} and ${labReports.dismissed} = false and ${labReports.sampleCollected} = true
          and ${labReports.criticalValues} in (1, 2, 4) ${oneBill}
      ),
      open as (
        select * from due where called_at is not null and not exists (
          select 1 from ${criticalAcknowledgements} a where a.lab_report_id = due.report_id and a.created_at >= due.called_at)
      ),
      per_bill as (
        select bill_id, array_agg(report_id order by report_id) as report_ids, array_agg(test_name order by report_id) as test_names, min(called_at) as called_at
        from open group by bill_id
      )
      select pb.*, b.accession_no, p.full_name as patient_name, o.name as org_name, count(*) over () as total
      from per_bill pb
      join ${bills} b on b.id = pb.bill_id
      join ${patients} p on p.id = b.patient_id
      left join ${organizations} o on o.id = b.org_id
      order by pb.called_at asc, pb.bill_id asc
      limit ${ACK_LIST_LIMIT}`,
  );
  return {
    total: Number(rows[0]?.total ?? 0),
    rows: rows.map((r) => ({
      billId: Number(r.bill_id),
      accessionNo: r.accession_no,
      patientName: r.patient_name,
      orgName: r.org_name,
      reportIds: pgArray(r.report_ids, Number),
      testNames: pgArray(r.test_names, String),
      calledOutAt: new Date(r.called_at).toISOString(),
    })),
  };
}
