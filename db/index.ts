// The app's database, opened once per process and cached on globalThis (dev reloads must not reopen
// PGlite: a second open of its data folder loses writes). Embedded PGlite is migrated and seeded here.
import "server-only";
import { count } from "drizzle-orm";
import { connect, type Db, type DbHandle, migrate } from "./connect";
import { pgliteDirFromEnv } from "./pglite-dir";
import { labs } from "./schema";
import { seed } from "./seed";

/** The deadline of every statement of the app's requests and workers (DESIGN §13), in ms. */
export function statementTimeoutMs(): number {
  const ms = Number(process.env.STATEMENT_TIMEOUT_MS ?? 5000);
  return Number.isFinite(ms) && ms > 0 ? ms : 5000;
}

/** The deadline of a whole request: its statements' deadline plus a second for the rest. */
export function requestTimeoutMs(): number {
  const ms = Number(process.env.REQUEST_TIMEOUT_MS ?? statementTimeoutMs() + 1000);
  return Number.isFinite(ms) && ms > 0 ? ms : statementTimeoutMs() + 1000;
}

const globalForDb = globalThis as unknown as { __ccDb?: Promise<DbHandle>; __ccReplica?: Promise<DbHandle> };

/** The pool size of each database (primary, and the replica when there is one). */
const poolMax = () => Number(process.env.DB_POOL_MAX ?? 10);

/** A streaming replica for read-heavy routes (DESIGN §13): only with a PostgreSQL primary. */
export function replicaUrl(): string | undefined {
  return (process.env.DATABASE_URL && process.env.DATABASE_REPLICA_URL) || undefined;
}

/** The replica's pool, opened on first use; a failed open is not cached (the next read tries again). */
export function getReplicaDb(): Promise<Db> {
  const url = replicaUrl();
  if (!url) return getDb();
  if (!globalForDb.__ccReplica) {
    const opening = connect({ url, max: poolMax(), statementTimeoutMs: statementTimeoutMs() });
    globalForDb.__ccReplica = opening;
    opening.catch(() => {
      if (globalForDb.__ccReplica === opening) globalForDb.__ccReplica = undefined;
    });
  }
  return globalForDb.__ccReplica.then((h) => h.db);
}

async function openDatabase(): Promise<DbHandle> {
  const url = process.env.DATABASE_URL;
  if (url) return connect({ url, max: poolMax(), statementTimeoutMs: statementTimeoutMs() });
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

/** Tests install their own replica (with DATABASE_URL and DATABASE_REPLICA_URL set). */
export function setReplicaHandle(handle: DbHandle | undefined) {
  globalForDb.__ccReplica = handle ? Promise.resolve(handle) : undefined;
}
