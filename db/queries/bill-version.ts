// The bill's callout version (DESIGN §8): raised in the same transaction by every write on the bill,
// answered by endpoint 1 as a strong ETag, and checked against a writer's If-Match.
import { and, desc, eq, sql } from "drizzle-orm";
import type { SessionContext } from "@/domain/auth/session-context";
import { ApiError } from "@/domain/errors";
import type { Queryable } from "../connect";
import { activityLogs, bills, CRITICAL_CALLOUT_LOG_CATEGORY, labReports } from "../schema";
import { reportScope } from "../scope";

/** `"<billId>-<version>"`, the ETag of endpoint 1. */
export function billETag(billId: number, version: number): string {
  return `"${billId}-${version}"`;
}

/** The version an If-Match header names for this bill: null when absent or `*`; 412 for another bill. */
export function parseIfMatch(header: string | null, billId: number): number | null {
  if (header === null || header.trim() === "*") return null;
  const tags = header.split(",").map((t) => t.trim());
  const versions = tags.map((t) => /^"(\d{1,10})-(\d{1,10})"$/.exec(t));
  if (versions.some((m) => m === null)) {
    throw new ApiError("bad_request", 'If-Match must be the ETag endpoint 1 answered, e.g. "291-4"');
  }
  const mine = versions.filter((m) => Number(m![1]) === billId).map((m) => Number(m![2]));
  // An ETag of another bill can never match this one: the writer is looking at something else.
  return mine.length ? Math.max(...mine) : -1;
}

/** Raises the locked bill's version (the caller holds its row lock) and returns the new one. */
export async function bumpBillVersion(tx: Queryable, billId: number): Promise<number> {
  const [row] = await tx
    .update(bills)
    .set({ calloutVersion: sql`${bills.calloutVersion} + 1` })
    .where(eq(bills.id, billId))
    .returning({ version: bills.calloutVersion });
  return row.version;
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
        eq(activityLogs.logCategoryId, CRITICAL_CALLOUT_LOG_CATEGORY),
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
