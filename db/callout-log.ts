// Which activity_logs rows are callout log rows: `log_category_id = 648`, written into the statement's
// text rather than bound. The partial GIN index on their report ids (activity_logs_callout_reports_gin)
// is for exactly this predicate, and the generic plan of a prepared statement can use a partial index
// only when its predicate stands in the text: with the category as a parameter, endpoint 2's generic plan
// was a parallel scan of every log (bench/NOTES.md).
import { sql } from "drizzle-orm";
import { activityLogs, CRITICAL_CALLOUT_LOG_CATEGORY } from "./schema";

export const isCalloutLog = sql`${activityLogs.logCategoryId} = ${sql.raw(String(CRITICAL_CALLOUT_LOG_CATEGORY))}`;
