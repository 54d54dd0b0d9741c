// SIGKILL in the middle of 100 concurrent done callouts. After each kill, every callout is
// either entirely present (its records, statuses and log entry) or entirely absent; every callout the
// server acknowledged is present; and a restarted server serves again. Needs a production build.
//   npx tsx scripts/faults/kill-during-callouts.ts [rounds]
import postgres from "postgres";
import { freshDatabase, killHard, login, startServer, stopServer } from "./server";

const ROUNDS = Number(process.argv[2] ?? 3);
const CONCURRENCY = 100;
const PORT = Number(process.env.FAULT_PORT ?? 3290);

const db = await freshDatabase("cc_kill");
const sqlc = postgres(db.url, { max: 2, onnotice: () => {} });
let server = await startServer(db.url, PORT);
let checked = 0;
let present = 0;
let absent = 0;
let acknowledged = 0;
try {
  for (let round = 1; round <= ROUNDS; round++) {
    const cookies = { 1: await login(server.baseURL, "support"), 2: await login(server.baseURL, "support2") };
    // Targets: bills with open critical reports, one done callout per bill, all its open reports.
    const bills = await sqlc<{ bill_id: number; lab_id: 1 | 2 }[]>`
      select distinct lr.bill_id, lr.lab_id from lab_reports lr
      where lr.critical_values in (1, 4) and lr.sample_collected and not lr.dismissed order by lr.bill_id limit ${CONCURRENCY}`;
    const jobs = [];
    for (const b of bills) {
      const res = await fetch(`${server.baseURL}/report/${b.bill_id}/critical/records`, { headers: { cookie: cookies[b.lab_id] } });
      const body = (await res.json()) as { reports: { lab_report: { labReportId: number; criticalValues: number } }[] };
      const ids = body.reports.filter((r) => r.lab_report.criticalValues !== 2).map((r) => r.lab_report.labReportId);
      if (ids.length) jobs.push({ billId: b.bill_id, lab: b.lab_id, ids, tag: `kill-r${round}-b${b.bill_id}` });
    }
    const acked = new Set<string>();
    // Kill once a random share of the burst has been acknowledged, so some callouts are mid-flight.
    const killAfter = 5 + Math.floor(Math.random() * Math.max(1, jobs.length * 0.6));
    let notify = () => {};
    const enoughAcked = new Promise<void>((r) => {
      notify = r;
    });
    const started = Date.now();
    const burst = jobs.map((j) =>
      fetch(`${server.baseURL}/report/${j.billId}/critical/callout`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: server.baseURL, cookie: cookies[j.lab as 1 | 2] },
        body: JSON.stringify({
          lab_report_ids: j.ids,
          is_draft: false,
          recipients: ["Organization"],
          critical_callout_comment: j.tag,
          critical_callout_meta: { communication_methods: ["fax"] },
        }),
      })
        .then((r) => {
          if (r.status === 201) acked.add(j.tag);
          if (acked.size >= killAfter) notify();
        })
        .catch(() => {}),
    );
    await Promise.race([enoughAcked, new Promise((r) => setTimeout(r, 5000))]);
    killHard(server);
    const killAt = Date.now() - started;
    await Promise.all(burst);

    for (const j of jobs) {
      const callouts = await sqlc`select lab_report_id from critical_callouts where critical_callout_comment = ${j.tag}`;
      const logs = await sqlc`select id from activity_logs where dumped_json->>'comment' = ${j.tag}`;
      const statuses = await sqlc<{ critical_values: number }[]>`select critical_values from lab_reports where id = any(${j.ids})`;
      const done = statuses.filter((s) => s.critical_values === 2).length;
      const whole = callouts.length === j.ids.length && logs.length === 1 && done === j.ids.length;
      const none = callouts.length === 0 && logs.length === 0 && done === 0;
      if (!whole && !none) throw new Error(`${j.tag}: partial callout (${callouts.length} records, ${logs.length} logs, ${done}/${j.ids.length} done)`);
      if (acked.has(j.tag) && !whole) throw new Error(`${j.tag}: acknowledged but missing`);
      checked++;
      if (whole) present++;
      else absent++;
    }
    acknowledged += acked.size;
    console.log(`round ${round}: killed after ${killAt} ms; ${jobs.length} callouts checked, ${acked.size} acknowledged`);
    server = await startServer(db.url, PORT); // serves again after the crash
    const probe = await fetch(`${server.baseURL}/auth/me`);
    if (probe.status !== 401) throw new Error(`restarted server answered ${probe.status}`);
  }
  console.log(`kill test: ${ROUNDS} kills survived; ${checked} callouts checked (${present} whole, ${absent} absent, ${acknowledged} acknowledged, 0 partial)`);
} finally {
  await stopServer(server);
  await sqlc.end();
  await db.drop();
}
