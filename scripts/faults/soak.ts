// Soak test: mixed reads and writes from 32 concurrent clients against `next start` on a fresh
// PostgreSQL database, loopback only, for a bounded time. Fails on any answer a client would not
// expect (5xx, and any 4xx but a 409 a write may meet when another client holds the same bill), on
// too few acknowledged writes, on an acknowledged write missing from the audit log, and on memory
// that keeps growing per request once warmed up — measurable in CI's 15 s run too.
//   NODE_OPTIONS=--experimental-websocket npx tsx scripts/faults/soak.ts [seconds=120] [clients=32]
//   (needs a production build; the WebSocket reads the server's heap through its inspector)
import { execFileSync } from "node:child_process";
import postgres from "postgres";
import { openHeapProbe } from "./heap-probe";
import { freshDatabase, login, startServer, stopServer } from "./server";

const SECONDS = Number(process.argv[2] ?? 120);
const CLIENTS = Number(process.argv[3] ?? 32);
const PORT = Number(process.env.SOAK_PORT ?? 3291);
/** Writes answered 201 per second of soak, at least: fewer means the server refused or stalled. */
const MIN_WRITES_PER_SECOND = 2;
/** 409s (same bill, same moment, retries exhausted) allowed as a share of the writes. */
const MAX_CONFLICT_SHARE = 0.1;
/**
 * A leak: JavaScript heap still reachable after full collections grows, between the end of the first
 * third of the run (JIT, caches and pools warmed) and the end, by more than LEAK_MIN_GROWTH_MB at more
 * than LEAK_KB_PER_REQUEST. RSS is printed but not judged: V8 reserves heap in steps of tens of MB
 * while it warms up, which on a busy 2-core machine lasts most of a 15 s run. The long run also fails
 * on RSS growth over 150 MB in its second half, and on an RSS over 300 MB at its end.
 */
const LEAK_KB_PER_REQUEST = 8;
const LEAK_MIN_GROWTH_MB = 4;
const INSPECT_PORT = PORT + 1000;
/** Issue 17's bound on the server's RSS after a long soak (a short one ends while V8 still warms up). */
const MAX_RSS_MB = 300;

type Kind = "records" | "logs" | "worklist" | "audit" | "write";
const EXPECTED: Record<Kind, number[]> = { records: [200], logs: [200], worklist: [200], audit: [200], write: [201, 409] };

function rssMb(pgid: number): number {
  const out = execFileSync("ps", ["-o", "rss=", "-g", String(pgid)], { encoding: "utf8" });
  return out.split("\n").reduce((a, l) => a + (Number(l.trim()) || 0), 0) / 1024;
}

