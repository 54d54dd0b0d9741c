// A write that fails half-way, from inside the database: a trigger makes every insert into one table
// raise until it is removed. Tests use it to show that a failure mid-transaction leaves nothing
// behind, without a hook in the production code.
import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Db } from "../../db/connect";

/** Makes inserts into `table` fail with `message`; the returned function removes the fault. */
export async function failInsertsInto(db: Db, table: string, message: string): Promise<() => Promise<void>> {
  const name = `test_fault_${randomBytes(4).toString("hex")}`;
  const quoted = message.replaceAll("'", "''");
  await db.execute(sql.raw(`create function ${name}() returns trigger language plpgsql as $$ begin raise exception '${quoted}'; end $$`));
  await db.execute(sql.raw(`create trigger ${name} before insert on ${table} for each row execute function ${name}()`));
  return async () => {
    await db.execute(sql.raw(`drop trigger if exists ${name} on ${table}`));
    await db.execute(sql.raw(`drop function if exists ${name}()`));
  };
}
