// Signing reports. With the lab's always_notify on, a report with open critical values (pending or
// attempted) cannot be signed until a callout is done. "Sign all" and auto-approval are exempt, as in
// the original system.
import { and, eq } from "drizzle-orm";
import type { SessionContext } from "@/domain/auth/session-context";
import { ApiError } from "@/domain/errors";
import type { Db } from "../connect";
import { isOpenStatus } from "@/domain/critical/status";
import { labReports } from "../schema";
import { reportScope } from "../scope";
import { getNotifySettings } from "./settings";
import { requireVisibleBill } from "./visible-bill";

export async function signReport(db: Db, session: SessionContext, reportId: number) {
  const settings = await getNotifySettings(db, session.labId);
  return db.transaction(async (tx) => {
    const [report] = await tx
      .select({ id: labReports.id, billId: labReports.billId, criticalValues: labReports.criticalValues, isSigned: labReports.isSigned })
      .from(labReports)
      .where(and(eq(labReports.id, reportId), reportScope(session)))
      .for("update");
    if (!report) throw new ApiError("not_found", "Report not found");
    if (settings.always_notify === 1 && isOpenStatus(report.criticalValues)) {
      throw new ApiError("conflict", "This report has critical values that must be called out before it is signed", {
        reason: "callout_required",
        lab_report_id: report.id,
        bill_id: report.billId,
      });
    }
    if (!report.isSigned) await tx.update(labReports).set({ isSigned: true }).where(eq(labReports.id, report.id));
    return { labReportId: report.id, isSigned: true };
  });
}

export async function signAllReports(db: Db, session: SessionContext, billId: number) {
  await requireVisibleBill(db, session, billId);
  const signed = await db
    .update(labReports)
    .set({ isSigned: true })
    .where(and(eq(labReports.billId, billId), eq(labReports.isSigned, false), eq(labReports.dismissed, false), reportScope(session)))
    .returning({ id: labReports.id });
  return { billId, signed: signed.map((r) => r.id).sort((a, b) => a - b) };
}

