// `npm run bench`: builds the datasets (bench/dataset.ts), the production build, and for each dataset
// starts `next start` against it and measures every endpoint over HTTP (autocannon) and as raw SQL
// (the same query functions on a postgres.js handle); at the large scale also EXPLAINs every statement
// and measures the pages' first-load JavaScript. Writes bench/results/<timestamp>/report.md (+ plans/,
// results.json) and prints the summary table. Loopback only; bounded (~15–20 min at scale 1 on 2 cores).
//
// Environment: DATABASE_URL (required: a PostgreSQL server the bench may create databases on),
// BENCH_SCALE (1 → 1M reports), BENCH_SMALL_SCALE (0.01 → ~10k reports; "0" skips the comparison),
// BENCH_SECONDS (HTTP seconds per cell, 6), BENCH_RAW_SECONDS (4), BENCH_SKIP_BUILD=1, BENCH_REBUILD=1,
// BENCH_PORT (3411), NEXT_DIST_DIR (.next-bench), BENCH_ONLY (comma-separated scenario ids),
// BENCH_EXPLAIN_ONLY=1 (plans and bundle sizes only, no load), BENCH_DB_PREFIX (dataset names, cc_bench_),
// BENCH_PEER=0 (skip the measuring stick of bench/peer.ts: the app beside its peer, raw SQL and the floor;
// BENCH_PERF_DIR, default ../shared/perf), BENCH_PEER_ONLY=1 (only the stick, then its table).
import { execSync, spawn } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { connect, type Db } from "../db/connect";
import { getCriticalRecords } from "../db/queries/critical-records-read";
import { createSession, loadSession } from "../db/queries/sessions";
import { login, type Server, startServer, stopServer } from "../scripts/faults/server";
import { type BundleReport, bundleLines, kb, measureBundles } from "./bundle-size";
import { type Dataset, ensureDataset } from "./dataset";
import { type ExplainCase, type ExplainedStatement, explainCases } from "./explain";
import { httpLoad, merge, rawLoad, type Sample, type Stats } from "./load";
import { type PeerResult, peerTable, runPeer } from "./peer";
import { buildScenarios, type Scenario, type ScenarioContext } from "./scenarios";

const env = process.env;
const ADMIN_URL = env.DATABASE_URL;
const SCALE = Number(env.BENCH_SCALE ?? 1);
const SMALL_SCALE = Number(env.BENCH_SMALL_SCALE ?? 0.01);
const SECONDS = Number(env.BENCH_SECONDS ?? 6);
const RAW_SECONDS = Number(env.BENCH_RAW_SECONDS ?? 4);
const WARMUP_SECONDS = 1;
/** Each cell's HTTP and raw measurements are split into this many interleaved slices. */
const SLICES = 3;
const PROBE_SECONDS = 3;
const PORT = Number(env.BENCH_PORT ?? 3411);
const DIST_DIR = env.NEXT_DIST_DIR ?? ".next-bench";
const CONCURRENCY = [1, 32];
const POOL_MAX = Number(env.DB_POOL_MAX ?? 10);
const ONLY = env.BENCH_ONLY ? new Set(env.BENCH_ONLY.split(",")) : null;
const EXPLAIN_ONLY = env.BENCH_EXPLAIN_ONLY === "1";
const SCALE_TARGET = 1.2;
const PEER = env.BENCH_PEER !== "0";
const PEER_ONLY = env.BENCH_PEER_ONLY === "1";

interface Probe {
  name: string;
  path: string;
  stats: Stats;
}

interface Row {
  dataset: string;
  scale: number;
  scenario: string;
  endpoint: string;
  size: string;
  concurrency: number;
  http: Stats;
  raw: Stats;
  ratio: number;
  ratioTarget?: number;
}

const started = new Date();
const stamp = started.toISOString().replace(/[:.]/g, "-").replace(/-\d+Z$/, "Z");
const outDir = path.join("bench", "results", stamp);
const say = (msg: string) => console.log(msg);
const ms = (x: number) => (Number.isFinite(x) ? (x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : x.toFixed(0)) : "–");

