// Throttle counters in the database (DESIGN §13): each try is counted by an atomic upsert into the
// current minute's row of its keys before the work it guards runs, so concurrent tries on any number
// of app instances cannot slip past the limit together. Times are the database's clock.
import { sql } from "drizzle-orm";
import { type Queryable, rawRows } from "../connect";

export interface ThrottleRule {
  key: string;
  /** Tries allowed in the window. */
  limit: number;
}

export interface ThrottleTry {
  /** Null when the try may go ahead; else the seconds until one more is allowed (the try was not counted). */
  retryAfterSeconds: number | null;
  /** The minute the try was counted in, per key, to give it back (`forgiveTry`). */
  buckets: Record<string, Date>;
}

/** Buckets are minutes; one counts while any part of it lies in the window. */
const BUCKET_SECONDS = 60;

interface Row {
  key: string;
  bucket: Date | string;
  now: Date | string;
  buckets: { start: string; hits: number }[];
}

/**
 * Counts one try against every rule; a try over any rule's limit is given back and refused. Each
 * statement touches one key's row (it commits alone), so concurrent tries never wait on each other
 * in a cycle.
 */
export async function takeTry(db: Queryable, rules: ThrottleRule[], windowSeconds: number): Promise<ThrottleTry> {
  const lookback = windowSeconds + BUCKET_SECONDS;
  const counted: Row[] = [];
  for (const rule of rules) {
    const [row] = await rawRows<Row>(
      db,
      sql`with hit as (
            insert into throttle_counters as c (key, window_start, hits) values (${rule.key}, date_trunc('minute', now()), 1)
            on conflict (key, window_start) do update set hits = c.hits + 1
            returning c.key, c.window_start, c.hits
          )
          select h.key, h.window_start as bucket, now() as now,
            (select coalesce(json_agg(json_build_object('start', b.window_start, 'hits', b.hits) order by b.window_start), '[]'::json)
               from (select o.window_start, o.hits from throttle_counters o
                      where o.key = h.key and o.window_start > now() - make_interval(secs => ${lookback}) and o.window_start <> h.window_start
                     union all select h.window_start, h.hits) b) as buckets
          from hit h`,
    );
    counted.push(row);
  }
  const now = new Date(counted[0].now).getTime();
  const buckets = Object.fromEntries(counted.map((r) => [r.key, new Date(r.bucket)]));
  let retryAfterMs = 0;
  for (const rule of rules) {
    const row = counted.find((r) => r.key === rule.key)!;
    let total = row.buckets.reduce((n, b) => n + b.hits, 0);
    if (total <= rule.limit) continue;
    // Without this try, the earlier ones reach the limit: it is allowed again once enough of the
    // oldest minutes have left the window to bring them under it.
    total -= 1;
    for (const b of row.buckets) {
      if (total < rule.limit) break;
      total -= b.hits;
      retryAfterMs = Math.max(retryAfterMs, new Date(b.start).getTime() + lookback * 1000 - now);
    }
  }
  if (retryAfterMs > 0) {
    for (const rule of rules) await forgiveTry(db, rule.key, buckets[rule.key]);
    return { retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)), buckets };
  }
  if (Math.random() < 0.02) await pruneCounters(db, lookback);
  return { retryAfterSeconds: null, buckets };
}

/** Gives a counted try back (it succeeded, or it was refused). */
export async function forgiveTry(db: Queryable, key: string, bucket: Date) {
  await db.execute(sql`update throttle_counters set hits = greatest(hits - 1, 0) where key = ${key} and window_start = ${bucket.toISOString()}::timestamptz`);
}

/** Forgets every try of these keys (a successful sign-in clears its username's failures). */
export async function clearTries(db: Queryable, key: string) {
  await db.execute(sql`delete from throttle_counters where key = ${key}`);
}

/** Drops minutes that left every window. */
export async function pruneCounters(db: Queryable, olderThanSeconds: number) {
  await db.execute(sql`delete from throttle_counters where window_start < now() - make_interval(secs => ${olderThanSeconds})`);
}

/** Tests only: forgets every counter. */
export async function resetCounters(db: Queryable) {
  await db.execute(sql`delete from throttle_counters`);
}
