// EXPLAIN (ANALYZE, BUFFERS) of every statement an endpoint runs. The statements are captured from
// the app's own query functions (a drizzle logger on a one-connection postgres.js handle, so they come
// in the order they are sent), then replayed under EXPLAIN with the same parameters: reads one by one,
// a write's statements in order inside one transaction that is rolled back (the capture itself runs
// in a rolled-back transaction too, so nothing is left behind).
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Logger } from "drizzle-orm";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import type { Db } from "../db/connect";
import * as schema from "../db/schema";

/** Tables whose sequential scan fails the bench (DESIGN §2's large tables). */
export const LARGE_TABLES = ["lab_reports", "report_values", "activity_logs", "critical_callouts", "bills"];

export interface ExplainCase {
  name: string;
  /** Runs the endpoint's queries (session lookup included) on the given handle. */
  run: (db: Db) => Promise<unknown>;
  write?: boolean;
}

export interface ExplainedStatement {
  file: string;
  case: string;
  index: number;
  query: string;
  executionMs: number;
  seqScans: string[];
  largeSeqScans: string[];
}

class Rollback extends Error {}

export async function explainCases(url: string, outDir: string, cases: ExplainCase[]): Promise<ExplainedStatement[]> {
  mkdirSync(outDir, { recursive: true });
  let captured: { query: string; params: unknown[] }[] = [];
  const logger: Logger = { logQuery: (query, params) => captured.push({ query, params }) };
  const client = postgres(url, { max: 1, onnotice: () => {} });
  const db = drizzle(client, { schema, logger }) as unknown as Db;
  const replay = postgres(url, { max: 1, onnotice: () => {} });
  drizzle(replay, { schema }); // the same type serializers as the app's client
  const out: ExplainedStatement[] = [];
  try {
    for (const c of cases) {
      captured = [];
      // A write's later statements carry ids its inserts returned: the replay must get the same ids,
      // so the sequences go back to where the capture found them (nothing else writes meanwhile).
      const sequences = c.write ? await replay<{ name: string; last: string | null }[]>`
        select sequencename as name, last_value::text as last from pg_sequences where schemaname = 'public'` : [];
      try {
        await db.transaction(async (tx) => {
          await c.run(tx as unknown as Db);
          throw new Rollback();
        });
      } catch (err) {
        if (!(err instanceof Rollback)) throw err;
      }
      const statements = captured.filter((s) => /^\s*(select|insert|update|delete|with)\b/i.test(s.query));
      const plans: string[] = [];
      for (const q of sequences) {
        await replay`select setval(${`public.${q.name}`}, ${q.last ?? "1"}::bigint, ${q.last != null})`;
      }
      await replay
        .begin(async (tx) => {
          for (const s of statements) {
            const rows = await tx.unsafe(`explain (analyze, buffers) ${s.query}`, s.params as postgres.ParameterOrJSON<never>[]);
            plans.push(rows.map((r) => r["QUERY PLAN"]).join("\n"));
          }
          throw new Rollback();
        })
        .catch((err) => {
          if (!(err instanceof Rollback)) throw err;
        });
      statements.forEach((s, i) => {
        const plan = plans[i];
        const file = `${c.name}-${String(i + 1).padStart(2, "0")}.txt`;
        const seqScans = [...plan.matchAll(/Seq Scan on (\w+)/g)].map((m) => m[1]);
        const executionMs = Number(/Execution Time: ([\d.]+) ms/.exec(plan)?.[1] ?? Number.NaN);
        writeFileSync(
          path.join(outDir, file),
          `-- ${c.name}, statement ${i + 1} of ${statements.length}${c.write ? " (replayed in a rolled-back transaction)" : ""}\n` +
            `${s.query}\n-- params: ${JSON.stringify(s.params)}\n\n${plan}\n`,
        );
        out.push({
          file,
          case: c.name,
          index: i + 1,
          query: s.query,
          executionMs,
          seqScans,
          largeSeqScans: seqScans.filter((tbl) => LARGE_TABLES.includes(tbl)),
        });
      });
    }
  } finally {
    await client.end();
    await replay.end();
  }
  return out;
}
