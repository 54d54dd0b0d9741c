// Past one machine (DESIGN §13), on this one: a PostgreSQL primary and a streaming replica made with
// Debian's tools on loopback ports, two `next start` instances on both, load spread over both, one
// instance killed mid-load. Fails unless every acknowledged write is present once, events written
// through one instance reach subscribers of the other, the sign-in throttle holds across both, the
// replica serves the worklist, and a stopped replica leaves the worklist on the primary. Prints the
// throughput of one instance against two and the replica's lag under load. Needs a production build
// and root (or the postgres user); the clusters are dropped at the end, also on failure.
//   npx tsx scripts/scale/two-instances.ts
import { randomUUID } from "node:crypto";
import postgres from "postgres";
import { connect, migrate } from "../../db/connect";
import { seed } from "../../db/seed";
import { login, type Server, killHard, startServer, stopServer } from "../faults/server";
import { createClusters } from "./clusters";
import { measureThroughput, openEventStream, sampleReplicaLag } from "./measure";

const PORTS = [Number(process.env.SCALE_PORT_A ?? 3419), Number(process.env.SCALE_PORT_B ?? 3420)];
const PG_PORTS = { primaryPort: Number(process.env.SCALE_PG_PORT ?? 5442), replicaPort: Number(process.env.SCALE_PG_PORT ?? 5442) + 1 };
const DB = "cc_scale";
const started = Date.now();
const step = (what: string) => console.log(`\n== ${what} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
const fail = (why: string): never => {
  throw new Error(why);
};

step("clusters: primary and streaming replica");
const clusters = await createClusters({
  ...PG_PORTS,
  prepare: async (url) => {
    const admin = postgres(url("postgres"), { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${DB}`);
    await admin.end();
    const handle = await connect({ url: url(DB), max: 2 });
    await migrate(handle);
    await seed(handle.db, { quiet: true });
    await handle.close();
  },
});
const primaryUrl = clusters.primary.url(DB);
const replicaUrl = clusters.replica.url(DB);
const primary = postgres(primaryUrl, { max: 2, onnotice: () => {} });
const replica = postgres(replicaUrl, { max: 1, onnotice: () => {} });
const servers: Server[] = [];
const env = { DATABASE_REPLICA_URL: replicaUrl, ESCALATION_WORKER: "0", LOG_LEVEL: "warn" };
// Interrupted (a CI timeout): still stop the instances and drop the clusters.
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    for (const s of servers) killHard(s);
    clusters.drop();
    process.exit(1);
  });
}

