// The live event stream measured over HTTP against `next start` on a fresh PostgreSQL database:
// latency from a write's answer (and from its request) to the event on a colleague's stream, over N
// writes; and the cost of idle open streams (server RSS, PostgreSQL connections).
//   npx tsx scripts/measure-events.ts [writes=200] [idle streams=200]     (needs a production build)
import postgres from "postgres";
import { freshDatabase, login, startServer, stopServer } from "./faults/server";

const WRITES = Number(process.argv[2] ?? 200);
const IDLE = Number(process.argv[3] ?? 200);
const BILL = 291;

/** Opens /api/events and resolves each `event: callout` frame's arrival time to its waiter, by version. */
async function openStream(baseURL: string, cookie: string, query = "") {
  const controller = new AbortController();
  const res = await fetch(`${baseURL}/api/events${query}`, { headers: { cookie }, signal: controller.signal });
  if (res.status !== 200 || !res.body) throw new Error(`events answered ${res.status}`);
  const arrivals = new Map<number, number>();
  const waiters = new Map<number, (t: number) => void>();
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  (async () => {
    for (;;) {
      const { done, value } = await reader.read().catch(() => ({ done: true, value: undefined }));
      if (done) return;
      const now = performance.now();
      buffer += decoder.decode(value, { stream: true });
      for (let end = buffer.indexOf("\n\n"); end >= 0; end = buffer.indexOf("\n\n")) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = block.split("\n").find((l) => l.startsWith("data: "));
        if (!block.includes("event: callout") || !data) continue;
        const version = JSON.parse(data.slice(6)).version as number;
        arrivals.set(version, now);
        waiters.get(version)?.(now);
      }
    }
  })();
  const arrival = (version: number, timeoutMs = 5000) =>
    arrivals.has(version)
      ? Promise.resolve(arrivals.get(version)!)
      : new Promise<number>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`event ${version} not received in ${timeoutMs} ms`)), timeoutMs);
          waiters.set(version, (t) => {
            clearTimeout(timer);
            resolve(t);
          });
        });
  return { arrival, close: () => controller.abort() };
}

const pct = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * q))].toFixed(1);

async function rssMb(pid: number): Promise<number> {
  const { readFile } = await import("node:fs/promises");
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
}

const db = await freshDatabase("cc_events");
const server = await startServer(db.url, Number(process.env.MEASURE_PORT ?? 3293), { OUTBOX_WORKER: "0" });
const admin = postgres(db.url, { max: 1, onnotice: () => {} });
try {
  const writer = await login(server.baseURL, "support");
  const watcher = await login(server.baseURL, "tech");
  const records = await (await fetch(`${server.baseURL}/report/${BILL}/critical/records`, { headers: { cookie: writer } })).json();
  const ids: number[] = records.reports.map((r: { lab_report: { labReportId: number } }) => r.lab_report.labReportId);
  const stream = await openStream(server.baseURL, watcher, `?bill_id=${BILL}`);
  const fromAnswer: number[] = [];
  const fromRequest: number[] = [];
  for (let i = 0; i < WRITES + 10; i++) {
    const sent = performance.now();
    const res = await fetch(`${server.baseURL}/report/${BILL}/critical/callout`, {
      method: "POST",
      headers: { cookie: writer, origin: server.baseURL, "content-type": "application/json" },
      // Hematology's first report: the technician's scope sees it.
      body: JSON.stringify({ lab_report_ids: [ids[0]], is_draft: true, recipients: ["Referral"], critical_callout_comment: `attempt ${i}`, critical_callout_meta: { communication_methods: [] } }),
    });
    const answered = performance.now();
    const body = await res.json();
    if (res.status !== 201) throw new Error(`write answered ${res.status}: ${JSON.stringify(body)}`);
    const arrived = await stream.arrival(body.version);
    if (i >= 10) {
      fromAnswer.push(arrived - answered);
      fromRequest.push(arrived - sent);
    }
  }
  stream.close();
  console.log(`event latency over ${WRITES} writes: from the write's answer p50 ${pct(fromAnswer, 0.5)} ms, p99 ${pct(fromAnswer, 0.99)} ms; from its request p50 ${pct(fromRequest, 0.5)} ms, p99 ${pct(fromRequest, 0.99)} ms`);

  const connections = async () => Number((await admin`select count(*)::int as n from pg_stat_activity where datname = current_database()`)[0].n);
  await new Promise((r) => setTimeout(r, 1000));
  const before = { rss: await rssMb(server.pid), pg: await connections() };
  const idle = [];
  for (let i = 0; i < IDLE; i++) idle.push(await openStream(server.baseURL, watcher, i % 2 ? `?bill_id=${BILL}` : ""));
  await new Promise((r) => setTimeout(r, 3000));
  const after = { rss: await rssMb(server.pid), pg: await connections() };
  for (const s of idle) s.close();
  console.log(
    `${IDLE} idle streams: server RSS ${before.rss.toFixed(0)} → ${after.rss.toFixed(0)} MB (${(((after.rss - before.rss) * 1024) / IDLE).toFixed(1)} kB per stream); PostgreSQL connections ${before.pg} → ${after.pg}`,
  );
} finally {
  await admin.end();
  await stopServer(server);
  await db.drop();
}