function machineFacts() {
  const sh = (cmd: string) => {
    try {
      return execSync(cmd, { encoding: "utf8" }).trim();
    } catch {
      return "?";
    }
  };
  return {
    nproc: sh("nproc"),
    cpu: os.cpus()[0]?.model ?? "?",
    ramGiB: (os.totalmem() / 2 ** 30).toFixed(1),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    next: JSON.parse(readFileSync("node_modules/next/package.json", "utf8")).version as string,
    loadavgStart: os.loadavg().map((x) => x.toFixed(2)).join(" "),
  };
}

async function pgFacts(url: string) {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [{ version }] = await sql`select version()`;
    const settings = await sql`select name, setting, unit from pg_settings where name in
      ('shared_buffers', 'work_mem', 'effective_cache_size', 'random_page_cost', 'max_connections', 'jit') order by name`;
    return {
      version: version as string,
      settings: settings.map((s) => `${s.name}=${s.setting}${s.unit ?? ""}`).join(", "),
    };
  } finally {
    await sql.end();
  }
}

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect(port, "127.0.0.1");
    s.once("connect", () => {
      s.destroy();
      resolve(false);
    });
    s.once("error", () => resolve(true));
  });
}

function build(): Promise<void> {
  say(`building (next build, NEXT_DIST_DIR=${DIST_DIR}) …`);
  const t0 = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn("node", ["node_modules/next/dist/bin/next", "build"], {
      env: { ...env, NEXT_DIST_DIR: DIST_DIR, NEXT_TELEMETRY_DISABLED: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d) => {
      output += d;
    });
    child.stderr.on("data", (d) => {
      output += d;
    });
    child.on("exit", (code) => {
      writeFileSync(path.join(outDir, "build.log"), output);
      if (code === 0) {
        say(`  built in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
        resolve();
      } else {
        console.error(output.slice(-4000));
        reject(new Error(`next build failed (${code})`));
      }
    });
  });
}

/** The critical report ids of bills, for a session as endpoint 1 shows them (reads) or by SQL (pools). */
async function criticalIds(db: Db, url: string, token: string, readBills: number[], poolBills: number[]) {
  const ids = new Map<number, number[]>();
  const s = (await loadSession(db, token))!;
  for (const bill of readBills) {
    const r = await getCriticalRecords(db, s, bill);
    ids.set(
      bill,
      r.reports.map((x) => x.lab_report.labReportId),
    );
  }
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const rows = await sql<{ bill_id: number; ids: number[] }[]>`
      select bill_id, array_agg(id order by id) as ids from lab_reports
      where bill_id = any(${poolBills}) and critical_values in (1, 2, 4) and sample_collected and not dismissed
      group by bill_id`;
    for (const r of rows) ids.set(r.bill_id, r.ids);
  } finally {
    await sql.end();
  }
  return ids;
}

function pools(typical: number[], large: number[]) {
  const split = (bills: number[], maxDraft: number) => {
    const rest = bills.slice(1);
    const nDraft = Math.max(1, Math.min(maxDraft, Math.floor(rest.length / 2)));
    return { draft: rest.slice(0, nDraft), done: rest.slice(nDraft) };
  };
  const t = split(typical, 64);
  const l = split(large, 32);
  return { draftTypical: t.draft, doneTypical: t.done, draftLarge: l.draft, doneLarge: l.done };
}

async function check(server: Server, cookie: string, sc: Scenario, db: Db) {
  const r = sc.http(1_000_000_000);
  const res = await fetch(new URL(r.path, server.baseURL), {
    method: r.method,
    headers: {
      cookie,
      origin: server.baseURL,
      ...(r.body === undefined ? {} : { "content-type": "application/json" }),
      ...r.headers,
    },
    body: r.body === undefined ? undefined : JSON.stringify(r.body),
  });
  const text = await res.text();
  if (res.status < 200 || res.status > 299) throw new Error(`${sc.id}: HTTP ${res.status} ${text.slice(0, 400)}`);
  if (sc.kind !== "write") {
    // The endpoint and the raw functions must answer the same thing (they run the same SQL).
    const raw = JSON.stringify(await sc.raw(db, 1_000_000_001));
    if (raw !== JSON.stringify(JSON.parse(text))) throw new Error(`${sc.id}: HTTP and raw answers differ`);
  }
  return text.length;
}

async function measureDataset(ds: Dataset, opts: { explain: boolean; bundles: boolean }) {
  const rows: Row[] = [];
  const probes: Probe[] = [];
  let explained: ExplainedStatement[] = [];
  let bundles: BundleReport | undefined;
  if (!(await portFree(PORT))) throw new Error(`port ${PORT} is in use; set BENCH_PORT`);

  say(`\n== ${ds.name} (${ds.meta.counts.lab_reports.toLocaleString("en-US")} reports): next start on :${PORT}`);
  // The escalation worker would escalate the dataset's old open reports while endpoints are measured;
  // its own cost is measured apart (README, Performance).
  const server = await startServer(ds.url, PORT, { NEXT_DIST_DIR: DIST_DIR, DB_POOL_MAX: String(POOL_MAX), ESCALATION_WORKER: "0" });
  const handle = await connect({ url: ds.url, max: POOL_MAX });
  const db = handle.db;
  try {
    const cookie = await login(server.baseURL, "bench.support1");
    const token = decodeURIComponent(cookie.slice(cookie.indexOf("=") + 1));
    const runId = `bench-${stamp}`;
    const { typicalBills, largeBills } = ds.meta;
    const p = pools(typicalBills, largeBills);
    const ids = await criticalIds(db, ds.url, token, [typicalBills[0], largeBills[0]], [
      ...p.draftTypical,
      ...p.doneTypical,
      ...p.draftLarge,
      ...p.doneLarge,
    ]);
    const sql = postgres(ds.url, { max: 1, onnotice: () => {} });
    const [{ id: departmentId }] = await sql`select id from departments where lab_id = (select lab_id from bills where id = ${typicalBills[0]}) and name = 'Hematology'`;
    await sql.end();
    const ctx: ScenarioContext = {
      token,
      runId,
      typicalBill: typicalBills[0],
      largeBill: largeBills[0],
      ids,
      pools: p,
      departmentId,
    };
    const scenarios = buildScenarios(ctx).filter((s) => !ONLY || ONLY.has(s.id));

    for (const sc of EXPLAIN_ONLY ? [] : scenarios) {
      const bytes = await check(server, cookie, sc, db);
      // Warm-up: the route's modules load on first use, the JIT and the pools settle.
      await httpLoad({ baseURL: server.baseURL, cookie, connections: 1, seconds: WARMUP_SECONDS, request: sc.http, offset: 900_000_000 });
      await rawLoad({ concurrency: 1, seconds: WARMUP_SECONDS / 2, fn: (i) => sc.raw(db, i), offset: 900_000_000 });
      for (const concurrency of CONCURRENCY) {
        // HTTP and raw in interleaved slices, so that the shared machine's background load weighs
        // on both alike.
        const httpSlices: Sample[] = [];
        const rawSlices: Sample[] = [];
        let failure = "";
        for (let slice = 0; slice < SLICES; slice++) {
          const offset = concurrency * 10_000_000 + slice * 1_000_000;
          httpSlices.push(
            await httpLoad({
              baseURL: server.baseURL,
              cookie,
              connections: concurrency,
              seconds: SECONDS / SLICES,
              request: sc.http,
              offset,
              onFailure: (status, body) => {
                failure ||= `HTTP ${status} ${body.slice(0, 300)}`;
              },
            }),
          );
          rawSlices.push(await rawLoad({ concurrency, seconds: RAW_SECONDS / SLICES, fn: (i) => sc.raw(db, i), offset }));
        }
        if (failure) console.error(`  ${sc.id} c=${concurrency}: first failure: ${failure}`);
        const http = merge(httpSlices);
        const raw = merge(rawSlices);
        const row: Row = {
          dataset: ds.name,
          scale: ds.scale,
          scenario: sc.id,
          endpoint: sc.endpoint,
          size: sc.size,
          concurrency,
          http,
          raw,
          ratio: http.p50 / raw.p50,
          ratioTarget: sc.ratioTarget,
        };
        rows.push(row);
        say(
          `  ${sc.id.padEnd(17)} c=${String(concurrency).padEnd(2)} p50 ${ms(http.p50).padStart(6)} ms  p99 ${ms(http.p99).padStart(6)} ms  ` +
            `${http.rps.toFixed(0).padStart(5)} req/s  raw p50 ${ms(raw.p50).padStart(6)} ms  ratio ${row.ratio.toFixed(2)}` +
            `${http.non2xx || http.errors ? `  (${http.non2xx} non-2xx, ${http.errors} errors)` : ""}  [${bytes} B]`,
        );
      }
    }

    if (!EXPLAIN_ONLY) {
      // The fixed cost of a request to this server, whatever the endpoint: a static chunk (no proxy,
      // no route code), a route answering 401 before any query (proxy + route + error envelope), and
      // /auth/me (one query: the session lookup) against that lookup run raw.
      const page = await (await fetch(new URL("/login", server.baseURL))).text();
      const chunk = /<script\b[^>]*\ssrc="(\/_next\/static\/[^"]+)"/.exec(page)?.[1];
      const probe = async (name: string, path: string, withCookie: boolean, ok?: (s: number) => boolean) => {
        const slices: Sample[] = [];
        for (let slice = 0; slice < SLICES; slice++) {
          slices.push(
            await httpLoad({
              baseURL: server.baseURL,
              cookie: withCookie ? cookie : "",
              connections: 1,
              seconds: PROBE_SECONDS / SLICES,
              request: () => ({ method: "GET", path }),
              ok,
            }),
          );
        }
        return { name, path, stats: merge(slices) };
      };
      if (chunk) probes.push(await probe("static chunk (no proxy, no route)", chunk, false));
      probes.push(await probe("API route answering 401 (proxy + route, no query)", "/auth/me", false, (s) => s === 401));
      probes.push(await probe("GET /auth/me (proxy + route + session lookup)", "/auth/me", true));
      const raw = merge([await rawLoad({ concurrency: 1, seconds: PROBE_SECONDS, fn: () => loadSession(db, token) })]);
      probes.push({ name: "raw session lookup (loadSession)", path: "-", stats: raw });
      for (const p of probes) say(`  probe: ${p.name.padEnd(52)} p50 ${ms(p.stats.p50).padStart(6)} ms  p99 ${ms(p.stats.p99).padStart(6)} ms`);
    }

    if (opts.explain) {
      say("  EXPLAIN (ANALYZE, BUFFERS) of every statement …");
      const cases: ExplainCase[] = scenarios.map((sc) => ({ name: `support-${sc.id}`, run: (x) => sc.raw(x, 2_000_000_000), write: sc.kind === "write" }));
      // The same endpoints for a department-scoped login (its scope adds a subquery to every statement).
      const tech = (await db.query.users.findFirst({ where: (u, { eq }) => eq(u.username, "bench.tech1") }))!;
      const { token: techToken } = await createSession(db, tech);
      const techBills = [typicalBills[0], largeBills[0], p.draftTypical[0], p.doneTypical[0], p.draftLarge[0], p.doneLarge[0]];
      const techIds = new Map<number, number[]>();
      const techSession = (await loadSession(db, techToken))!;
      for (const bill of techBills) {
        techIds.set(
          bill,
          (await getCriticalRecords(db, techSession, bill)).reports.map((r) => r.lab_report.labReportId),
        );
      }
      const one = (xs: number[]) => xs.slice(0, 1);
      const techScenarios = buildScenarios({
        ...ctx,
        token: techToken,
        ids: techIds,
        pools: { draftTypical: one(p.draftTypical), doneTypical: one(p.doneTypical), draftLarge: one(p.draftLarge), doneLarge: one(p.doneLarge) },
      }).filter((s) => !ONLY || ONLY.has(s.id));
      cases.push(...techScenarios.map((sc) => ({ name: `tech-${sc.id}`, run: (x: Db) => sc.raw(x, 2_000_000_001), write: sc.kind === "write" })));
      // The worklist's search, sorted by patient: a scan of the lab's bills by design (see the report).
      const { getWorklist } = await import("../db/queries/worklist");
      const { worklistQuerySchema } = await import("../contracts/worklist");
      cases.push({
        name: "support-wl-search",
        run: async (x) => getWorklist(x, (await loadSession(x, token))!, worklistQuerySchema.parse({ tab: "pending", q: "Patel", sort: "patient" })),
      });
      explained = await explainCases(ds.url, path.join(outDir, "plans"), cases);
      const flagged = explained.filter((e) => e.largeSeqScans.length);
      say(`  ${explained.length} statements explained; Seq Scan on a large table: ${flagged.length ? flagged.map((f) => `${f.file} (${f.largeSeqScans.join(", ")})`).join("; ") : "none"}`);
    }

    if (opts.bundles) {
      bundles = await measureBundles({
        baseURL: server.baseURL,
        cookie,
        distDir: DIST_DIR,
        pages: [
          { name: "bill page", path: `/bills/${typicalBills[0]}` },
          { name: "worklist", path: "/worklist" },
          { name: "compliance", path: "/compliance?from=2025-11-20&to=2026-11-21" },
        ],
      });
      for (const line of bundleLines(bundles)) say(`  ${line}`);
    }
  } finally {
    await handle.close();
    await stopServer(server);
  }
  return { rows, explained, bundles, probes };
}

// ---------------------------------------------------------------------------------------------
// Output

const verdict = (ok: boolean) => (ok ? "yes" : "NO");

function targetCell(row: Row, small?: Row): string {
  if (row.concurrency !== 1) return "–";
  const parts: string[] = [];
  if (row.ratioTarget) parts.push(`ratio≤${row.ratioTarget} ${verdict(row.ratio <= row.ratioTarget)}`);
  if (small) parts.push(`1M/10k≤${SCALE_TARGET} ${verdict(row.http.p50 / small.http.p50 <= SCALE_TARGET)}`);
  return parts.join(", ") || "–";
}

function table(rows: Row[], smallRows: Row[]): string[] {
  const header = "| endpoint | bill size | conc | p50 ms | p99 ms | req/s | raw p50 ms | ratio | p50 vs small | target met? |";
  const lines = [header, "|---|---|---:|---:|---:|---:|---:|---:|---:|---|"];
  for (const r of rows) {
    const small = smallRows.find((s) => s.scenario === r.scenario && s.concurrency === r.concurrency);
    lines.push(
      `| ${r.endpoint} | ${r.size} | ${r.concurrency} | ${ms(r.http.p50)} | ${ms(r.http.p99)} | ${r.http.rps.toFixed(0)} | ${ms(r.raw.p50)} | ${r.ratio.toFixed(2)} | ${small ? `${(r.http.p50 / small.http.p50).toFixed(2)}×` : "–"} | ${targetCell(r, small)} |`,
    );
  }
  return lines;
}

function plainTable(rows: Row[], smallRows: Row[]): string {
  const cols = ["endpoint", "bill size", "c", "p50", "p99", "req/s", "raw p50", "ratio", "vs 10k", "target met?"];
  const data = rows.map((r) => {
    const small = smallRows.find((s) => s.scenario === r.scenario && s.concurrency === r.concurrency);
    return [
      r.endpoint,
      r.size,
      String(r.concurrency),
      ms(r.http.p50),
      ms(r.http.p99),
      r.http.rps.toFixed(0),
      ms(r.raw.p50),
      r.ratio.toFixed(2),
      small ? `${(r.http.p50 / small.http.p50).toFixed(2)}x` : "-",
      targetCell(r, small),
    ];
  });
  const widths = cols.map((c, i) => Math.max(c.length, ...data.map((d) => d[i].length)));
  const fmt = (cells: string[]) => cells.map((c, i) => (i >= 2 && i <= 8 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join("  ");
  return [fmt(cols), widths.map((w) => "-".repeat(w)).join("  "), ...data.map(fmt)].join("\n");
}

async function main() {
  if (!ADMIN_URL) {
    console.error("npm run bench needs DATABASE_URL: a PostgreSQL server it may create databases on (e.g. postgres://postgres@127.0.0.1:5432/postgres)");
    process.exit(2);
  }
  mkdirSync(outDir, { recursive: true });
  const machine = machineFacts();
  const pg = await pgFacts(ADMIN_URL);
  say(`bench → ${outDir}\nmachine: ${machine.nproc} cores (${machine.cpu}), ${machine.ramGiB} GiB RAM, load ${machine.loadavgStart}; ${pg.version.split(" on ")[0]}`);

  if (env.BENCH_SKIP_BUILD !== "1") await build();
  // The stick runs `next start` on the build in DIST_DIR (it builds .next itself only when that has no BUILD_ID).
  const peer: PeerResult | null = PEER || PEER_ONLY ? await runPeer(path.join(outDir, "peer"), say, { ...env, NEXT_DIST_DIR: DIST_DIR }) : null;
  const goals = peer ? peerTable(peer) : null;
  if (PEER_ONLY) {
    const md = [`# Measuring stick ${stamp}`, "", `Machine: load average ${machine.loadavgStart} at start, ${os.loadavg().map((x) => x.toFixed(2)).join(" ")} at the end.`, "", ...(goals?.lines ?? ["(skipped)"]), "", "Oracle:", "", "```", peer?.oracle ?? "", "```", ""];
    writeFileSync(path.join(outDir, "report.md"), md.join("\n"));
    say(`\n== Goals (issue 17), load ${machine.loadavgStart} → ${os.loadavg().map((x) => x.toFixed(2)).join(" ")}\n`);
    say((goals?.lines ?? ["(the stick was skipped)"]).join("\n"));
    if (peer) say(`\noracle:\n${peer.oracle}`);
    say(`\nreport: ${path.join(outDir, "report.md")}`);
    return;
  }

  const datasets: Dataset[] = [];
  if (SMALL_SCALE > 0) datasets.push(await ensureDataset(ADMIN_URL, SMALL_SCALE, say));
  const big = await ensureDataset(ADMIN_URL, SCALE, say);
  datasets.push(big);


  const results: Record<string, Awaited<ReturnType<typeof measureDataset>>> = {};
  for (const ds of datasets) {
    const isBig = ds === big;
    results[ds.name] = await measureDataset(ds, { explain: isBig, bundles: isBig });
  }
  const bigRows = results[big.name].rows;
  const smallRows = SMALL_SCALE > 0 ? results[datasets[0].name].rows : [];
  const { explained, bundles, probes } = results[big.name];
  const probe = (prefix: string) => probes.find((p) => p.name.startsWith(prefix))?.stats.p50 ?? Number.NaN;
  const overhead = probe("GET /auth/me") - probe("raw session");
  const finished = new Date();
  const loadavgEnd = os.loadavg().map((x) => x.toFixed(2)).join(" ");

  // Targets.
  const c1 = bigRows.filter((r) => r.concurrency === 1);
  const missed: string[] = [];
  const met: string[] = [];
  for (const r of c1) {
    const name = `${r.endpoint}, ${r.size}`;
    if (r.ratioTarget) (r.ratio <= r.ratioTarget ? met : missed).push(`${name}: ratio ${r.ratio.toFixed(2)} (≤ ${r.ratioTarget})`);
    const small = smallRows.find((s) => s.scenario === r.scenario && s.concurrency === 1);
    if (small) {
      const k = r.http.p50 / small.http.p50;
      (k <= SCALE_TARGET ? met : missed).push(`${name}: p50 at ${big.name} / ${datasets[0].name} = ${k.toFixed(2)} (≤ ${SCALE_TARGET})`);
    }
  }
  const flagged = explained.filter((e) => e.largeSeqScans.length);
  (flagged.length ? missed : met).push(
    `no Seq Scan on a large table in ${explained.length} explained statements${flagged.length ? `: ${flagged.map((f) => f.file).join(", ")}` : ""}`,
  );
  const billPage = bundles?.pages.find((p) => p.name === "bill page");
  if (billPage) {
    (billPage.totalGzip <= 150 * 1024 ? met : missed).push(`bill page first-load JS ${kb(billPage.totalGzip)} gzip (≤ 150 kB)`);
    const modalOut = bundles!.modalChunks.length > 0 && bundles!.pages.every((p) => p.modalInFirstLoad.length === 0);
    (modalOut ? met : missed).push(`modal code loaded on demand (${bundles!.modalChunks.length} modal chunk(s), none in a page's first load)`);
  }

  const summary = plainTable(bigRows, smallRows);
  const md: string[] = [
    `# Benchmark ${stamp}`,
    "",
    `Run: \`npm run bench\` from ${started.toISOString()} to ${finished.toISOString()} (${((finished.getTime() - started.getTime()) / 60000).toFixed(1)} min).`,
    "",
    "## Machine",
    "",
    `- ${machine.nproc} cores (${machine.cpu}), ${machine.ramGiB} GiB RAM, ${machine.os}; load average ${machine.loadavgStart} at start, ${loadavgEnd} at the end (1/5/15 min; the machine is shared, so numbers are noisy).`,
    `- ${pg.version}; ${pg.settings}.`,
    `- Node ${machine.node}, Next.js ${machine.next} (\`next start\`, production build in \`${DIST_DIR}\`), app pool DB_POOL_MAX=${POOL_MAX}; server, PostgreSQL and load generator on the same machine (loopback).`,
    "",
    "## Datasets",
    "",
    ...datasets.map(
      (d) =>
        `- \`${d.name}\` (scale ${d.scale}, ${d.reused ? "reused" : `built in ${d.meta.buildSeconds} s`}): ${Object.entries(d.meta.counts)
          .map(([k, v]) => `${k} ${v.toLocaleString("en-US")}`)
          .join(", ")}. Typical bill ${d.meta.typicalBills[0]}, large bill ${d.meta.largeBills[0]} (lab 1, login \`bench.support1\`).`,
    ),
    "",
    "## Method",
    "",
    `- HTTP: autocannon, keep-alive, closed loop with 1 and 32 connections, ${SECONDS} s per cell after a ${WARMUP_SECONDS} s warm-up; latency per 2xx response (sub-ms precision), req/s = 2xx responses / duration.`,
    `- Raw: the same query functions of \`db/queries\` (session lookup \`loadSession\` first, then the endpoint's function) on a postgres.js drizzle handle with the same pool size, called back to back by 1 or 32 workers for ${RAW_SECONDS} s. Before each scenario the HTTP answer and the raw answer are checked to be identical.`,
    "- Endpoint 2 and 3 get the bill's critical report ids (what the modal sends: those endpoint 1 returns).",
    "- Endpoint 4: every request is a valid callout on the bill's critical reports, with a fresh Idempotency-Key. `draft` saves an attempt (is_draft true: deletes and rewrites the bill's draft, statuses → 4, one log row), repeatable, rotating over a pool of bills so that 32 connections do not queue on one bill's lock; `done` (is_draft false: one callout row per report with its snapshot, statuses → 2, one log row, two outbox e-mails) rotates over a separate pool of bills (a done callout may be repeated on done reports, so the pool may wrap). Each request: Referral (+ Organization) recipients, e-mail, a phone call with read-back on done.",
    "- Worklist (`/api/worklist`): Pending tab page 1, Done tab page 1, and Pending filtered by department (Hematology) and status.",
    "- Targets: ratio (endpoint p50 / raw p50) ≤ 1.5 at concurrency 1 for endpoints 1–3, ≤ 2 for the write; p50 at the large dataset ≤ 1.2× p50 at the small one.",
    "",
    "## Goals (issue 17): the app beside its peer, raw SQL and the floor",
    "",
    ...(goals ? [...goals.lines, "", `Measured by \`bench/peer.ts\` (the shared stick, \`peer/\`); oracle:`, "", "```", peer!.oracle, "```"] : ["(the stick was skipped)"]),
    "",
    `## Summary (${big.name})`,
    "",
    ...table(bigRows, smallRows),
    "",
    ...(smallRows.length ? [`## Small dataset (${datasets[0].name})`, "", ...table(smallRows, []), ""] : []),
    "## Targets",
    "",
    ...met.map((m) => `- met: ${m}`),
    ...missed.map((m) => `- **missed**: ${m}`),
    "",
    "## Fixed cost of a request",
    "",
    `Concurrency 1, ${PROBE_SECONDS} s each, on ${big.name}:`,
    "",
    "| probe | p50 ms | p99 ms |",
    "|---|---:|---:|",
    ...probes.map((p) => `| ${p.name} | ${ms(p.stats.p50)} | ${ms(p.stats.p99)} |`),
    "",
    `The server adds about ${ms(overhead)} ms to every request beyond its queries (/auth/me minus its one raw query). An endpoint's ratio stays within 1.5 only when its raw p50 is at least twice that (${ms(2 * overhead)} ms).`,
    "",
    "## Query plans",
    "",
    `EXPLAIN (ANALYZE, BUFFERS) of every statement of every scenario, for the support login and a department-scoped login (\`bench.tech1\`), at ${big.name}: \`plans/\`.`,
    "",
    "| plan | execution ms | seq scans |",
    "|---|---:|---|",
    ...explained.map((e) => `| ${e.file} | ${ms(e.executionMs)} | ${e.seqScans.length ? e.seqScans.map((s) => (e.largeSeqScans.includes(s) ? `**${s}**` : s)).join(", ") : "–"} |`),
    "",
    "## Front end",
    "",
    ...(bundles ? ["```", ...bundleLines(bundles), "```", ""] : ["(not measured)", ""]),
  ];
  writeFileSync(path.join(outDir, "report.md"), `${md.join("\n")}\n`);
  writeFileSync(path.join(outDir, "results.json"), JSON.stringify({ machine, pg, datasets, results }, null, 2));

  if (goals) {
    say("\n== Goals (issue 17): app, peer, raw SQL, floor\n");
    say(goals.lines.join("\n"));
    for (const m of goals.missed) missed.push(m);
  }
  say(`\n== Summary (${big.name}${smallRows.length ? `; "vs 10k" = p50 / p50 at ${datasets[0].name}` : ""})\n`);
  say(summary);
  say(`\nFixed cost of a request (${big.name}, c=1):`);
  for (const p of probes) say(`  ${p.name.padEnd(52)} p50 ${ms(p.stats.p50).padStart(6)} ms`);
  say("\nTargets:");
  for (const m of met) say(`  met:    ${m}`);
  for (const m of missed) say(`  MISSED: ${m}`);
  if (bundles) {
    say("\nFront end:");
    for (const line of bundleLines(bundles)) say(`  ${line}`);
  }
  say(`\nreport: ${path.join(outDir, "report.md")}`);
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
