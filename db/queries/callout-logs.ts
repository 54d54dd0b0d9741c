// Endpoint 2 (FetchCriticalNotificationLogsBulkView): category-648 log entries of the session's lab
// that cover any of the requested reports the session may see, oldest first, with their deliveries.
import { and, eq, sql } from "drizzle-orm";
import type { SessionContext } from "@/domain/auth/session-context";
import { type LogsResponse, MAX_LOG_ENTRIES } from "@/contracts/critical";
import { isCalloutLog } from "../callout-log";
import { type Queryable, rawRows } from "../connect";
import { frozenSql } from "../frozen-sql";
import { isoTimestamp } from "../json-rows";
import { intArray } from "../int-array";
import { reportScope } from "../scope";
import { activityLogs, labReports, outboundMessages } from "../schema";

/** The subset of `ids` that are reports the session may see, as a subquery (`select id …`). */
export function visibleReportIdsQuery(db: Queryable, session: SessionContext, ids: number[]) {
  return db
    .select({ id: labReports.id })
    .from(labReports)
    .where(and(sql`${labReports.id} = any(${intArray(ids)})`, reportScope(session)));
}

/** A log entry as LogEntryDto with its deliveries, rendered once (db/frozen-sql.ts). */
const entryJson = frozenSql(sql`json_build_object(
    'id', ${activityLogs.id}, 'labReportId', ${activityLogs.labReportId}, 'labReportIds', ${activityLogs.labReportIds},
    'meta', case when jsonb_typeof(${activityLogs.dumpedJson}) in ('object', 'array') then ${activityLogs.dumpedJson} else '{}'::jsonb end,
    'labUserName', ${activityLogs.labUserName}, 'activityText', ${activityLogs.activityText},
    'activityDate', ${isoTimestamp(activityLogs.activityDate)},
    'deliveries', (select coalesce(json_agg(json_build_object(
        'channel', ${outboundMessages.channel}, 'recipientKind', ${outboundMessages.recipientKind},
        'recipientName', ${outboundMessages.recipientName}, 'address', ${outboundMessages.address},
        'status', ${outboundMessages.status}, 'attempts', ${outboundMessages.attempts},
        'lastError', ${outboundMessages.lastError}, 'sentAt', ${isoTimestamp(outboundMessages.sentAt)}
      ) order by ${outboundMessages.id}), '[]'::json)
      from ${outboundMessages}
      where ${outboundMessages.activityLogId} = ${activityLogs.id} and ${outboundMessages.labId} = ${activityLogs.labId}))`);

interface LogsBody {
  body: string;
  /** Entries whose dumped_json holds a JSON string (older tools): parseMeta reads those. */
  string_meta_ids: number[] | null;
}

/** Endpoint 2's answer, `{"logs": [...]}`, as the JSON text PostgreSQL wrote (bench/NOTES.md). */
export async function calloutLogsJson(db: Queryable, session: SessionContext, reportIds: number[]): Promise<string> {
  if (reportIds.length === 0) return '{"logs":[]}';
  // The callout category as a literal (db/callout-log.ts) and `&&` on the requested ids match the
  // partial GIN index (DESIGN §2). The ids come as an InitPlan (`select $n`): custom and generic plans
  // then cost the same, so after five runs PostgreSQL keeps the generic plan instead of planning the
  // statement on every call (~0.3 ms of its ~0.7 at 1M reports, bench/NOTES.md). The visible ones
  // among them are computed once beside it (another InitPlan).
  const [row] = await rawRows<LogsBody>(
    db,
    sql`select json_build_object('logs', coalesce(json_agg(e.entry order by e.activity_date, e.id), '[]'))::text as body,
        array_agg(e.id) filter (where e.string_meta) as string_meta_ids
      from (select ${entryJson} as entry, ${activityLogs.activityDate} as activity_date, ${activityLogs.id} as id,
          jsonb_typeof(${activityLogs.dumpedJson}) = 'string' as string_meta
        from ${activityLogs}
        where ${and(
          isCalloutLog,
          eq(activityLogs.labId, session.labId),
          sql`${activityLogs.labReportIds} && (select ${intArray(reportIds)})`,
          sql`${activityLogs.labReportIds} && array(${visibleReportIdsQuery(db, session, reportIds)})`,
        )}
        order by ${activityLogs.activityDate}, ${activityLogs.id}
        limit ${MAX_LOG_ENTRIES}) e`,
  );
  if (!row.string_meta_ids?.length) return row.body;
  return JSON.stringify(await withStringMetas(db, JSON.parse(row.body) as LogsResponse, row.string_meta_ids));
}

/** The rare entries whose meta is a JSON string: read as parseMeta reads them. */
async function withStringMetas(db: Queryable, logs: LogsResponse, ids: number[]): Promise<LogsResponse> {
  const rows = await db
    .select({ id: activityLogs.id, dumpedJson: activityLogs.dumpedJson })
    .from(activityLogs)
    .where(sql`${activityLogs.id} = any(${intArray(ids)})`);
  const metas = new Map(rows.map((r) => [r.id, parseMeta(r.dumpedJson)]));
  return { logs: logs.logs.map((l) => (metas.has(l.id) ? { ...l, meta: metas.get(l.id)! } : l)) };
}

export async function getCalloutLogs(db: Queryable, session: SessionContext, reportIds: number[]): Promise<LogsResponse> {
  return JSON.parse(await calloutLogsJson(db, session, reportIds));
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
