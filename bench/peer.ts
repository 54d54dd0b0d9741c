// The measuring stick beside the project's own harness: `app-vs-peer.sh` of the shared perf folder runs
// the app (`next start`), its peer (Django + DRF under gunicorn), the same answers as one SQL statement
// (raw) and the framework's floor (a 401 from the route wrapper) on one database, then the SQL oracle
// on the app's answers. This file runs it and turns its RESULT lines into the goal table of issue 17.
//
// Environment: BENCH_PERF_DIR (the stick; default ../shared/perf beside the repository; absent: the
// stage is skipped, saying so), BENCH_PEER_SCALE (full), plus the stick's own (KEEP=1, DURATION, ...).
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { runSizeFloor } from "./size-floor";

export const PERF_DIR = path.resolve(process.env.BENCH_PERF_DIR ?? path.join("..", "shared", "perf"));
const SCALE = process.env.BENCH_PEER_SCALE ?? "full";

/** Issue 17's goals per endpoint: req/s at c32 against the peer, and against the limit. */
const GOALS: Record<string, { vsPeer: number; name: string }> = {
  e1: { vsPeer: 3, name: "1 records" },
  e2: { vsPeer: 1.5, name: "2 logs" },
  e3: { vsPeer: 1.5, name: "3 callouts" },
};
const OF_LIMIT = 0.8;
const C1_RAW_FACTOR = 1.5;

interface Cell {
  p50: number;
  rps: number;
  /** The answer's size (the floor at an answer's size only). */
  bytes?: number;
}
export interface PeerResult {
  dir: string;
  cells: Map<string, Cell>;
  oracle: string;
}

const key = (target: string, ep: string, c: number) => `${target} ${ep} ${c}`;

/** Runs the stick at BENCH_PEER_SCALE into `outDir`; null (and why) when it is not there. */
export async function runPeer(outDir: string, say: (m: string) => void, env: NodeJS.ProcessEnv): Promise<PeerResult | null> {
  const script = path.join(PERF_DIR, "app-vs-peer.sh");
  if (!existsSync(script)) {
    say(`peer comparison skipped: ${script} not found (set BENCH_PERF_DIR to the shared perf folder)`);
    return null;
  }
  mkdirSync(outDir, { recursive: true });
  say(`\n== the measuring stick: ${script} ${SCALE} → ${outDir} (~7 min at full scale with KEEP=1, +2.5 min to build the data)`);
  const code = await new Promise<number>((resolve) => {
    // No escalation worker, as in the project's own harness: the generated history holds thousands of
    // reports overdue at once, and the worker would escalate that backlog during the timing (a server
    // started on a fresh full-scale database wrote 2,690 escalations and their log rows in its first seconds).
    const stickEnv = { ...env, PROJECT: process.cwd(), OUT: path.resolve(outDir), ESCALATION_WORKER: "0" };
    const child = spawn("bash", [script, SCALE], { env: stickEnv, stdio: ["ignore", "inherit", "inherit"] });
    child.on("exit", (c) => resolve(c ?? 1));
  });
  // The stick exits non-zero when its oracle finds a mismatch too: the table still stands, the oracle says why.
  if (!existsSync(path.join(outDir, "results.txt"))) throw new Error(`app-vs-peer.sh failed (${code}); its output is in ${outDir}`);
  if (code !== 0) say(`app-vs-peer.sh exited ${code} (an oracle mismatch, or a step after the timing): see ${outDir}`);
  const stickDb = `${env.PGURL ?? "postgres://postgres@127.0.0.1:5432"}/perf_app_${SCALE}`;
  await runSizeFloor(outDir, stickDb, say, env);
  return readPeer(outDir);
}

/** The RESULT lines of a stick run: `RESULT target endpoint conc p50 p99 rps ...` (floor: `floor next-401`;
 * the floor at an answer's size: `sized eN`, bench/size-floor.ts). */
