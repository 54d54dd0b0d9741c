// Endpoint 2 (FetchCriticalNotificationLogsBulkView): category-648 log entries of the session's lab
// that cover any of the requested reports the session may see, oldest first.
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { SessionContext } from "@/lib/auth/session-context";
import { type DeliveryDto, type LogsResponse, MAX_LOG_ENTRIES } from "@/lib/contracts/critical";
import type { Queryable } from "../connect";
import { reportScope } from "../scope";
import { activityLogs, CRITICAL_CALLOUT_LOG_CATEGORY, labReports, outboundMessages } from "../schema";

/** The subset of `ids` that are reports the session may see. */
export async function visibleReportIds(db: Queryable, session: SessionContext, ids: number[]): Promise<number[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ id: labReports.id })
    .from(labReports)
    .where(and(inArray(labReports.id, ids), reportScope(session)));
  return rows.map((r) => r.id);
}

function intArray(ids: number[]) {
  return sql.raw(`'{${ids.map((n) => Math.trunc(Number(n))).join(",")}}'::int[]`);
}

export async function getCalloutLogs(db: Queryable, session: SessionContext, reportIds: number[]): Promise<LogsResponse> {
  const visible = await visibleReportIds(db, session, reportIds);
  if (visible.length === 0) return { logs: [] };
  // `category = 648` and `&&` on a constant array match the partial GIN index (DESIGN §2).
  const rows = await db
    .select()
    .from(activityLogs)
    .where(
      and(
        eq(activityLogs.logCategoryId, CRITICAL_CALLOUT_LOG_CATEGORY),
        eq(activityLogs.labId, session.labId),
        sql`${activityLogs.labReportIds} && ${intArray(visible)}`,
      ),
    )
    .orderBy(asc(activityLogs.activityDate), asc(activityLogs.id))
    .limit(MAX_LOG_ENTRIES);
  const deliveries = await deliveriesOf(db, session.labId, rows.map((r) => r.id));
  return {
    logs: rows.map((r) => ({
      id: r.id,
      labReportId: r.labReportId,
      labReportIds: r.labReportIds,
      meta: parseMeta(r.dumpedJson),
      labUserName: r.labUserName,
      activityText: r.activityText,
      activityDate: r.activityDate.toISOString(),
      deliveries: deliveries.get(r.id) ?? [],
    })),
  };
}

async function deliveriesOf(db: Queryable, labId: number, logIds: number[]) {
  const byLog = new Map<number, DeliveryDto[]>();
  if (logIds.length === 0) return byLog;
  const rows = await db
    .select({
      logId: outboundMessages.activityLogId,
      channel: outboundMessages.channel,
      recipientKind: outboundMessages.recipientKind,
      recipientName: outboundMessages.recipientName,
      address: outboundMessages.address,
      status: outboundMessages.status,
      attempts: outboundMessages.attempts,
      lastError: outboundMessages.lastError,
      sentAt: outboundMessages.sentAt,
    })
    .from(outboundMessages)
    .where(and(inArray(outboundMessages.activityLogId, logIds), eq(outboundMessages.labId, labId)))
    .orderBy(asc(outboundMessages.id));
  for (const { logId, sentAt, status, ...d } of rows) {
    const list = byLog.get(logId!) ?? [];
    list.push({ ...d, status: status as DeliveryDto["status"], sentAt: sentAt?.toISOString() ?? null });
    byLog.set(logId!, list);
  }
  return byLog;
}

/** dumped_json is jsonb, but rows written by older tools may hold a JSON string inside it. */
function parseMeta(value: unknown): Record<string, unknown> {
  if (typeof value === "string") {
    try {
      const parsed = JSON.parse(value);
      return parsed && typeof parsed === "object" ? parsed : {};
    } catch {
      return {};
    }
  }
  return value && typeof value === "object" ? (value as Record<string, unknown>) : {};
}
