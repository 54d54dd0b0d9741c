// The hot endpoints let PostgreSQL reuse a generic plan; the browsing reads (worklist, its export,
// compliance, the FHIR search) must be planned for their values, or a department-scoped worklist gets
// a plan made for no department in particular (bench/NOTES.md). A read that still plans generically
// shows no wrong answer, only a slow one, so these tests look at the setting the statements ran under.
import { sql, TransactionRollbackError } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { complianceQuerySchema } from "../../contracts/compliance";
import { communicationSearchSchema } from "../../contracts/fhir";
import { worklistQuerySchema } from "../../contracts/worklist";
import type { Db, Queryable } from "../../db/connect";
import { withCustomPlans } from "../../db/custom-plans";
import { pgErrorCode } from "../../db/pg-error";
import { calloutLogsJson } from "../../db/queries/callout-logs";
import { getCompliance } from "../../db/queries/compliance";
import { searchCommunications } from "../../db/queries/fhir-communications";
import { getWorklist } from "../../db/queries/worklist";
import { getWorklistExport } from "../../db/queries/worklist-export";
import { labs } from "../../db/schema";
import type { SessionContext } from "../../domain/auth/session-context";
import type { TestDb } from "../support/db";
import { openScenarioSignedIn } from "../support/session";

let tdb: TestDb;
let tech: SessionContext;

beforeAll(async () => {
  const opened = await openScenarioSignedIn();
  tdb = opened.tdb;
  tech = Object.values(opened.sessions).find((x) => x.kind === "lab_user" && x.departmentScope) ?? Object.values(opened.sessions)[0];
});
afterAll(() => tdb.dispose());

const planMode = async (db: Queryable) => {
  const rows = (await db.execute(sql`select current_setting('plan_cache_mode') as mode`)) as unknown;
  const list = Array.isArray(rows) ? rows : (rows as { rows: { mode: string }[] }).rows;
  return (list[0] as { mode: string }).mode;
};

/** The plan mode a read left in a transaction the test opened around it (and rolled back). */
async function modeAfter(read: (db: Queryable) => Promise<unknown>): Promise<string> {
  let mode = "";
  await (tdb.db as Db)
    .transaction(async (tx) => {
      await read(tx);
      mode = await planMode(tx);
      tx.rollback();
    })
    .catch((err: unknown) => {
      if (!(err instanceof TransactionRollbackError)) throw err;
    });
  return mode;
}

describe("plans for the values", () => {
  it("plans the app's other statements the default way", async () => {
    expect(await planMode(tdb.db)).toBe("auto");
  });

  it("runs a read planned for its values, read-only, and leaves the connection as it was", async () => {
    expect(await withCustomPlans(tdb.db, planMode)).toBe("force_custom_plan");
    // An UPDATE that matches no row is still refused in a read-only transaction, and only there.
    const touch = (db: Queryable) => db.update(labs).set({ name: sql`${labs.name}` }).where(sql`false`);
    const refused = await withCustomPlans(tdb.db, touch).then(() => "written", pgErrorCode);
    expect(refused).toBe("25006"); // read_only_sql_transaction
    await expect(touch(tdb.db)).resolves.toBeDefined();
    expect(await planMode(tdb.db)).toBe("auto");
  });

  it.each([
    ["the worklist", (db: Queryable) => getWorklist(db, tech, worklistQuerySchema.parse({}))],
    ["the worklist export", (db: Queryable) => getWorklistExport(db, tech, worklistQuerySchema.parse({}))],
    ["compliance", (db: Queryable) => getCompliance(db, tech, complianceQuerySchema.parse({ from: "2026-01-01", to: "2026-12-31" }))],
    ["the FHIR search", (db: Queryable) => searchCommunications(db, tech, communicationSearchSchema.parse({}))],
  ])("plans %s for its values", async (_, read) => {
    expect(await modeAfter(read)).toBe("force_custom_plan");
  });
});

// postgres.js prepares each statement on its connection (PGlite's driver does not). After five runs
// PostgreSQL may keep a generic plan for a statement, which is planned without the parameters' values:
// it can use the partial GIN index on callout log rows only when the category stands in the text. At
// 1M reports that is what lets endpoint 2 stop being planned on every call (bench/NOTES.md).
describe.skipIf(!process.env.TEST_DATABASE_URL)("generic plans", () => {
  it("endpoint 2's generic plan finds the logs through the partial GIN index", async () => {
    const plan = await (tdb.db as Db).transaction(async (tx) => {
      await calloutLogsJson(tx, tech, [1, 2, 3]);
      const [prepared] = (await tx.execute(sql`select name, parameter_types::text[] as types
        from pg_prepared_statements where statement like '%json_build_object(''logs''%'`)) as unknown as { name: string; types: string[] }[];
      // Any values of the parameters' types: a generic plan does not look at them. The driver names its
      // statements at random, sometimes with a leading digit, hence the quoted name.
      const args = prepared.types.map((t) => (t.endsWith("[]") ? `'{1}'` : "1")).join(", ");
      await tx.execute(sql`set local plan_cache_mode = force_generic_plan`);
      await tx.execute(sql`set local enable_seqscan = off`);
      const rows = (await tx.execute(sql.raw(`explain (format json) execute "${prepared.name}"(${args})`))) as unknown as Record<string, unknown>[];
      return JSON.stringify(rows);
    });
    expect(plan).toContain("activity_logs_callout_reports_gin");
  });
});
