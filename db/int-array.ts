// An int[] literal for `= any(…)` and `&&`: one parameter-free constant the planner can estimate,
// whatever the list's length. Every element is forced to an integer, so nothing else gets in.
import { type SQL, sql } from "drizzle-orm";

export function intArray(ids: readonly number[]): SQL {
  return sql.raw(`'{${ids.map((n) => Math.trunc(Number(n))).join(",")}}'::int[]`);
}
