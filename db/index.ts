// The app's database, opened once per process and cached on globalThis (dev reloads must not reopen
// PGlite: a second open of its data folder loses writes). Embedded PGlite is migrated and seeded here.
import "server-only";
import { count } from "drizzle-orm";
import { connect, type Db, type DbHandle, migrate } from "./connect";
import { pgliteDirFromEnv } from "./pglite-dir";
import { labs } from "./schema";
import { seed } from "./seed";

const globalForDb = globalThis as unknown as { __ccDb?: Promise<DbHandle> };

async function openDatabase(): Promise<DbHandle> {
  const url = process.env.DATABASE_URL;
  if (url) return connect({ url, max: Number(process.env.DB_POOL_MAX ?? 10) });
  const handle = await connect({ pgliteDir: pgliteDirFromEnv() });
  await migrate(handle);
  const [{ n }] = await handle.db.select({ n: count() }).from(labs);
  if (n === 0) await seed(handle.db, { quiet: true });
  return handle;
}

export function getDbHandle(): Promise<DbHandle> {
  if (!globalForDb.__ccDb) {
    const opening = openDatabase();
    globalForDb.__ccDb = opening;
    // A failed open (database down) must not be cached: the next request tries again.
    opening.catch(() => {
      if (globalForDb.__ccDb === opening) globalForDb.__ccDb = undefined;
    });
  }
  return globalForDb.__ccDb;
}

export async function getDb(): Promise<Db> {
  return (await getDbHandle()).db;
}

/** Tests install their own database (a fresh PGlite clone or PostgreSQL database). */
export function setDbHandle(handle: DbHandle | undefined) {
  globalForDb.__ccDb = handle ? Promise.resolve(handle) : undefined;
}
