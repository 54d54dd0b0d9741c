// SIGKILL in the middle of 100 concurrent done callouts. After each kill, every callout is either
// entirely present (its records, statuses and log entry) or entirely absent; every callout the
// server acknowledged is present; and a restarted server serves again. A round only counts when the
// kill really fell mid-burst: at least MIN_ACKED callouts answered 201 before it and at least
// MIN_IN_FLIGHT still unanswered. Any other answer (4xx, 5xx) or a network error before the kill
// fails the run: a server that refuses every write must not pass as "all absent". Needs a production
// build; the database is a fresh one on FAULT_DATABASE_URL / TEST_DATABASE_URL / local PostgreSQL.
//   npx tsx scripts/faults/kill-during-callouts.ts [rounds]
import postgres from "postgres";
import { freshDatabase, killHard, login, startServer, stopServer } from "./server";

const ROUNDS = Number(process.argv[2] ?? 3);
const CONCURRENCY = 100;
const MIN_ACKED = 5;
const MIN_IN_FLIGHT = 10;
/** How long the burst may take to reach the kill point before the run fails as too slow or refused. */
const ACK_TIMEOUT_MS = 60_000;
const PORT = Number(process.env.FAULT_PORT ?? 3290);

interface Job {
  billId: number;
  lab: 1 | 2;
  ids: number[];
  tag: string;
}

const db = await freshDatabase("cc_kill");
const sqlc = postgres(db.url, { max: 2, onnotice: () => {} });
let server = await startServer(db.url, PORT);
const totals = { checked: 0, present: 0, absent: 0, acknowledged: 0, inFlight: 0 };

async function jobsFor(round: number, cookies: Record<1 | 2, string>): Promise<Job[]> {
  // Targets: bills with open critical reports, one done callout per bill, all its open reports.
  const bills = await sqlc<{ bill_id: number; lab_id: 1 | 2 }[]>`
    select distinct lr.bill_id, lr.lab_id from lab_reports lr
    where lr.critical_values in (1, 4) and lr.sample_collected and not lr.dismissed order by lr.bill_id limit ${CONCURRENCY}`;
  const jobs: Job[] = [];
  for (const b of bills) {
    const res = await fetch(`${server.baseURL}/report/${b.bill_id}/critical/records`, { headers: { cookie: cookies[b.lab_id] } });
    if (res.status !== 200) throw new Error(`records of bill ${b.bill_id}: ${res.status} ${await res.text()}`);
    const body = (await res.json()) as { reports: { lab_report: { labReportId: number; criticalValues: number } }[] };
    const ids = body.reports.filter((r) => r.lab_report.criticalValues !== 2).map((r) => r.lab_report.labReportId);
    if (ids.length) jobs.push({ billId: b.bill_id, lab: b.lab_id, ids, tag: `kill-r${round}-b${b.bill_id}` });
  }
  if (jobs.length < MIN_ACKED + MIN_IN_FLIGHT) throw new Error(`round ${round}: only ${jobs.length} bills left to call out`);
  return jobs;
}

