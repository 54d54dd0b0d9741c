// The compliance query (DESIGN §11) on a bench dataset, without the HTTP server: p50 of 15 runs per
// grouping for a support login and a department-scoped one, a year of lab 1, the page's four
// statements together, and EXPLAIN (ANALYZE, BUFFERS) of the by-month statement.
// Usage: tsx bench/compliance-probe.ts postgres://…/cc_bench_1
import postgres from "postgres";
import { connect } from "../db/connect";
import { complianceQuery, getCompliance } from "../db/queries/compliance";
import { getComplianceReport } from "../db/queries/compliance-report";
import { createSession, loadSession, findUserForLogin } from "../db/queries/sessions";
import { getNotifySettings } from "../db/queries/settings";
import { complianceQuerySchema } from "../contracts/compliance";

const url = process.argv[2];
const h = await connect({ url, max: 2 });
const out: Record<string, unknown> = {};
for (const username of ["bench.support1", "bench.tech1"]) {
  const u = await findUserForLogin(h.db, username);
  const { token } = await createSession(h.db, { id: u!.id, labId: u!.labId, departmentIds: u!.departmentIds ?? [] });
  const s = (await loadSession(h.db, token))!;
  const settings = await getNotifySettings(h.db, s.labId);
  for (const group_by of [undefined, "month", "department", "shift"] as const) {
    const q = complianceQuerySchema.parse({ from: "2025-11-20", to: "2026-11-21", group_by });
    const times: number[] = [];
    for (let i = 0; i < 15; i++) { const t0 = performance.now(); await getCompliance(h.db, s, q, new Date(), settings); times.push(performance.now() - t0); }
    times.sort((a, b) => a - b);
    const r = await getCompliance(h.db, s, q);
    out[`${username} ${group_by ?? "none"}`] = { p50: times[7].toFixed(1), max: times[14].toFixed(1), n: r.measures.critical_reports, groups: r.groups.length, median: r.measures.median_minutes };
  }
  const q = complianceQuerySchema.parse({ from: "2025-11-20", to: "2026-11-21", group_by: "month" });
  const t: number[] = [];
  for (let i = 0; i < 7; i++) { const t0 = performance.now(); await getComplianceReport(h.db, s, { ...q, group_by: "department" }); t.push(performance.now() - t0); }
  t.sort((a, b) => a - b);
  out[`${username} page (4 statements)`] = { p50: t[3].toFixed(1) };
  const { sql: text, params } = (h.db as unknown as { dialect: { sqlToQuery: (q: unknown) => { sql: string; params: unknown[] } } }).dialect.sqlToQuery(complianceQuery(s, q, settings, new Date()));
  const pg = postgres(url, { max: 1 });
  const plan = await pg.unsafe(`explain (analyze, buffers) ${text}`, params as never[]);
  console.log(`--- ${username} group_by=month\n` + plan.map((r: Record<string, string>) => r["QUERY PLAN"]).join("\n"));
  await pg.end();
}
console.log(JSON.stringify(out, null, 1));
await h.close();
