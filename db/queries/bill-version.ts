// The bill's callout version (DESIGN §8): raised in the same transaction by every write on the bill
// and checked against a writer's If-Match.
import { and, desc, eq, sql } from "drizzle-orm";
import type { SessionContext } from "@/domain/auth/session-context";
import { ApiError } from "@/domain/errors";
import type { Queryable } from "../connect";
import { isCalloutLog } from "../callout-log";
import { activityLogs, bills, labReports } from "../schema";
import { reportScope } from "../scope";
import { announce, type BillEventKind } from "./bill-events";
import { billETag } from "@/domain/callout/bill-version";

export interface BillChange {
  session: SessionContext;
  billId: number;
  /** The bill's version after this write: one above the version read under the bill's row lock. */
  version: number;
  kind: BillEventKind;
  reportIds: number[];
  at: Date;
}

/**
 * The end of every write on a bill, in its transaction (the caller holds the bill's row lock): the
 * new version, and the event that announces it on commit.
 */
export async function recordBillChange(tx: Queryable, change: BillChange): Promise<void> {
  const { session, billId, version } = change;
  await Promise.all([
    tx.update(bills).set({ calloutVersion: version }).where(eq(bills.id, billId)),
    announce(tx, {
      type: "callout",
      lab_id: session.labId,
      bill_id: billId,
      lab_report_ids: change.reportIds,
      kind: change.kind,
      by: session.displayName,
      at: change.at.toISOString(),
      version,
    }),
  ]);
}

/**
 * 412 bill_changed when the writer saw another version than the bill holds now. The details say who
 * changed what since then, naming only reports the session may see.
 */
export async function assertBillVersion(tx: Queryable, session: SessionContext, billId: number, current: number, expected: number | null) {
  if (expected === null || expected === current) return;
  const changes = await changesSince(tx, session, billId, expected);
  const who = changes.length ? ` by ${[...new Set(changes.map((c) => c.by))].join(", ")}` : "";
  throw new ApiError("bill_changed", `This bill's callout changed${who} since you opened it; review it and save again`, {
    version: current,
    etag: billETag(billId, current),
    changes,
  });
}

async function changesSince(tx: Queryable, session: SessionContext, billId: number, version: number) {
  const rows = await tx
    .select({
      by: activityLogs.labUserName,
      at: activityLogs.activityDate,
      text: activityLogs.activityText,
      meta: activityLogs.dumpedJson,
      reportIds: activityLogs.labReportIds,
    })
    .from(activityLogs)
    .where(
      and(
        eq(activityLogs.billId, billId),
        eq(activityLogs.labId, session.labId),
        isCalloutLog,
        sql`coalesce((${activityLogs.dumpedJson}->>'version')::int, 0) > ${version}`,
        sql`exists (select 1 from ${labReports} where ${labReports.id} = any(${activityLogs.labReportIds}) and ${reportScope(session)})`,
      ),
    )
    .orderBy(desc(activityLogs.id))
    .limit(10);
  return rows.map((r) => ({
    by: r.by,
    at: r.at.toISOString(),
    kind: changeKind(r.meta as Record<string, unknown> | null),
    summary: r.text,
  }));
}

function changeKind(meta: Record<string, unknown> | null): string {
  if (meta && typeof meta.kind === "string") return meta.kind;
  return meta?.is_draft === true ? "attempt" : "done";
}
