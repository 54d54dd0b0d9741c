// The floor at each endpoint's answer size. The stick's floor is a 401 of a few bytes; an endpoint's
// answer is kilobytes, and writing them costs the framework time that no query change takes back. So
// after the stick, the same build serves GET /api/bench/floor (app/api/bench/floor/route.ts: the route
// wrapper, the session, a constant JSON text of N bytes, nothing else) on the stick's database, and wrk
// measures it at c1 and c32 as the stick measures the endpoints, at the median size of each endpoint's
// answers on the stick's bills. Its RESULT lines (`RESULT sized eN c p50 - rps`) go to size-floor.txt.
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { login, startServer, stopServer } from "../scripts/faults/server";

const PASSWORD = "Bench-Pass-1";
const USER = process.env.BENCH_USER ?? "perf1_tech1";
const PORT = 3102;
const SAMPLE_BILLS = 100;

interface Bill {
  bill: string;
  ids: string;
}

/** The request each endpoint makes for a bill, as bench.lua of the stick makes it. */
function endpointRequest(ep: string, b: Bill, baseURL: string): [string, RequestInit] {
  if (ep === "e1") return [`${baseURL}/report/${b.bill}/critical/records`, {}];
  if (ep === "e2") return [`${baseURL}/report/bulk/critical-notification/logs?report_ids=${b.ids}`, {}];
  return [
    `${baseURL}/operation/critical-callout`,
    { method: "POST", headers: { "content-type": "application/json", origin: baseURL }, body: `{"lab_report_ids":[${b.ids}]}` },
  ];
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** The median byte size of an endpoint's answers on the first SAMPLE_BILLS bills. */
async function answerBytes(ep: string, bills: Bill[], baseURL: string, cookie: string): Promise<number> {
  const sizes: number[] = [];
  for (const b of bills.slice(0, SAMPLE_BILLS)) {
    const [url, init] = endpointRequest(ep, b, baseURL);
    const res = await fetch(url, { ...init, headers: { ...(init.headers as Record<string, string>), cookie } });
    const body = Buffer.from(await res.arrayBuffer());
    if (res.status !== 200) throw new Error(`${ep} bill ${b.bill}: ${res.status} ${body.toString().slice(0, 200)}`);
    sizes.push(body.length);
  }
  return median(sizes);
}

/** wrk's p50 (ms) and req/s for one URL, the stick's way (2 threads above c1). */
function wrk(url: string, cookie: string, conc: number, seconds: number): { p50: number; rps: number } {
  const out = execFileSync(
    "wrk",
    [`-t${conc < 2 ? 1 : 2}`, `-c${conc}`, `-d${seconds}s`, "--timeout", "10s", "--latency", "-H", `Cookie: ${cookie}`, url],
    { encoding: "utf8" },
  );
  const p50 = /^\s+50%\s+([\d.]+)(us|ms|s)\s*$/m.exec(out);
  const rps = /Requests\/sec:\s+([\d.]+)/.exec(out);
  const non2xx = /Non-2xx or 3xx responses:\s+(\d+)/.exec(out);
  if (!p50 || !rps) throw new Error(`wrk output not understood:\n${out}`);
  if (non2xx) throw new Error(`${url}: ${non2xx[1]} answers were not 2xx`);
  const scale = { us: 0.001, ms: 1, s: 1000 }[p50[2] as "us" | "ms" | "s"];
  return { p50: Number(p50[1]) * scale, rps: Number(rps[1]) };
}

/** Measures the sized floor for e1–e3 against the stick's database; RESULT lines in `outDir`/size-floor.txt. */
export async function runSizeFloor(outDir: string, databaseUrl: string, say: (m: string) => void, env: NodeJS.ProcessEnv) {
  const seconds = Number(env.DURATION ?? 15);
  const warmup = Number(env.WARMUP ?? 3);
  const bills = readFileSync(path.join(outDir, "ids.txt"), "utf8")
    .split("\n")
    .map((l) => l.trim().split(/\s+/))
    .filter((p) => p.length === 2)
    .map(([bill, ids]) => ({ bill, ids }));
  say(`\n== the floor at each answer's size: GET /api/bench/floor on :${PORT}, ${seconds} s per cell`);
  const server = await startServer(databaseUrl, PORT, {
    BENCH_FLOOR_ROUTE: "1",
    OUTBOX_WORKER: "0",
    ESCALATION_WORKER: "0",
    ...(env.NEXT_DIST_DIR ? { NEXT_DIST_DIR: env.NEXT_DIST_DIR } : {}),
  });
  const lines: string[] = [];
  try {
    const cookie = await login(server.baseURL, USER, PASSWORD);
    // Every size first: fetch's idle keep-alive sockets would meet a server that closed them during wrk.
    const sizes: [string, number][] = [];
    for (const ep of ["e1", "e2", "e3"]) sizes.push([ep, await answerBytes(ep, bills, server.baseURL, cookie)]);
    for (const [ep, bytes] of sizes) {
      const url = `${server.baseURL}/api/bench/floor?bytes=${bytes}`;
      wrk(url, cookie, 4, warmup);
      for (const conc of [1, 32]) {
        const r = wrk(url, cookie, conc, seconds);
        const line = `RESULT sized ${ep} ${conc} ${r.p50.toFixed(3)} - ${r.rps.toFixed(1)} 0 0 ${bytes}`;
        say(line);
        lines.push(line);
      }
    }
  } finally {
    await stopServer(server);
  }
  writeFileSync(path.join(outDir, "size-floor.txt"), `${lines.join("\n")}\n`);
}
