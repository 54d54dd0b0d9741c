// The connection pool never leaks under errors: after hundreds of failing requests (errors thrown
// mid-transaction, validation errors, conflicts), the pool holds no more connections than its size
// and the next request is served at once.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { POST as calloutRoute } from "../../app/report/[billId]/critical/callout/route";
import { GET as recordsRoute } from "../../app/report/[billId]/critical/records/route";
import { rawRows } from "../../db/connect";
import { openTestDb, type TestDb } from "../support/db";
import { failInsertsInto } from "../support/faults";
import { buildScenario, type Scenario } from "../support/fixtures";
import { call } from "../support/http";
import { loginAs } from "../support/session";

const onPostgres = !!process.env.TEST_DATABASE_URL;
const POOL = 5;
let tdb: TestDb;
let s: Scenario;
let cookie: string;

beforeAll(async () => {
  // The bursts below queue 200 requests on 5 connections: on a busy machine the last ones can wait
  // past the request deadline (a 503, rightly), which is not what this test is about.
  process.env.REQUEST_TIMEOUT_MS = "120000";
  tdb = await openTestDb({ max: POOL });
  s = await buildScenario(tdb.db);
  cookie = await loginAs(s.users.support.username);
});
afterAll(async () => {
  delete process.env.REQUEST_TIMEOUT_MS;
  await tdb.dispose();
});

it.skipIf(!onPostgres)("keeps at most the pool's connections after 400 failing requests", async () => {
  const body = (ids: number[]) => ({
    lab_report_ids: ids,
    is_draft: true,
    recipients: [],
    critical_callout_comment: "pool",
    critical_callout_meta: { communication_methods: [] },
  });
  const removeFault = await failInsertsInto(tdb.db, "activity_logs", "boom inside the transaction");
  const failing = Array.from({ length: 200 }, (_, i) =>
    call(calloutRoute, "/c", { cookie, params: { billId: String(s.bill1.id) }, body: body(i % 2 ? [s.r.cbcPending.id] : [s.r.normal.id]) }),
  );
  const statuses = (await Promise.all(failing)).map((r) => r.status);
  expect(new Set(statuses)).toEqual(new Set([500, 400]));
  await removeFault();
  const conflicts = await Promise.all(
    Array.from({ length: 200 }, (_, i) => call(calloutRoute, "/c", { cookie, params: { billId: String(s.bill1.id) }, body: body([s.r.cbcPending.id]), headers: { "idempotency-key": `k${i % 3}` } })),
  );
  expect(conflicts.every((r) => r.status === 201)).toBe(true);

  // The pool's connections, and apart from them the LISTEN connections (events, session cache),
  // which are one each per process however many requests fail.
  const [{ n, listening }] = await rawRows<{ n: number; listening: number }>(
    tdb.db,
    sql`select count(*) filter (where query not ilike 'listen %')::int n, count(*) filter (where query ilike 'listen %')::int listening
        from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`,
  );
  expect(n).toBeLessThanOrEqual(POOL - 1);
  expect(listening).toBeLessThanOrEqual(2);
  const [{ idle_in_tx }] = await rawRows<{ idle_in_tx: number }>(
    tdb.db,
    sql`select count(*)::int idle_in_tx from pg_stat_activity where datname = current_database() and state like 'idle in transaction%'`,
  );
  expect(idle_in_tx).toBe(0);
  const started = Date.now();
  expect((await call(recordsRoute, "/r", { cookie, params: { billId: String(s.bill1.id) } })).status).toBe(200);
  expect(Date.now() - started).toBeLessThan(1000);
});
