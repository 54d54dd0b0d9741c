// Acknowledgements of receipt (DESIGN §10): one transaction writes a row per report, one activity log
// row (category 648, kind "acknowledgement") and the bill's new version with its event. Two ways in: a
// doctor login in the app (here) and the emailed link (ack-link-use.ts).
import { and, asc, eq, exists, inArray, sql } from "drizzle-orm";
import type { AcknowledgeBody, AcknowledgeResponse } from "@/contracts/acknowledge";
import type { SessionContext } from "@/domain/auth/session-context";
import { type AcknowledgementInput, acknowledgementJson, acknowledgementText } from "@/domain/callout/acknowledgement";
import { CriticalValues } from "@/domain/critical/status";
import { ApiError } from "@/domain/errors";
import type { Db, Tx } from "../connect";
import { activityLogs, CRITICAL_CALLOUT_LOG_CATEGORY, criticalAcknowledgements, criticalCallouts, labReports, tests } from "../schema";
import { reportScope } from "../scope";
import { assertBillVersion, recordBillChange } from "./bill-version";
import { requireVisibleBill } from "./visible-bill";

export interface AcknowledgementWrite extends Omit<AcknowledgementInput, "testNames" | "version"> {
  /** Who the event and the log name: the acknowledger, in the bill's lab. */
  actor: SessionContext;
  /** The bill's version read under its row lock. */
  currentVersion: number;
  userId: number | null;
  doctorId: number | null;
  clientAddress: string | null;
  userAgent: string | null;
  now: Date;
}

/** The writes of one acknowledgement; the caller holds the bill's row lock. */
export async function writeAcknowledgement(tx: Tx, w: AcknowledgementWrite): Promise<{ activityLogId: number; version: number }> {
  const version = w.currentVersion + 1;
  const names = await tx
    .select({ id: labReports.id, testName: tests.testName })
    .from(labReports)
    .innerJoin(tests, eq(tests.id, labReports.testId))
    .where(inArray(labReports.id, w.labReportIds))
    .orderBy(asc(labReports.id));
  const input: AcknowledgementInput = { ...w, testNames: names.map((n) => n.testName), version };
  const [log] = await tx
    .insert(activityLogs)
    .values({
      labId: w.actor.labId,
      billId: w.billId,
      labReportId: w.labReportIds[0],
      labReportIds: w.labReportIds,
      logCategoryId: CRITICAL_CALLOUT_LOG_CATEGORY,
      userId: w.userId,
      labUserName: w.by,
      activityText: acknowledgementText(input),
      activityDate: w.now,
      dumpedJson: acknowledgementJson(input),
    })
    .returning({ id: activityLogs.id });
  await Promise.all([
    tx.insert(criticalAcknowledgements).values(
      w.labReportIds.map((labReportId) => ({
        labId: w.actor.labId,
        billId: w.billId,
        labReportId,
        linkId: w.linkId ?? null,
        userId: w.userId,
        doctorId: w.doctorId,
        acknowledgedBy: w.by,
        clientAddress: w.clientAddress,
        userAgent: w.userAgent,
        activityLogId: log.id,
        createdAt: w.now,
      })),
    ),
    recordBillChange(tx, { session: w.actor, billId: w.billId, version, kind: "acknowledgement", reportIds: w.labReportIds, at: w.now }),
  ]);
  return { activityLogId: log.id, version };
}

/**
 * POST /report/{billId}/critical/acknowledge: a doctor login acknowledges done callouts of reports in
 * its scope. 404 for an unseen bill; 400 (with the ids) for reports it cannot see or that have no done
 * callout; 412 when If-Match names another version.
 */
export async function acknowledgeAsDoctor(
  db: Db,
  session: SessionContext,
  billId: number,
  body: AcknowledgeBody,
  expectedVersion: number | null,
): Promise<AcknowledgeResponse> {
  if (session.kind !== "doctor") throw new ApiError("forbidden", "Only doctor logins acknowledge in the app; recipients use the link in their message");
  return db.transaction(async (tx) => {
    const bill = await requireVisibleBill(tx, session, billId, { forUpdate: true });
    await assertBillVersion(tx, session, billId, bill.version, expectedVersion);
    const ids = [...new Set(body.lab_report_ids)].sort((a, b) => a - b);
    const rows = await tx
      .select({ id: labReports.id })
      .from(labReports)
      .where(
        and(
          inArray(labReports.id, ids),
          eq(labReports.billId, billId),
          reportScope(session),
          eq(labReports.dismissed, false),
          inArray(labReports.criticalValues, [CriticalValues.CALLOUT_PENDING, CriticalValues.CALLOUT_DONE, CriticalValues.CALLOUT_ATTEMPTED]),
          exists(
            tx
              .select({ one: sql`1` })
              .from(criticalCallouts)
              .where(and(eq(criticalCallouts.labReportId, labReports.id), eq(criticalCallouts.isDraft, false))),
          ),
        ),
      )
      .for("update", { of: labReports });
    const found = new Set(rows.map((r) => r.id));
    const missing = ids.filter((id) => !found.has(id));
    if (missing.length) {
      throw new ApiError("bad_request", "Some reports have no done callout on this bill to acknowledge", { lab_report_ids: missing });
    }
    const now = new Date();
    const { activityLogId, version } = await writeAcknowledgement(tx, {
      actor: session,
      currentVersion: bill.version,
      billId,
      labReportIds: ids,
      by: session.displayName,
      via: "app",
      userId: session.userId,
      doctorId: session.doctorId,
      clientAddress: null,
      userAgent: null,
      now,
    });
    return {
      acknowledgement: { bill_id: billId, lab_report_ids: ids, acknowledged_by: session.displayName, acknowledged_at: now.toISOString(), activity_log_id: activityLogId },
      version,
    };
  });
}