/** Fires every job at once and SIGKILLs the server from the answer that reaches `killAfter` 201s. */
async function burst(jobs: Job[], cookies: Record<1 | 2, string>) {
  const acked = new Set<string>();
  const killAfter = MIN_ACKED + Math.floor(Math.random() * (jobs.length - MIN_ACKED - MIN_IN_FLIGHT));
  let killed = false;
  let answeredAtKill = 0;
  let answered = 0;
  const failures: string[] = [];
  let killedNow = () => {};
  const killDone = new Promise<void>((r) => {
    killedNow = r;
  });
  const started = Date.now();
  let killAt = 0;
  const requests = jobs.map(async (j) => {
    try {
      const r = await fetch(`${server.baseURL}/report/${j.billId}/critical/callout`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: server.baseURL, cookie: cookies[j.lab] },
        body: JSON.stringify({
          lab_report_ids: j.ids,
          is_draft: false,
          recipients: [],
          critical_callout_comment: j.tag,
          // Contact made by phone: valid on every bill, whatever contacts the bill has.
          critical_callout_meta: { communication_methods: [], already_notified: { phone_call: { name: "Ward nurse", contact: "555-0100", read_back: true } } },
        }),
      });
      answered++;
      if (r.status !== 201) failures.push(`${j.tag}: ${r.status} ${await r.text().catch(() => "")}`);
      else acked.add(j.tag);
      if (!killed && acked.size >= killAfter) {
        killed = true;
        answeredAtKill = answered;
        killHard(server);
        killAt = Date.now() - started;
        killedNow();
      }
    } catch (e) {
      // Only a request cut off by the kill may end without an answer.
      if (!killed) failures.push(`${j.tag}: network error before the kill: ${(e as Error).message}`);
    }
  });
  const timeout = new Promise<"timeout">((r) => setTimeout(() => r("timeout"), ACK_TIMEOUT_MS).unref());
  const outcome = await Promise.race([killDone, Promise.all(requests).then(() => "finished" as const), timeout]);
  if (outcome !== undefined) {
    killHard(server);
    throw new Error(`the burst ${outcome} before ${killAfter} callouts were acknowledged (${acked.size} were); ${failures.slice(0, 5).join("; ")}`);
  }
  await Promise.all(requests);
  if (failures.length) throw new Error(`${failures.length} callouts failed:\n  ${failures.slice(0, 10).join("\n  ")}`);
  const inFlight = jobs.length - answeredAtKill;
  if (inFlight < MIN_IN_FLIGHT) throw new Error(`only ${inFlight} callouts were in flight at the kill (need ${MIN_IN_FLIGHT})`);
  return { acked, killAt, inFlight };
}

/** Whole or absent, never partial; acknowledged means whole. */
async function verify(jobs: Job[], acked: Set<string>) {
  for (const j of jobs) {
    const callouts = await sqlc`select lab_report_id from critical_callouts where critical_callout_comment = ${j.tag}`;
    const logs = await sqlc`select id from activity_logs where dumped_json->>'comment' = ${j.tag}`;
    const statuses = await sqlc<{ critical_values: number }[]>`select critical_values from lab_reports where id = any(${j.ids})`;
    const done = statuses.filter((s) => s.critical_values === 2).length;
    const whole = callouts.length === j.ids.length && logs.length === 1 && done === j.ids.length;
    const none = callouts.length === 0 && logs.length === 0 && done === 0;
    if (!whole && !none) throw new Error(`${j.tag}: partial callout (${callouts.length} records, ${logs.length} logs, ${done}/${j.ids.length} done)`);
    if (acked.has(j.tag) && !whole) throw new Error(`${j.tag}: acknowledged but missing`);
    totals.checked++;
    if (whole) totals.present++;
    else totals.absent++;
  }
}

try {
  for (let round = 1; round <= ROUNDS; round++) {
    const cookies = { 1: await login(server.baseURL, "support"), 2: await login(server.baseURL, "support2") };
    const jobs = await jobsFor(round, cookies);
    const { acked, killAt, inFlight } = await burst(jobs, cookies);
    await verify(jobs, acked);
    totals.acknowledged += acked.size;
    totals.inFlight += inFlight;
    console.log(`round ${round}: killed after ${killAt} ms; ${jobs.length} callouts, ${acked.size} acknowledged, ${inFlight} in flight at the kill`);
    server = await startServer(db.url, PORT); // serves again after the crash
    const probe = await fetch(`${server.baseURL}/auth/me`);
    if (probe.status !== 401) throw new Error(`restarted server answered ${probe.status}`);
  }
  const t = totals;
  console.log(
    `kill test: ${ROUNDS} kills survived; ${t.checked} callouts checked (${t.present} whole, ${t.absent} absent, ${t.acknowledged} acknowledged, ${t.inFlight} in flight at the kills, 0 partial)`,
  );
} finally {
  await stopServer(server);
  await sqlc.end();
  await db.drop();
}
