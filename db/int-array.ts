// An int[] for `= any(…)` and `&&`: one parameter whatever the list's length (`'{1,2,3}'::int[]`), so
// a statement's text, and its prepared statement, is the same for every list. Statements are
// planned for their parameters (plan_cache_mode, db/connect.ts), so the planner still estimates the
// list from the column statistics as it would a literal. Every element is forced to an integer.
import { type SQL, sql } from "drizzle-orm";

export function intArray(ids: readonly number[]): SQL {
  return sql`${`{${ids.map((n) => Math.trunc(Number(n))).join(",")}}`}::int[]`;
}
