// Endpoint 3 (CriticalCalloutView): non-draft callout records of the requested reports the session
// may see, newest first, with the names an auditor reads.
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { SessionContext } from "@/domain/auth/session-context";
import type { CalloutRecordDto } from "@/contracts/critical";
import type { Queryable } from "../connect";
import { criticalAcknowledgements, criticalCallouts, doctors, organizations, patients, users } from "../schema";
import { visibleReportIdsQuery } from "./callout-logs";

const referral = alias(doctors, "referral");
const performer = alias(doctors, "performer");

/** The report's first acknowledgement at or after the callout (critical_acknowledgements_report_idx). */
const firstAck = sql<{ at: string; by: string } | string | null>`(select json_build_object('at', ${criticalAcknowledgements.createdAt}, 'by', ${criticalAcknowledgements.acknowledgedBy})
  from ${criticalAcknowledgements}
  where ${criticalAcknowledgements.labReportId} = ${criticalCallouts.labReportId} and ${criticalAcknowledgements.createdAt} >= ${criticalCallouts.createdOn}
  order by ${criticalAcknowledgements.createdAt}, ${criticalAcknowledgements.id} limit 1)`;

export async function getCalloutRecords(
  db: Queryable,
  session: SessionContext,
  reportIds: number[],
): Promise<{ records: CalloutRecordDto[] }> {
  if (reportIds.length === 0) return { records: [] };
  // One statement: the requested reports the session may see are a semi-join, not a round trip.
  const rows = await db
    .select({
      c: criticalCallouts,
      orgName: organizations.name,
      patientName: patients.fullName,
      referralName: referral.name,
      userName: users.displayName,
      doctorName: performer.name,
      ack: firstAck,
    })
    .from(criticalCallouts)
    .leftJoin(organizations, eq(organizations.id, criticalCallouts.orgId))
    .leftJoin(patients, eq(patients.id, criticalCallouts.patientId))
    .leftJoin(referral, eq(referral.id, criticalCallouts.referralId))
    .leftJoin(users, eq(users.id, criticalCallouts.performedByUserId))
    .leftJoin(performer, eq(performer.id, criticalCallouts.performedByDoctorId))
    .where(
      and(
        inArray(criticalCallouts.labReportId, visibleReportIdsQuery(db, session, reportIds)),
        eq(criticalCallouts.labId, session.labId),
        eq(criticalCallouts.isDraft, false),
      ),
    )
    .orderBy(desc(criticalCallouts.createdOn), desc(criticalCallouts.id));
  return {
    records: rows.map(({ c, ack, ...n }) => {
      const a = typeof ack === "string" ? (JSON.parse(ack) as { at: string; by: string }) : ack;
      return {
      id: c.id,
      bill_id: c.billId,
      lab_report_id: c.labReportId!,
      recipients: Array.isArray(c.recipients) ? (c.recipients as string[]) : [],
      org_name: n.orgName,
      patient_name: n.patientName,
      referral_name: n.referralName,
      performed_by_user_name: n.userName,
      performed_by_doctor_name: n.doctorName,
      critical_callout_comment: c.criticalCalloutComment,
      critical_callout_meta: (c.criticalCalloutMeta as Record<string, unknown>) ?? {},
      critical_values_meta: (c.criticalValuesMeta as Record<string, unknown>) ?? {},
      created_on: c.createdOn.toISOString(),
      acknowledged_at: a ? new Date(a.at).toISOString() : null,
      acknowledged_by: a?.by ?? null,
      };
    }),
  };
}
