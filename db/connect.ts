// Opens the database: PostgreSQL through postgres.js when a URL is given, else the embedded PGlite.
// No "server-only" here: scripts (migrate, seed, user:add, bench) and tests import it outside Next.
import path from "node:path";
import type { Logger } from "drizzle-orm";
import type Postgres from "postgres";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type { SQL } from "drizzle-orm";
import { ensureDataFolder } from "./pglite-dir";
import * as schema from "./schema";

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
/** Anything that runs queries: the database or an open transaction. */
export type Queryable = Db | Tx;

export interface DbHandle {
  db: Db;
  kind: "postgres" | "pglite";
  close(): Promise<void>;
  /**
   * LISTEN on a channel: `onNotify` gets each payload, `onListen` runs each time the listen is (re)made
   * (postgres.js reconnects by itself after a dropped connection; what was sent meanwhile is lost, so
   * listeners refetch then). `onLost` runs each time the listening connection drops (until it is made
   * again nothing is heard). Resolves to the function that stops listening.
   */
  listen(channel: string, onNotify: (payload: string) => void, onListen?: () => void, onLost?: () => void): Promise<() => Promise<void>>;
  /** PGlite only: a gzipped copy of the data folder, to clone a migrated and seeded database. */
  dump?: () => Promise<Blob>;
}

export const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations");

export interface ConnectOptions {
  /** postgres:// URL; when absent the embedded PGlite is used. */
  url?: string;
  /** PGlite data folder; absent means in memory. */
  pgliteDir?: string;
  /** A PGlite data dump (from dumpDataDir) to start from, e.g. a migrated and seeded template. */
  pgliteLoad?: Blob | File;
  logger?: Logger;
  /** postgres.js pool size. */
  max?: number;
  /**
   * `statement_timeout` of every connection, in ms (the app's requests; DESIGN §13). Unset for
   * migrations, seeding, backfills and tools, which may run long. PostgreSQL only.
   */
  statementTimeoutMs?: number;
}

export async function connect(opts: ConnectOptions): Promise<DbHandle> {
  if (opts.url) {
    const { default: postgres } = await import("postgres");
    const { drizzle } = await import("drizzle-orm/postgres-js");
    const client = postgres(opts.url, {
      max: opts.max ?? 10,
      onnotice: () => {},
      // Fail fast when the server is unreachable instead of hanging a request (answers 503).
      connect_timeout: 3,
      idle_timeout: 30,
      // Startup parameters of every connection; the server cancels a statement past its deadline.
      // application_name names the app's connections in pg_stat_activity (monitoring, DESIGN §13).
      connection: {
        application_name: "critical-callout",
        ...(opts.statementTimeoutMs ? { statement_timeout: opts.statementTimeoutMs } : {}),
      },
    });
    const db = drizzle(preparedByDefault(client), { schema, logger: opts.logger }) as unknown as Db;
    const listen = (channel: string, onNotify: (payload: string) => void, onListen?: () => void, onLost?: () => void) =>
      listenResiliently(postgres, opts.url!, channel, onNotify, onListen, onLost);
    return { db, kind: "postgres", listen, close: () => client.end({ timeout: 5 }) };
  }
  if (opts.pgliteDir) ensureDataFolder(opts.pgliteDir);
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const client = new PGlite({ dataDir: opts.pgliteDir, loadDataDir: opts.pgliteLoad });
  await client.waitReady;
  const db = drizzle(client, { schema, logger: opts.logger }) as unknown as Db;
  const listen = async (channel: string, onNotify: (payload: string) => void, onListen?: () => void) => {
    const unlisten = await client.listen(channel, onNotify);
    onListen?.();
    return () => unlisten();
  };
  return { db, kind: "pglite", listen, close: () => client.close(), dump: () => client.dumpDataDir("gzip") };
}

/**
 * Drizzle runs its queries unprepared, and postgres.js sends an unprepared query with parameters as
 * Parse/Describe, waits for the parameter types, then Bind/Execute: two round trips, and a parse
 * every time. Prepared (named, kept per connection by postgres.js), a query is one round trip after
 * its first run on a connection. Transactions and savepoints hand their own client to drizzle.
 */
function preparedByDefault<T extends Postgres.Sql | Postgres.TransactionSql>(client: T): T {
  type Callback = (tx: Postgres.TransactionSql) => unknown;
  const wrapLast = (call: (...args: unknown[]) => unknown) => (...args: unknown[]) => {
    const callback = args.pop() as Callback;
    return call(...args, (tx: Postgres.TransactionSql) => callback(preparedByDefault(tx)));
  };
  return new Proxy(client, {
    get(target, prop, receiver) {
      if (prop === "unsafe") {
        return (query: string, params?: Postgres.ParameterOrJSON<never>[], options?: Postgres.UnsafeQueryOptions) =>
          target.unsafe(query, params, { ...options, prepare: true });
      }
      if (prop === "begin") return wrapLast((target as Postgres.Sql).begin.bind(target) as (...args: unknown[]) => unknown);
      if (prop === "savepoint") return wrapLast((target as Postgres.TransactionSql).savepoint.bind(target) as (...args: unknown[]) => unknown);
      return Reflect.get(target, prop, receiver);
    },
  });
}

/**
 * LISTEN on a connection of its own that is made again, with backoff, whenever it drops, for as long
 * as the listener wants it (postgres.js's own listen tries again only once). The first LISTEN must
 * succeed, so a caller learns at once that the database is down.
 */
async function listenResiliently(
  postgres: typeof Postgres,
  url: string,
  channel: string,
  onNotify: (payload: string) => void,
  onListen?: () => void,
  onLost?: () => void,
): Promise<() => Promise<void>> {
  let stopped = false;
  // `onnotify` is postgres.js's hook for notifications on a connection (its own listen is built on
  // it); its type definitions leave it out, so the options are typed through a variable.
  const options = {
    max: 1,
    idle_timeout: 0,
    max_lifetime: null,
    fetch_types: false,
    connect_timeout: 3,
    onnotice: () => {},
    onnotify: (name: string, payload: string) => {
      if (name === channel) onNotify(payload);
    },
    onclose: () => {
      onLost?.();
      if (!stopped) void relisten();
    },
  };
  const sql = postgres(url, options);
  const listenOnce = async () => {
    await sql`listen ${sql(channel)}`;
    onListen?.();
  };
  async function relisten() {
    for (let delay = 250; !stopped; delay = Math.min(delay * 2, 5000)) {
      await new Promise((r) => setTimeout(r, delay));
      try {
        return await listenOnce();
      } catch {
        // still unreachable: wait longer
      }
    }
  }
  await listenOnce();
  return async () => {
    stopped = true;
    await sql.end({ timeout: 1 });
  };
}

export async function migrate(handle: DbHandle): Promise<void> {
  if (handle.kind === "postgres") {
    const { migrate: run } = await import("drizzle-orm/postgres-js/migrator");
    // biome-ignore lint/suspicious/noExplicitAny: the migrator wants the driver-specific db type
    await run(handle.db as any, { migrationsFolder: MIGRATIONS_FOLDER });
  } else {
    const { migrate: run } = await import("drizzle-orm/pglite/migrator");
    // biome-ignore lint/suspicious/noExplicitAny: the migrator wants the driver-specific db type
    await run(handle.db as any, { migrationsFolder: MIGRATIONS_FOLDER });
  }
}

/** Rows of a raw query on either driver (postgres.js returns an array, PGlite `{ rows }`). */
export async function rawRows<T = Record<string, unknown>>(db: Queryable, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as T[] | { rows: T[] };
  return Array.isArray(result) ? result : result.rows;
}
