// Bill events (DESIGN §8): every write on a bill's callouts announces itself with NOTIFY inside its
// own transaction, so the announcement leaves only if the write commits, and every app instance that
// LISTENs hears it. Scope is applied by the receiver, with the one scope function.
import { and, eq, inArray, sql } from "drizzle-orm";
import type { SessionContext } from "@/domain/auth/session-context";
import type { Queryable } from "../connect";
import { labReports } from "../schema";
import { reportScope } from "../scope";

export const BILL_EVENTS_CHANNEL = "cc_bill_events";

export type BillEventKind = "attempt" | "done" | "acknowledgement" | "escalation" | "sign";

/** What travels through NOTIFY (all reports of the change; receivers keep those their session sees). */
export interface BillEvent {
  type: "callout";
  lab_id: number;
  bill_id: number;
  lab_report_ids: number[];
  kind: BillEventKind;
  by: string;
  at: string;
  version: number;
}

/** Someone opened or closed a bill's callout: receivers re-read who is there. */
export interface PresenceChange {
  type: "presence";
  lab_id: number;
  bill_id: number;
}

export type WireEvent = BillEvent | PresenceChange;

export async function announce(tx: Queryable, event: WireEvent): Promise<void> {
  await tx.execute(sql`select pg_notify(${BILL_EVENTS_CHANNEL}, ${JSON.stringify(event)})`);
}

/** The event's reports that the session may see (none: the session hears nothing of it). */
export async function visibleReportIds(db: Queryable, session: SessionContext, event: BillEvent): Promise<number[]> {
  if (event.lab_id !== session.labId || event.lab_report_ids.length === 0) return [];
  const rows = await db
    .select({ id: labReports.id })
    .from(labReports)
    .where(and(inArray(labReports.id, event.lab_report_ids), eq(labReports.billId, event.bill_id), reportScope(session)));
  return rows.map((r) => r.id).sort((a, b) => a - b);
}