export function readPeer(dir: string): PeerResult {
  const cells = new Map<string, Cell>();
  for (const file of ["results.txt", "floor.txt", "size-floor.txt"]) {
    const f = path.join(dir, file);
    if (!existsSync(f)) continue;
    for (const line of readFileSync(f, "utf8").split("\n")) {
      const p = line.trim().split(/\s+/);
      if (p[0] !== "RESULT") continue;
      const [target, ep] = p[1] === "floor" ? ["floor", "401"] : [p[1], p[2]];
      cells.set(key(target, ep, Number(p[3])), { p50: Number(p[4]), rps: Number(p[6]), bytes: p[9] ? Number(p[9]) : undefined });
    }
  }
  const oracleFile = path.join(dir, "oracle.txt");
  return { dir, cells, oracle: existsSync(oracleFile) ? readFileSync(oracleFile, "utf8").trim() : "(no oracle output)" };
}

const f2 = (x: number) => (Number.isFinite(x) ? (x < 10 ? x.toFixed(2) : x.toFixed(1)) : "–");
const f0 = (x: number) => (Number.isFinite(x) ? x.toFixed(0) : "–");
const pct = (x: number) => (Number.isFinite(x) ? `${(100 * x).toFixed(0)}%` : "–");

/** ONE table: app, peer, raw SQL, the floor (a 401, and a constant answer of the endpoint's size), the ratios and each goal's verdict, per endpoint. */
export function peerTable(r: PeerResult): { lines: string[]; missed: string[] } {
  const cell = (t: string, ep: string, c: number) => r.cells.get(key(t, ep, c)) ?? { p50: Number.NaN, rps: Number.NaN };
  const floor1 = cell("floor", "401", 1);
  const floor32 = cell("floor", "401", 32);
  const lines = [
    "| endpoint | app c1 p50 · c32 req/s | peer (django) | raw SQL | floor (401) | floor at the answer's size | app/peer c32 | app/limit c32 | app/size floor c32 | c1 p50 goal · size floor + raw | verdict |",
    "|---|---|---|---|---|---|---:|---:|---:|---|---|",
  ];
  const missed: string[] = [];
  for (const [ep, goal] of Object.entries(GOALS)) {
    const app1 = cell("next", ep, 1);
    const app32 = cell("next", ep, 32);
    const peer1 = cell("django", ep, 1);
    const peer32 = cell("django", ep, 32);
    const raw1 = cell("rawsql", ep, 1);
    const raw32 = cell("rawsql", ep, 32);
    const sized1 = cell("sized", ep, 1);
    const sized32 = cell("sized", ep, 32);
    const limit = 1 / (1 / floor32.rps + 1 / raw32.rps);
    const c1Goal = floor1.p50 + C1_RAW_FACTOR * raw1.p50;
    const vsPeer = app32.rps / peer32.rps;
    const vsLimit = app32.rps / limit;
    const vsSized = app32.rps / sized32.rps;
    const checks = [
      [vsPeer >= goal.vsPeer, `c32 ≥ ${goal.vsPeer}× peer`],
      [vsLimit >= OF_LIMIT, `c32 ≥ ${OF_LIMIT * 100}% of limit ${f0(limit)} req/s`],
      [app1.p50 <= c1Goal, `c1 p50 ≤ ${f2(c1Goal)} ms`],
    ] as const;
    const failed = checks.filter(([ok]) => !ok).map(([, what]) => what);
    for (const what of failed) missed.push(`${goal.name}: ${what}`);
    lines.push(
      `| ${goal.name} | ${f2(app1.p50)} ms · ${f0(app32.rps)} | ${f2(peer1.p50)} ms · ${f0(peer32.rps)} | ${f2(raw1.p50)} ms · ${f0(raw32.rps)} | ` +
        `${f2(floor1.p50)} ms · ${f0(floor32.rps)} | ${f2(sized1.p50)} ms · ${f0(sized32.rps)} (${sized1.bytes ? (sized1.bytes / 1024).toFixed(1) : "–"} kB) | ` +
        `${f2(vsPeer)}× (≥ ${goal.vsPeer}) | ${pct(vsLimit)} (≥ ${OF_LIMIT * 100}%) | ${pct(vsSized)} | ` +
        `≤ ${f2(c1Goal)} ms · ${f2(sized1.p50 + raw1.p50)} ms | ${failed.length ? `**missed**: ${failed.join("; ")}` : "met"} |`,
    );
  }
  return { lines, missed };
}

// `tsx bench/peer.ts DIR`: the table of an earlier stick run.
if (process.argv[1]?.endsWith("peer.ts") && process.argv[2]) {
  const { lines } = peerTable(readPeer(process.argv[2]));
  console.log(lines.join("\n"));
}
