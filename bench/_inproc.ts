import { readFileSync } from "node:fs";
import { connect } from "@/db/connect";
import { loadSession } from "@/db/queries/sessions";
import { getCalloutLogs } from "@/db/queries/callout-logs";
import { getCalloutRecords } from "@/db/queries/callout-records";
import { getCriticalRecords } from "@/db/queries/critical-records-read";
const h = await connect({ url: process.env.DATABASE_URL!, max: 4, statementTimeoutMs: 5000 });
const token = readFileSync("/tmp/cookie", "utf8").match(/cc_session=([^;\s]+)/)?.[1] ?? readFileSync("/tmp/cookie", "utf8").split("=")[1].split(";")[0];
const session = (await loadSession(h.db, token))!;
const lines = readFileSync("/tmp/ids.txt", "utf8").trim().split("\n").map((l) => { const [b, ids] = l.split(" "); return { bill: Number(b), ids: ids.split(",").map(Number) }; });
const which = process.argv[2] ?? "e2"; const N = Number(process.argv[3] ?? 2000);
const run = async (l: (typeof lines)[0]) => which === "e1" ? getCriticalRecords(h.db, session, l.bill) : which === "e2" ? getCalloutLogs(h.db, session, l.ids) : getCalloutRecords(h.db, session, l.ids);
for (let i = 0; i < 200; i++) await run(lines[i % lines.length]);
const cpu0 = process.cpuUsage(); const t0 = performance.now(); let bytes = 0; let ser = 0;
// 8 concurrent loops, like a small c8
await Promise.all(Array.from({ length: 8 }, async (_, k) => { for (let i = k; i < N; i += 8) { const r = await run(lines[i % lines.length]); const s0 = performance.now(); bytes += JSON.stringify(r).length; ser += performance.now() - s0; } }));
const wall = performance.now() - t0; const c = process.cpuUsage(cpu0);
console.log(`${which}: ${(N / wall * 1000).toFixed(0)}/s, cpu ${((c.user + c.system) / 1000 / N).toFixed(3)} ms/call, stringify ${(ser / N).toFixed(3)} ms, ${(bytes / N / 1024).toFixed(1)} kB`);
process.exit(0);