try {
  step(`two instances on ports ${PORTS.join(" and ")}`);
  for (const port of PORTS) servers.push(await startServer(primaryUrl, port, env));
  const [a, b] = servers;
  const cookieA = await login(a.baseURL, "support");
  const cookieB = await login(b.baseURL, "support");

  step("throughput: one instance, then both (16 connections each, 6 s)");
  const targets = [
    { baseURL: a.baseURL, cookie: cookieA },
    { baseURL: b.baseURL, cookie: cookieB },
  ];
  for (const [name, path] of [
    ["endpoint 1 (primary)", "/report/291/critical/records"],
    ["worklist (replica)", "/api/worklist?tab=pending"],
  ]) {
    const one = await measureThroughput(targets.slice(0, 1), path, 6);
    const two = await measureThroughput(targets, path, 6);
    console.log(`${name}: one instance ${one.rps.toFixed(0)} req/s (p50 ${one.p50} ms), two ${two.rps.toFixed(0)} req/s (p50 ${two.p50} ms): ${(two.rps / one.rps).toFixed(2)}×`);
    if (one.errors + two.errors > 0) fail(`${one.errors + two.errors} requests failed under load`);
  }

  step("events written through one instance reach subscribers of the other");
  const bills = await primary<{ bill_id: number; lab_id: number }[]>`
    select distinct bill_id, lab_id from lab_reports where lab_id = 1 and critical_values in (1, 4) and sample_collected and not dismissed order by bill_id`;
  if (bills.length < 40) fail(`only ${bills.length} open bills in the seed`);
  const jobs: { billId: number; ids: number[]; tag: string; key: string }[] = [];
  for (const { bill_id } of bills) {
    const res = await fetch(`${a.baseURL}/report/${bill_id}/critical/records`, { headers: { cookie: cookieA } });
    const body = (await res.json()) as { reports: { lab_report: { labReportId: number; criticalValues: number } }[] };
    const ids = body.reports.filter((r) => r.lab_report.criticalValues !== 2).map((r) => r.lab_report.labReportId);
    if (ids.length) jobs.push({ billId: bill_id, ids, tag: `scale-${bill_id}`, key: randomUUID() });
  }
  const post = (server: Server, cookie: string, j: (typeof jobs)[number]) =>
    fetch(`${server.baseURL}/report/${j.billId}/critical/callout`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: server.baseURL, cookie, "idempotency-key": j.key },
      body: JSON.stringify({
        lab_report_ids: j.ids,
        is_draft: false,
        recipients: [],
        critical_callout_comment: j.tag,
        critical_callout_meta: { communication_methods: [], already_notified: { phone_call: { name: "Ward nurse", contact: "555-0100", read_back: true } } },
      }),
    });
  const first = jobs.shift()!;
  const stream = await openEventStream(a.baseURL, `/api/events?bill_id=${first.billId}`, cookieA);
  await stream.nextOf("presence", 5000); // sent once A listens
  const written = await post(b, cookieB, first);
  if (written.status !== 201) fail(`write through B: ${written.status} ${await written.text()}`);
  const event = await stream.nextOf("callout", 5000);
  if ((event.data as { bill_id: number }).bill_id !== first.billId) fail(`A's subscriber heard ${JSON.stringify(event.data)}`);
  stream.close();
  console.log(`a write through B (bill ${first.billId}) reached a subscriber of A`);

  step("write throughput (draft attempts on endpoint 4) on one instance, then both; the replica's lag meanwhile");
  const lag = sampleReplicaLag(primary);
  let next = 0;
  const attempt = () => {
    const j = jobs[next++ % jobs.length];
    return {
      path: `/report/${j.billId}/critical/callout`,
      body: { lab_report_ids: j.ids, is_draft: true, recipients: [], critical_callout_comment: "load", critical_callout_meta: { communication_methods: [] } },
    };
  };
  const w1 = await measureThroughput(targets.slice(0, 1), "/", 6, attempt);
  const w2 = await measureThroughput(targets, "/", 6, attempt);
  console.log(`endpoint 4 draft: one instance ${w1.rps.toFixed(0)} req/s (p50 ${w1.p50} ms), two ${w2.rps.toFixed(0)} req/s (p50 ${w2.p50} ms): ${(w2.rps / w1.rps).toFixed(2)}×; ${w1.errors + w2.errors} not 201 (409/412 when two hit one bill)`);

  step("load over both instances, one killed mid-load");
  const acked = new Set<string>([first.tag]);
  let killed = false;
  let throughB = 0;
  let retried = 0;
  const killAfter = Math.floor(jobs.length / 3);
  const queue = [...jobs];
  const worker = async (n: number) => {
    for (let j = queue.shift(); j; j = queue.shift()) {
      const preferB = n % 2 === 1 && !killed;
      let res: Response | undefined;
      try {
        res = await post(preferB ? b : a, preferB ? cookieB : cookieA, j);
        if (preferB && res.status === 201) throughB++;
      } catch {
        // B died with this request in flight: retry on A with the same Idempotency-Key.
        retried++;
        res = await post(a, cookieA, j);
      }
      if (res.status !== 201) fail(`${j.tag}: ${res.status} ${await res.text()}`);
      acked.add(j.tag);
      if (!killed && acked.size >= killAfter) {
        killed = true;
        killHard(b);
      }
    }
  };
  await Promise.all(Array.from({ length: 16 }, (_, n) => worker(n)));
  const lagStats = await lag.stop();
  if (!killed) fail("the load ended before the kill");
  if (throughB === 0) fail("B acknowledged no write before its kill");
  console.log(`${acked.size} callouts acknowledged (${throughB} by B before its SIGKILL after ${killAfter}, ${retried} cut off by it and retried on A with their Idempotency-Key)`);
  console.log(`replica lag under load: max ${lagStats.maxBytes} bytes of WAL, replay_lag max ${lagStats.maxReplayMs} ms (median ${lagStats.medianReplayMs} ms, ${lagStats.samples} samples)`);

  step("every acknowledged write is present once");
  for (const tag of acked) {
    const [{ logs }] = await primary<{ logs: number }[]>`select count(*)::int as logs from activity_logs where dumped_json->>'comment' = ${tag}`;
    if (logs !== 1) fail(`${tag}: ${logs} log rows (want 1)`);
  }
  const [{ dupes }] = await primary<{ dupes: number }[]>`
    select count(*)::int as dupes from (select lab_report_id from critical_callouts where critical_callout_comment like 'scale-%' group by lab_report_id having count(*) > 1) d`;
  if (dupes) fail(`${dupes} reports have two done callouts`);
  console.log(`${acked.size} acknowledged callouts, each present once`);

  step("the sign-in throttle holds across both instances");
  servers[1] = await startServer(primaryUrl, PORTS[1], env);
  const b2 = servers[1];
  const tryLogin = (server: Server, password: string) =>
    fetch(`${server.baseURL}/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: server.baseURL, "x-forwarded-for": "203.0.113.50" },
      body: JSON.stringify({ username: "tech", password }),
    });
  for (let i = 0; i < 5; i++) {
    const res = await tryLogin(i % 2 ? b2 : a, `wrong-${i}`);
    if (res.status !== 401) fail(`failure ${i + 1}: ${res.status}`);
  }
  for (const server of [a, b2]) {
    const res = await tryLogin(server, "demo1234");
    if (res.status !== 429) fail(`after 5 failures over both instances, ${server.baseURL} answered ${res.status}`);
  }
  console.log("5 failures spread over A and B: both answer 429 to the right password");

  step("the replica serves the worklist; a stopped replica leaves it on the primary");
  const replicaReads = async () =>
    (
      await replica<{ n: number }[]>`
        select count(*)::int as n from pg_stat_activity where application_name = 'critical-callout' and datname = ${DB} and query <> ''`
    )[0].n;
  const worklist = async (server: Server, cookie: string) => {
    const res = await fetch(`${server.baseURL}/api/worklist?tab=done`, { headers: { cookie } });
    if (res.status !== 200) fail(`worklist on ${server.baseURL}: ${res.status} ${await res.text()}`);
    return JSON.stringify(await res.json());
  };
  const cookieB2 = cookieB; // B's session from before its kill: sessions live in PostgreSQL
  await worklist(a, cookieA);
  await worklist(b2, cookieB2);
  const onReplica = await replicaReads();
  if (onReplica < 1) fail("no worklist query reached the replica");
  // Only the replica routes' reads open connections there; the worklist's end with its transaction's
  // commit (db/custom-plans.ts), so the last statement shown is that, not the worklist's query.
  console.log(`${onReplica} of the app's connections on the replica ran the worklist's reads`);
  await replica.end();
  clusters.stopReplica();
  const fromPrimary = await worklist(a, `${cookieA}; cc_read_primary=1`);
  for (const [server, cookie] of [
    [a, cookieA],
    [b2, cookieB2],
  ] as const) {
    const t = Date.now();
    const shown = await worklist(server, cookie);
    if (shown !== fromPrimary) fail(`replica stopped: ${server.baseURL} showed ${shown}, the primary ${fromPrimary}`);
    console.log(`replica stopped: ${server.baseURL} answered the worklist from the primary in ${Date.now() - t} ms`);
  }
  step(`passed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
} finally {
  for (const s of servers) await stopServer(s);
  await primary.end({ timeout: 1 }).catch(() => {});
  await replica.end({ timeout: 1 }).catch(() => {});
  clusters.drop();
}
