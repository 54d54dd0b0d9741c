// DATABASE_REPLICA_URL (DESIGN §13): the worklist, its export and FHIR searches read the replica;
// the author of a write reads the primary for a while after it (a cookie the write sets), and so does
// a refetch an event caused (the browser sets the same cookie); a replica that does not answer leaves
// the reads on the primary. The "replica" here is a second database that the writes below do not
// reach, so a stale answer shows which database served a request.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as exportRoute } from "../../app/api/worklist/export/route";
import { GET as worklistRoute } from "../../app/api/worklist/route";
import { GET as fhirSearchRoute } from "../../app/fhir/r4/Communication/route";
import { POST as calloutRoute } from "../../app/report/[billId]/critical/callout/route";
import { GET as recordsRoute } from "../../app/report/[billId]/critical/records/route";
import { setReplicaHandle } from "../../db";
import { connect, type DbHandle } from "../../db/connect";
import { READ_PRIMARY_COOKIE } from "../../contracts/consistency";
import { resetReplicaState } from "../../server/db/read-replica";
import { openTestDb, type TestDb } from "../support/db";
import { buildScenario, type Scenario } from "../support/fixtures";
import { call } from "../support/http";
import { loginAs } from "../support/session";
import { TcpProxy } from "../support/tcp-proxy";
import { openScenario } from "../support/world";

const onPostgres = !!process.env.TEST_DATABASE_URL;

describe.skipIf(!onPostgres)("reads on a streaming replica", () => {
  let replica: TestDb;
  let tdb: TestDb;
  let s: Scenario;
  let cookie: string;
  const saved = { url: process.env.DATABASE_URL, replica: process.env.DATABASE_REPLICA_URL };

  beforeAll(async () => {
    replica = await openTestDb();
    await buildScenario(replica.db); // the same world, as the replica had it before the writes below
    ({ tdb, s } = await openScenario());
    process.env.DATABASE_URL = tdb.url;
    process.env.DATABASE_REPLICA_URL = replica.url;
    setReplicaHandle(replica);
    cookie = await loginAs(s.users.support.username);
  });
  afterAll(async () => {
    process.env.DATABASE_URL = saved.url;
    process.env.DATABASE_REPLICA_URL = saved.replica;
    setReplicaHandle(undefined);
    await tdb.dispose();
    await replica.dispose();
  });

  /** The pending worklist as the API answers it, as text (compared whole). */
  const pendingList = async (extraCookie = "") => {
    const res = await call(worklistRoute, "/api/worklist?tab=pending", { cookie: `${cookie}${extraCookie}` });
    expect(res.status, res.text).toBe(200);
    return JSON.stringify(res.json);
  };

  it("serves the worklist from the replica, and its author reads the primary right after a write", async () => {
    const before = await pendingList();
    const write = await call(calloutRoute, "/c", {
      cookie,
      params: { billId: String(s.bill1.id) },
      body: {
        lab_report_ids: [s.r.cbcPending.id],
        is_draft: false,
        recipients: ["Referral"],
        critical_callout_comment: "",
        critical_callout_meta: { communication_methods: ["email"] },
      },
    });
    expect(write.status, write.text).toBe(201);
    const marker = write.headers.get("set-cookie") ?? "";
    expect(marker).toMatch(new RegExp(`${READ_PRIMARY_COOKIE}=1; Path=/; SameSite=Lax; Max-Age=\\d+`));
    // Endpoint 1 always reads the primary: the write shows at once.
    const records = await call(recordsRoute, "/r", { cookie, params: { billId: String(s.bill1.id) } });
    const report = records.json.reports.find((r: { lab_report: { labReportId: number } }) => r.lab_report.labReportId === s.r.cbcPending.id);
    expect(report.lab_report.criticalValues).toBe(2);
    // Without the marker the worklist comes from the replica, which has not seen the write.
    expect(await pendingList()).toBe(before);
    // With it (the author, or a browser refetching because of an event) it comes from the primary.
    expect(await pendingList(`; ${READ_PRIMARY_COOKIE}=1`)).not.toBe(before);
  });

  it("serves the export and FHIR searches from the replica too", async () => {
    const fromReplica = await call(fhirSearchRoute, `/fhir/r4/Communication?part-of=${s.r.cbcPending.id}`, { cookie });
    const fromPrimary = await call(fhirSearchRoute, `/fhir/r4/Communication?part-of=${s.r.cbcPending.id}`, { cookie: `${cookie}; ${READ_PRIMARY_COOKIE}=1` });
    expect(fromReplica.status).toBe(200);
    expect(fromPrimary.json.entry?.length ?? 0).toBeGreaterThan(fromReplica.json.entry?.length ?? 0);
    const exported = await call(exportRoute, "/api/worklist/export?tab=done", { cookie });
    expect(exported.status).toBe(200);
  });

  it("reads the primary when the replica is stopped, and the replica again once it is back", async () => {
    const primary = await pendingList(`; ${READ_PRIMARY_COOKIE}=1`);
    const stale = await pendingList();
    expect(stale).not.toBe(primary);
    const stopped: DbHandle = await connect({ url: "postgres://postgres@127.0.0.1:1/gone", max: 1 });
    setReplicaHandle(stopped);
    try {
      expect(await pendingList()).toBe(primary);
      expect(await pendingList()).toBe(primary); // left alone for a while: no new try
    } finally {
      await stopped.close();
      setReplicaHandle(replica);
      resetReplicaState();
    }
    expect(await pendingList()).toBe(stale);
  });

  it("reads the primary when the replica accepts connections but never answers, within the request deadline", async () => {
    const primary = await pendingList(`; ${READ_PRIMARY_COOKIE}=1`);
    const u = new URL(replica.url!);
    const proxy = new TcpProxy({ host: u.hostname, port: Number(u.port || 5432) });
    await proxy.start();
    u.host = `127.0.0.1:${proxy.port}`;
    const silent = await connect({ url: u.toString(), max: 2 });
    setReplicaHandle(silent);
    resetReplicaState();
    try {
      expect(await pendingList()).not.toBe(primary); // through the proxy: still the replica's answer
      proxy.stall();
      const started = Date.now();
      expect(await pendingList()).toBe(primary);
      expect(Date.now() - started).toBeLessThan(6000);
    } finally {
      proxy.resume();
      await silent.close();
      await proxy.cut();
      setReplicaHandle(replica);
      resetReplicaState();
    }
  });
});
