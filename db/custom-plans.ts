// Plans made for the parameters' values, for the reads whose best plan depends on them. Connections
// plan prepared statements the default way (`auto`: after five runs a generic plan, when it is not
// dearer), which spares the hot endpoints their planning; but a generic plan cannot see how selective
// a department's test ids or a date range are, and the worklist's, compliance's and FHIR search's
// plans turn on exactly that (bench/NOTES.md).
import { is, sql } from "drizzle-orm";
import { PgTransaction } from "drizzle-orm/pg-core";
import type { Db, Queryable } from "./connect";

const CUSTOM_PLANS = sql`set local plan_cache_mode = force_custom_plan`;

/**
 * Runs the read `work` in a read-only transaction whose statements are planned for their values. Inside
 * a caller's transaction it sets the mode there (no savepoint: reads run side by side may share it).
 */
export async function withCustomPlans<T>(db: Queryable, work: (db: Queryable) => Promise<T>): Promise<T> {
  if (is(db, PgTransaction)) {
    await db.execute(CUSTOM_PLANS);
    return work(db);
  }
  return (db as Db).transaction(
    async (tx) => {
      await tx.execute(CUSTOM_PLANS);
      return work(tx);
    },
    { accessMode: "read only" },
  );
}
