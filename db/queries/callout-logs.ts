// Endpoint 2 (FetchCriticalNotificationLogsBulkView): category-648 log entries of the session's lab
// that cover any of the requested reports the session may see, oldest first, with their deliveries.
import { and, asc, eq, sql } from "drizzle-orm";
import type { SessionContext } from "@/domain/auth/session-context";
import { type DeliveryDto, type LogsResponse, MAX_LOG_ENTRIES } from "@/contracts/critical";
import type { Queryable } from "../connect";
import { intArray } from "../int-array";
import { parsedJson } from "../json-rows";
import { reportScope } from "../scope";
import { activityLogs, CRITICAL_CALLOUT_LOG_CATEGORY, labReports, outboundMessages } from "../schema";

/** The subset of `ids` that are reports the session may see, as a subquery (`select id …`). */
export function visibleReportIdsQuery(db: Queryable, session: SessionContext, ids: number[]) {
  return db
    .select({ id: labReports.id })
    .from(labReports)
    .where(and(sql`${labReports.id} = any(${intArray(ids)})`, reportScope(session)));
}

/** The subset of `ids` that are reports the session may see. */
export async function visibleReportIds(db: Queryable, session: SessionContext, ids: number[]): Promise<number[]> {
  if (ids.length === 0) return [];
  const rows = await visibleReportIdsQuery(db, session, ids);
  return rows.map((r) => r.id);
}

interface DeliveryRow extends Omit<DeliveryDto, "sentAt"> {
  sentAt: string | null;
}

export async function getCalloutLogs(db: Queryable, session: SessionContext, reportIds: number[]): Promise<LogsResponse> {
  const visible = await visibleReportIds(db, session, reportIds);
  if (visible.length === 0) return { logs: [] };
  // `category = 648` and `&&` on a constant array match the partial GIN index (DESIGN §2); a subquery
  // in its place hides the array from the planner, which then scans small and mid-sized logs
  // sequentially (bench/NOTES.md). Each entry's outbound messages
  // come in the same statement (correlated by the qualified name: drizzle leaves the columns of a
  // one-table select unqualified).
  const deliveries = sql<DeliveryRow[]>`(select coalesce(json_agg(json_build_object(
      'channel', ${outboundMessages.channel}, 'recipientKind', ${outboundMessages.recipientKind},
      'recipientName', ${outboundMessages.recipientName}, 'address', ${outboundMessages.address},
      'status', ${outboundMessages.status}, 'attempts', ${outboundMessages.attempts},
      'lastError', ${outboundMessages.lastError}, 'sentAt', ${outboundMessages.sentAt}
    ) order by ${outboundMessages.id}), '[]'::json)
    from ${outboundMessages}
    where ${outboundMessages.activityLogId} = ${sql.identifier("activity_logs")}.${sql.identifier("id")} and ${outboundMessages.labId} = ${session.labId})`;
  const rows = await db
    .select({ log: activityLogs, deliveries })
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
  return {
    logs: rows.map(({ log: r, deliveries: d }) => ({
      id: r.id,
      labReportId: r.labReportId,
      labReportIds: r.labReportIds,
      meta: parseMeta(r.dumpedJson),
      labUserName: r.labUserName,
      activityText: r.activityText,
      activityDate: r.activityDate.toISOString(),
      deliveries: parsedJson<DeliveryRow[]>(d).map(({ sentAt, status, ...x }) => ({
        ...x,
        status: status as DeliveryDto["status"],
        sentAt: sentAt == null ? null : new Date(sentAt).toISOString(),
      })),
    })),
  };
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
