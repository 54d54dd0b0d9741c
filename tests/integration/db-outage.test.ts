// PostgreSQL stopped, unreachable, or there but silent: every endpoint answers 503 in the envelope
// within 5 s, and the app serves again when the database is back, without a restart. The database
// sits behind a TCP proxy in this process that the test can cut, stall and restore.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as loginRoute } from "../../app/auth/login/route";
import { GET as eventsRoute } from "../../app/api/events/route";
import { GET as meRoute } from "../../app/auth/me/route";
import { POST as auditRoute } from "../../app/operation/critical-callout/route";
import { GET as logsRoute } from "../../app/report/bulk/critical-notification/logs/route";
import { POST as calloutRoute } from "../../app/report/[billId]/critical/callout/route";
import { GET as recordsRoute } from "../../app/report/[billId]/critical/records/route";
import { setDbHandle } from "../../db";
import { connect, type DbHandle } from "../../db/connect";
import { openTestDb, type TestDb } from "../support/db";
import { buildScenario, PASSWORD, type Scenario } from "../support/fixtures";
import { call } from "../support/http";
import { loginAs } from "../support/session";
import { openSse } from "../support/sse";
import { TcpProxy } from "../support/tcp-proxy";

const onPostgres = !!process.env.TEST_DATABASE_URL;
// Short deadlines, so the cases below run in seconds (the app's defaults are 5 s and 6 s).
const STATEMENT_TIMEOUT_MS = 1000;
const REQUEST_TIMEOUT_MS = 2000;

describe.skipIf(!onPostgres)("database outage", () => {
  let tdb: TestDb;
  let s: Scenario;
  let proxy: TcpProxy;
  let proxied: DbHandle;
  let cookie: string;

  beforeAll(async () => {
    tdb = await openTestDb();
    s = await buildScenario(tdb.db);
    const u = new URL(tdb.url!);
    proxy = new TcpProxy({ host: u.hostname, port: Number(u.port || 5432) });
    await proxy.start();
    u.host = `127.0.0.1:${proxy.port}`;
    proxied = await connect({ url: u.toString(), max: 4, statementTimeoutMs: STATEMENT_TIMEOUT_MS });
    setDbHandle(proxied);
    cookie = await loginAs(s.users.support.username);
  });
  afterAll(async () => {
    await proxied.close().catch(() => {});
    await tdb.dispose();
  });

  const requests = () => [
    ["records", () => call(recordsRoute, "/r", { cookie, params: { billId: String(s.bill1.id) } })],
    ["logs", () => call(logsRoute, `/l?report_ids=${s.r.cbcPending.id}`, { cookie })],
    ["audit records", () => call(auditRoute, "/a", { cookie, body: { lab_report_ids: [s.r.cultureDone.id] } })],
    [
      "post callout",
      () =>
        call(calloutRoute, "/c", {
          cookie,
          params: { billId: String(s.bill1.id) },
          body: { lab_report_ids: [s.r.cbcPending.id], is_draft: true, recipients: [], critical_callout_comment: "", critical_callout_meta: { communication_methods: [] } },
        }),
    ],
    ["me", () => call(meRoute, "/auth/me", { cookie })],
    ["login", () => call(loginRoute, "/auth/login", { body: { username: s.users.tech0.username, password: PASSWORD } })],
  ] as const;

  it("answers 200 while the database is there", async () => {
    for (const [name, run] of requests()) expect((await run()).status, name).toBeLessThan(300);
  });

  it("answers 503 in the envelope within 5 s when it is gone, then serves again when it returns", async () => {
    await proxy.cut();
    for (const [name, run] of requests()) {
      const started = Date.now();
      const res = await run();
      expect(res.status, name).toBe(503);
      expect(res.json.error).toMatchObject({ code: "service_unavailable", message: expect.any(String), request_id: expect.any(String) });
      expect(res.headers.get("retry-after")).toBe("5");
      expect(res.text).not.toMatch(/ECONNREFUSED|at .*\.(ts|js)/);
      expect(Date.now() - started, name).toBeLessThan(5000);
    }
    await proxy.start(); // same port
    for (const [name, run] of requests()) expect((await run()).status, name).toBeLessThan(300);
  });

  it("answers 503 within the request deadline when the database accepts connections but never answers, then serves again", async () => {
    process.env.REQUEST_TIMEOUT_MS = String(REQUEST_TIMEOUT_MS);
    try {
      proxy.stall();
      // Concurrent, as a busy server meets it: some requests hold pooled connections now silent,
      // the rest wait for a connection that never becomes free, or open new ones that never answer.
      const started = Date.now();
      const answers = await Promise.all(requests().map(async ([name, run]) => ({ name, res: await run(), ms: Date.now() - started })));
      for (const { name, res, ms } of answers) {
        expect(res.status, name).toBe(503);
        expect(res.json.error, name).toMatchObject({ code: "service_unavailable", message: expect.any(String), request_id: expect.any(String) });
        expect(res.headers.get("retry-after"), name).toBe("5");
        expect(ms, name).toBeLessThan(5000);
      }
    } finally {
      proxy.resume();
      delete process.env.REQUEST_TIMEOUT_MS;
    }
    for (const [name, run] of requests()) expect((await run()).status, name).toBeLessThan(300);
  }, 30_000);

  it("cancels a statement blocked past statement_timeout (503), and the connection serves the next request", async () => {
    const blocker = await connect({ url: tdb.url!, max: 1 });
    let release!: () => void;
    const released = new Promise<void>((r) => {
      release = r;
    });
    // A transaction that holds an exclusive lock on the bills until released: every read of a bill waits.
    const holding = blocker.db.transaction(async (tx) => {
      await tx.execute(sql`lock table bills in access exclusive mode`);
      await released;
    });
    try {
      await new Promise((r) => setTimeout(r, 200));
      const started = Date.now();
      const res = await call(recordsRoute, "/r", { cookie, params: { billId: String(s.bill1.id) } });
      expect(res.status).toBe(503);
      expect(res.json.error).toMatchObject({ code: "service_unavailable", message: expect.stringMatching(/in time/) });
      expect(Date.now() - started).toBeLessThan(5000);
    } finally {
      release();
      await holding;
      await blocker.close();
    }
    expect((await call(recordsRoute, "/r", { cookie, params: { billId: String(s.bill1.id) } })).status).toBe(200);
  });

  it("keeps an open event stream: after the database comes back it says resync, then events flow again", async () => {
    const stream = await openSse(eventsRoute, `/api/events?bill_id=${s.bill1.id}`, cookie);
    try {
      expect(stream.status).toBe(200);
      await stream.nextOf("presence"); // the stream is set up: the server listens
      await proxy.cut();
      await new Promise((r) => setTimeout(r, 500));
      await proxy.start();
      // The server's LISTEN reconnected on its own; what was sent meanwhile is unknown, so: refetch.
      await stream.nextOf("resync", 15_000);
      const write = await call(calloutRoute, "/c", {
        cookie,
        params: { billId: String(s.bill1.id) },
        body: { lab_report_ids: [s.r.cbcPending.id], is_draft: true, recipients: [], critical_callout_comment: "after", critical_callout_meta: { communication_methods: [] } },
      });
      expect(write.status).toBe(201);
      expect((await stream.nextOf("callout", 2000)).data).toMatchObject({ bill_id: s.bill1.id, version: write.json.version });
    } finally {
      stream.close();
    }
  }, 30_000);
});