const db = await freshDatabase("cc_soak");
const sqlc = postgres(db.url, { max: 2, onnotice: () => {} });
const server = await startServer(db.url, PORT, { OUTBOX_WORKER: "0" }, [`--inspect=127.0.0.1:${INSPECT_PORT}`]);
const heap = await openHeapProbe(INSPECT_PORT);
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
    if (r.status !== 200) throw new Error(`records of bill ${t.bill_id}: ${r.status}`);
    const body = (await r.json()) as { reports: { lab_report: { labReportId: number } }[] };
    if (body.reports.length) usable.push({ billId: t.bill_id, cookie, ids: body.reports.map((x) => x.lab_report.labReportId) });
  }
  if (usable.length < CLIENTS) throw new Error(`only ${usable.length} bills to soak on`);
  const statuses = new Map<string, number>();
  const unexpected: string[] = [];
  const acked: string[] = [];
  const latencies: number[] = [];
  let n = 0;
  const deadline = Date.now() + SECONDS * 1000;
  const samples: { mb: number; requests: number }[] = [{ mb: rssMb(server.pid), requests: 0 }];
  const sampler = setInterval(() => samples.push({ mb: rssMb(server.pid), requests: latencies.length }), 1000);
  let warmHeap: { bytes: number; requests: number } | undefined;
  const warmTimer = setTimeout(async () => {
    const requests = latencies.length;
    warmHeap = { bytes: await heap.retainedBytes(), requests };
  }, (SECONDS * 1000) / 3);

  function request(c: number, kind: number, t: (typeof usable)[number]): [Kind, Promise<Response>, string?] {
    const base = server.baseURL;
    if (kind < 4) return ["records", fetch(`${base}/report/${t.billId}/critical/records`, { headers: { cookie: t.cookie } })];
    const ids = t.ids.join(",");
    if (kind < 6) return ["logs", fetch(`${base}/report/bulk/critical-notification/logs?report_ids=${ids}`, { headers: { cookie: t.cookie } })];
    if (kind < 7) return ["worklist", fetch(`${base}/api/worklist?tab=pending&page=${1 + (n % 3)}`, { headers: { cookie: t.cookie } })];
    const headers = { cookie: t.cookie, origin: base, "content-type": "application/json" };
    if (kind < 8) {
      return ["audit", fetch(`${base}/operation/critical-callout`, { method: "POST", headers, body: JSON.stringify({ lab_report_ids: t.ids }) })];
    }
    const tag = `soak-${c}-${n}`;
    const body = {
      lab_report_ids: t.ids.slice(0, 1 + (n % t.ids.length)),
      is_draft: kind === 8,
      recipients: [],
      critical_callout_comment: tag,
      // Contact made by phone: valid on every bill, whatever contacts the bill has.
      critical_callout_meta: { communication_methods: [], already_notified: { phone_call: { name: "Ward nurse", contact: "555-0100", read_back: true } } },
    };
    const res = fetch(`${base}/report/${t.billId}/critical/callout`, { method: "POST", headers: { ...headers, "idempotency-key": tag }, body: JSON.stringify(body) });
    return ["write", res, tag];
  }

  async function client(c: number) {
    while (Date.now() < deadline) {
      const t = usable[(n++ * 7 + c) % usable.length];
      const started = performance.now();
      const [kind, pending, tag] = request(c, n % 10, t);
      const res = await pending; // a network error here ends the soak: the server must not drop connections
      const text = await res.text();
      latencies.push(performance.now() - started);
      const key = `${kind} ${res.status}`;
      statuses.set(key, (statuses.get(key) ?? 0) + 1);
      if (!EXPECTED[kind].includes(res.status)) unexpected.push(`${key}: ${text.slice(0, 200)}`);
      if (tag && res.status === 201) acked.push(tag);
    }
  }
  await Promise.all(Array.from({ length: CLIENTS }, (_, c) => client(c)));
  clearInterval(sampler);
  clearTimeout(warmTimer);
  samples.push({ mb: rssMb(server.pid), requests: latencies.length });
  const usage = await heap.memoryUsage();
  if (!warmHeap) throw new Error("soak: the warm heap was never measured");
  const endHeap = { bytes: await heap.retainedBytes(), requests: latencies.length };

  const logged = await sqlc<{ c: string }[]>`select dumped_json->>'comment' c from activity_logs where dumped_json->>'comment' like 'soak-%'`;
  const inLog = new Set(logged.map((r) => r.c));
  const missing = acked.filter((t) => !inLog.has(t));
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((latencies.length * p) / 100))].toFixed(1);
  const total = latencies.length;
  const writes = [...statuses].filter(([k]) => k.startsWith("write ")).reduce((a, [, v]) => a + v, 0);
  const conflicts = statuses.get("write 409") ?? 0;
  console.log(`soak: ${SECONDS} s, ${CLIENTS} clients, ${total} requests (${(total / SECONDS).toFixed(0)}/s), p50 ${pct(50)} ms, p99 ${pct(99)} ms`);
  console.log(`statuses: ${JSON.stringify(Object.fromEntries([...statuses].sort()))}`);
  console.log(`writes acknowledged: ${acked.length}; found in the audit log: ${acked.length - missing.length}; missing: ${missing.length}`);

  const heapGrowthMb = (endHeap.bytes - warmHeap.bytes) / 2 ** 20;
  const heapRequests = Math.max(1, endHeap.requests - warmHeap.requests);
  const kbPerRequest = (heapGrowthMb * 1024) / heapRequests;
  const last = samples[samples.length - 1];
  const every = Math.max(1, Math.floor(samples.length / 12));
  console.log(`server RSS (MB): ${samples.filter((_, i) => i % every === 0).map((s) => s.mb.toFixed(0)).join(" → ")} → ${last.mb.toFixed(0)}`);
  // Where the RSS goes at the end of the load: V8's reserved heap (not only the live part), memory
  // outside it (Buffers, native), and the rest (code, the binary, malloc's own).
  const mb = (b: number) => (b / 2 ** 20).toFixed(0);
  console.log(
    `server memory at the end (MB): rss ${mb(usage.rss)} = V8 heap reserved ${mb(usage.heapTotal)} (used ${mb(usage.heapUsed)}) + external ${mb(usage.external)} (ArrayBuffers ${mb(usage.arrayBuffers)}) + the rest ${mb(usage.rss - usage.heapTotal - usage.external)}`,
  );
  console.log(
    `retained heap after GC (MB): ${(warmHeap.bytes / 2 ** 20).toFixed(1)} after warm-up → ${(endHeap.bytes / 2 ** 20).toFixed(1)} at the end; ${heapGrowthMb >= 0 ? "+" : ""}${heapGrowthMb.toFixed(1)} MB, ${kbPerRequest.toFixed(2)} KB/request over ${heapRequests} requests`,
  );

  const problems: string[] = [];
  if (unexpected.length) problems.push(`${unexpected.length} unexpected answers, e.g. ${unexpected.slice(0, 3).join(" | ")}`);
  if (missing.length) problems.push(`${missing.length} acknowledged writes missing from the audit log`);
  if (acked.length < MIN_WRITES_PER_SECOND * SECONDS) problems.push(`only ${acked.length} writes acknowledged (need ${MIN_WRITES_PER_SECOND * SECONDS})`);
  if (conflicts > MAX_CONFLICT_SHARE * writes) problems.push(`${conflicts} of ${writes} writes answered 409`);
  if (heapGrowthMb > LEAK_MIN_GROWTH_MB && kbPerRequest > LEAK_KB_PER_REQUEST) {
    problems.push(`retained heap grows after warm-up: +${heapGrowthMb.toFixed(1)} MB, ${kbPerRequest.toFixed(1)} KB/request`);
  }
  const half = samples.slice(Math.floor(samples.length / 2)).map((s) => s.mb);
  if (SECONDS >= 60 && Math.max(...half) - Math.min(...half) > 150) problems.push("memory still growing in the second half (> 150 MB)");
  if (SECONDS >= 60 && last.mb > MAX_RSS_MB) problems.push(`server RSS ${last.mb.toFixed(0)} MB at the end (goal: at most ${MAX_RSS_MB} MB)`);
  if (problems.length) throw new Error(`soak failed:\n  ${problems.join("\n  ")}`);
} finally {
  heap.close();
  await stopServer(server);
  await sqlc.end();
  await db.drop();
}
