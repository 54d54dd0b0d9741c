// Endpoint 3 (CriticalCalloutView): non-draft callout records of the requested reports the session
// may see, newest first, with the names an auditor reads. PostgreSQL writes the answer's JSON itself:
// the route hands its text on, and no row is parsed and serialized again in Node (bench/NOTES.md).
import { and, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { SessionContext } from "@/domain/auth/session-context";
import type { CalloutRecordDto } from "@/contracts/critical";
import { type Queryable, rawRows } from "../connect";
import { frozenSql } from "../frozen-sql";
import { isoTimestamp } from "../json-rows";
import { criticalAcknowledgements as ack, criticalCallouts as c, doctors, organizations, patients, users } from "../schema";
import { visibleReportIdsQuery } from "./callout-logs";

const referral = alias(doctors, "referral");
const performer = alias(doctors, "performer");

/** The report's first acknowledgement at or after the callout (critical_acknowledgements_report_idx). */
const firstAck = (column: unknown) => sql`(select ${column} from ${ack}
  where ${ack.labReportId} = ${c.labReportId} and ${ack.createdAt} >= ${c.createdOn}
  order by ${ack.createdAt}, ${ack.id} limit 1)`;

/** One record as CalloutRecordDto, with the joins that name it; rendered once (db/frozen-sql.ts). */
const recordsWithNames = frozenSql(sql`select json_build_object(
    'id', ${c.id}, 'bill_id', ${c.billId}, 'lab_report_id', ${c.labReportId},
    'recipients', case when jsonb_typeof(${c.recipients}) = 'array' then ${c.recipients} else '[]'::jsonb end,
    'org_name', ${organizations.name}, 'patient_name', ${patients.fullName}, 'referral_name', ${referral.name},
    'performed_by_user_name', ${users.displayName}, 'performed_by_doctor_name', ${performer.name},
    'critical_callout_comment', ${c.criticalCalloutComment},
    'critical_callout_meta', ${c.criticalCalloutMeta}, 'critical_values_meta', ${c.criticalValuesMeta},
    'created_on', ${isoTimestamp(c.createdOn)},
    'acknowledged_at', ${firstAck(isoTimestamp(ack.createdAt))}, 'acknowledged_by', ${firstAck(ack.acknowledgedBy)}
  ) as record, ${c.createdOn} as created_on, ${c.id} as id
  from ${c}
  left join ${organizations} on ${organizations.id} = ${c.orgId}
  left join ${patients} on ${patients.id} = ${c.patientId}
  left join ${doctors} as ${referral} on ${referral.id} = ${c.referralId}
  left join ${users} on ${users.id} = ${c.performedByUserId}
  left join ${doctors} as ${performer} on ${performer.id} = ${c.performedByDoctorId}`);

/** Endpoint 3's answer, `{"records": [...]}`, as the JSON text PostgreSQL wrote. */
export async function calloutRecordsJson(db: Queryable, session: SessionContext, reportIds: number[]): Promise<string> {
  if (reportIds.length === 0) return '{"records":[]}';
  // One statement: the requested reports the session may see are a semi-join, not a round trip.
  const [row] = await rawRows<{ body: string }>(
    db,
    sql`select json_build_object('records', coalesce(json_agg(r.record order by r.created_on desc, r.id desc), '[]'))::text as body
      from (${recordsWithNames}
        where ${and(
          sql`${c.labReportId} in (${visibleReportIdsQuery(db, session, reportIds)})`,
          eq(c.labId, session.labId),
          eq(c.isDraft, false),
        )}) r`,
  );
  return row.body;
}

export async function getCalloutRecords(db: Queryable, session: SessionContext, reportIds: number[]): Promise<{ records: CalloutRecordDto[] }> {
  return JSON.parse(await calloutRecordsJson(db, session, reportIds));
}
