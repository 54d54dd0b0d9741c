// Soak test: mixed reads and writes from 32 concurrent clients against `next start` on a
// fresh PostgreSQL database, loopback only, for a bounded time. Checks: no 5xx, every acknowledged
// write is in the audit log afterwards, and the server's memory levels off.
//   npx tsx scripts/faults/soak.ts [seconds=120] [clients=32]     (needs a production build)
import { execFileSync } from "node:child_process";
import postgres from "postgres";
import { freshDatabase, login, startServer, stopServer } from "./server";

const SECONDS = Number(process.argv[2] ?? 120);
const CLIENTS = Number(process.argv[3] ?? 32);
const PORT = Number(process.env.SOAK_PORT ?? 3291);

function rssMb(pgid: number): number {
  try {
    const out = execFileSync("ps", ["-o", "rss=", "-g", String(pgid)], { encoding: "utf8" });
    return Math.round(out.split("\n").reduce((a, l) => a + (Number(l.trim()) || 0), 0) / 1024);
  } catch {
    return 0;
  }
}

const db = await freshDatabase("cc_soak");
const sqlc = postgres(db.url, { max: 2, onnotice: () => {} });
const server = await startServer(db.url, PORT, { OUTBOX_WORKER: "0" });
try {
  const cookies = [await login(server.baseURL, "support"), await login(server.baseURL, "support2")];
  const targets = await sqlc<{ bill_id: number; lab_id: number; ids: number[] }[]>`
    select bill_id, lab_id, array_agg(id order by id) ids from lab_reports
    where critical_values in (1, 2, 4) and sample_collected and not dismissed group by bill_id, lab_id`;
  // Keep only reports endpoint 1 returns (critical parameters present).
  const usable: { billId: number; cookie: string; ids: number[] }[] = [];
  for (const t of targets) {
    const cookie = cookies[t.lab_id - 1];
    const r = await fetch(`${server.baseURL}/report/${t.bill_id}/critical/records`, { headers: { cookie } });
    const body = (await r.json()) as { reports: { lab_report: { labReportId: number } }[] };
    if (body.reports.length) usable.push({ billId: t.bill_id, cookie, ids: body.reports.map((x) => x.lab_report.labReportId) });
  }
  const statuses = new Map<number, number>();
  const acked: string[] = [];
  const latencies: number[] = [];
  let n = 0;
  const deadline = Date.now() + SECONDS * 1000;
  const samples: number[] = [rssMb(server.pid)];
  const sampler = setInterval(() => samples.push(rssMb(server.pid)), Math.max(1000, (SECONDS * 1000) / 12));

  async function client(c: number) {
    while (Date.now() < deadline) {
      const t = usable[(n++ * 7 + c) % usable.length];
      const kind = n % 10;
      const started = performance.now();
      let res: Response;
      if (kind < 4) {
        res = await fetch(`${server.baseURL}/report/${t.billId}/critical/records`, { headers: { cookie: t.cookie } });
      } else if (kind < 6) {
        res = await fetch(`${server.baseURL}/report/bulk/critical-notification/logs?report_ids=${t.ids.join(",")}`, { headers: { cookie: t.cookie } });
      } else if (kind < 7) {
        res = await fetch(`${server.baseURL}/api/worklist?tab=pending&page=${1 + (n % 3)}`, { headers: { cookie: t.cookie } });
      } else if (kind < 8) {
        res = await fetch(`${server.baseURL}/operation/critical-callout`, {
          method: "POST",
          headers: { cookie: t.cookie, origin: server.baseURL, "content-type": "application/json" },
          body: JSON.stringify({ lab_report_ids: t.ids }),
        });
      } else {
        const tag = `soak-${c}-${n}`;
        res = await fetch(`${server.baseURL}/report/${t.billId}/critical/callout`, {
          method: "POST",
          headers: { cookie: t.cookie, origin: server.baseURL, "content-type": "application/json", "idempotency-key": tag },
          body: JSON.stringify({
            lab_report_ids: t.ids.slice(0, 1 + (n % t.ids.length)),
            is_draft: kind === 8,
            recipients: [],
            critical_callout_comment: tag,
            // Contact made by phone: valid on every bill, whatever contacts the bill has.
            critical_callout_meta: { communication_methods: [], already_notified: { phone_call: { name: "Ward nurse", contact: "555-0100", read_back: true } } },
          }),
        });
        if (res.status === 201) acked.push(tag);
      }
      await res.arrayBuffer();
      latencies.push(performance.now() - started);
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
    }
  }
  await Promise.all(Array.from({ length: CLIENTS }, (_, c) => client(c)));
  clearInterval(sampler);
  samples.push(rssMb(server.pid));

  const logged = await sqlc<{ c: string }[]>`select dumped_json->>'comment' c from activity_logs where dumped_json->>'comment' like 'soak-%'`;
  const inLog = new Set(logged.map((r) => r.c));
  const missing = acked.filter((t) => !inLog.has(t));
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((latencies.length * p) / 100))].toFixed(1);
  const total = latencies.length;
  const fivexx = [...statuses].filter(([s]) => s >= 500).reduce((a, [, v]) => a + v, 0);
  console.log(
    `soak: ${SECONDS} s, ${CLIENTS} clients, ${total} requests (${(total / SECONDS).toFixed(0)}/s), p50 ${pct(50)} ms, p99 ${pct(99)} ms`,
  );
  console.log(`statuses: ${JSON.stringify(Object.fromEntries(statuses))}; 5xx: ${fivexx}`);
  console.log(`writes acknowledged: ${acked.length}; found in the audit log: ${acked.length - missing.length}; missing: ${missing.length}`);
  console.log(`server RSS (MB) over time: ${samples.join(" → ")}`);
  const half = samples.slice(Math.floor(samples.length / 2));
  const growth = Math.max(...half) - Math.min(...half);
  if (fivexx > 0 || missing.length > 0) throw new Error("soak failed: 5xx or lost writes");
  if (SECONDS >= 60 && growth > 150) throw new Error(`soak failed: memory still growing in the second half (+${growth} MB)`);
} finally {
  await stopServer(server);
  await sqlc.end();
  await db.drop();
}
