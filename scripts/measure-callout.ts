// p50/p90 of a done callout for 1 and for 10 reports over HTTP against `next start` on a fresh
// PostgreSQL database (a done callout on a done report is valid: it is a repeated callout).
//   npx tsx scripts/measure-callout.ts [requests=200]     (needs a production build)
import { freshDatabase, login, startServer, stopServer } from "./faults/server";

const N = Number(process.argv[2] ?? 200);
const db = await freshDatabase("cc_measure");
const server = await startServer(db.url, Number(process.env.MEASURE_PORT ?? 3292), { OUTBOX_WORKER: "0" });
try {
  const cookie = await login(server.baseURL, "support");
  const records = await (await fetch(`${server.baseURL}/report/291/critical/records`, { headers: { cookie } })).json();
  const ids: number[] = records.reports.map((r: { lab_report: { labReportId: number } }) => r.lab_report.labReportId);
  for (const size of [1, 10]) {
    const times: number[] = [];
    for (let i = 0; i < N + 20; i++) {
      const started = performance.now();
      const res = await fetch(`${server.baseURL}/report/291/critical/callout`, {
        method: "POST",
        headers: { cookie, origin: server.baseURL, "content-type": "application/json", "idempotency-key": `m-${size}-${i}` },
        body: JSON.stringify({
          lab_report_ids: ids.slice(0, size),
          is_draft: false,
          recipients: ["Organization", "Referral"],
          critical_callout_comment: "measured",
          critical_callout_meta: { communication_methods: ["email", "fax"] },
        }),
      });
      await res.arrayBuffer();
      if (res.status !== 201) throw new Error(`status ${res.status}`);
      if (i >= 20) times.push(performance.now() - started); // the first 20 warm up
    }
    times.sort((a, b) => a - b);
    const p = (q: number) => times[Math.floor(times.length * q)].toFixed(1);
    console.log(`done callout, ${size} report(s): p50 ${p(0.5)} ms, p90 ${p(0.9)} ms, p99 ${p(0.99)} ms (n=${N})`);
  }
} finally {
  await stopServer(server);
  await db.drop();
}
