// Signing reports. With the lab's always_notify on, a report with open critical values (pending or
// attempted) cannot be signed until a callout is done. "Sign all" and auto-approval are exempt, as in
// the original system.
import { and, eq } from "drizzle-orm";
import type { SessionContext } from "@/domain/auth/session-context";
import { ApiError } from "@/domain/errors";
import { parseIfMatch } from "@/domain/callout/bill-version";
import type { Db, Queryable } from "../connect";
import { isOpenStatus } from "@/domain/critical/status";
import { labReports } from "../schema";
import { reportScope } from "../scope";
import { getNotifySettings } from "./settings";
import { assertBillVersion, recordBillChange } from "./bill-version";
import { requireVisibleBill } from "./visible-bill";

/** The report in the session's scope, or 404; locked when asked (after its bill, by the caller). */
async function findReport(tx: Queryable, session: SessionContext, reportId: number, forUpdate: boolean) {
  const query = tx
    .select({ id: labReports.id, billId: labReports.billId, criticalValues: labReports.criticalValues, isSigned: labReports.isSigned })
    .from(labReports)
    .where(and(eq(labReports.id, reportId), reportScope(session)));
  const [report] = await (forUpdate ? query.for("update") : query);
  if (!report) throw new ApiError("not_found", "Report not found");
  return report;
}

/** Signs one report. `ifMatch` is the bill version the signer saw (endpoint 1's ETag), or null. */
export async function signReport(db: Db, session: SessionContext, reportId: number, ifMatch: string | null = null) {
  const settings = await getNotifySettings(db, session.labId);
  return db.transaction(async (tx) => {
    // The bill first, then the report: the lock order of every writer on a bill.
    const { billId } = await findReport(tx, session, reportId, false);
    const bill = await requireVisibleBill(tx, session, billId, { forUpdate: true });
    await assertBillVersion(tx, session, billId, bill.version, parseIfMatch(ifMatch, billId));
    const report = await findReport(tx, session, reportId, true);
    if (settings.always_notify === 1 && isOpenStatus(report.criticalValues)) {
      throw new ApiError("conflict", "This report has critical values that must be called out before it is signed", {
        reason: "callout_required",
        lab_report_id: report.id,
        bill_id: report.billId,
      });
    }
    if (!report.isSigned) {
      await Promise.all([
        tx.update(labReports).set({ isSigned: true }).where(eq(labReports.id, report.id)),
        recordBillChange(tx, { session, billId, version: bill.version + 1, kind: "sign", reportIds: [report.id], at: new Date() }),
      ]);
    }
    return { labReportId: report.id, isSigned: true };
  });
}

export async function signAllReports(db: Db, session: SessionContext, billId: number, expectedVersion: number | null = null) {
  return db.transaction(async (tx) => {
    const bill = await requireVisibleBill(tx, session, billId, { forUpdate: true });
    await assertBillVersion(tx, session, billId, bill.version, expectedVersion);
    const rows = await tx
      .update(labReports)
      .set({ isSigned: true })
      .where(and(eq(labReports.billId, billId), eq(labReports.isSigned, false), eq(labReports.dismissed, false), reportScope(session)))
      .returning({ id: labReports.id });
    const signed = rows.map((r) => r.id).sort((a, b) => a - b);
    if (signed.length) {
      await recordBillChange(tx, { session, billId, version: bill.version + 1, kind: "sign", reportIds: signed, at: new Date() });
    }
    return { billId, signed };
  });
}

