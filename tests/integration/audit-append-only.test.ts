// The audit trail cannot be changed, even by someone with a SQL prompt on the app's connection.
import { and, eq, isNotNull, isNull, sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { pgErrorCode } from "../../db/pg-error";
import * as t from "../../db/schema";
import type { TestDb } from "../support/db";
import type { Scenario } from "../support/fixtures";
import { openScenario } from "../support/world";

let tdb: TestDb;
let s: Scenario;
beforeAll(async () => {
  ({ tdb, s } = await openScenario());
});
afterAll(() => tdb.dispose());

async function refused(run: () => Promise<unknown>) {
  const err = await run().then(
    () => null,
    (e) => e,
  );
  expect(err, "the statement should have been refused").not.toBeNull();
  expect(pgErrorCode(err)).toBe("42501");
}

it("refuses to update, delete or truncate activity log entries", async () => {
  const before = await tdb.db.select().from(t.activityLogs).where(eq(t.activityLogs.labId, s.labA.id));
  await refused(() => tdb.db.update(t.activityLogs).set({ activityText: "edited" }).where(eq(t.activityLogs.labId, s.labA.id)));
  await refused(() => tdb.db.delete(t.activityLogs).where(eq(t.activityLogs.labId, s.labA.id)));
  await refused(() => tdb.db.execute(sql`truncate activity_logs cascade`));
  expect(await tdb.db.select().from(t.activityLogs).where(eq(t.activityLogs.labId, s.labA.id))).toEqual(before);
});

it("refuses to update or delete done callout records, but lets a draft be replaced", async () => {
  const done = and(eq(t.criticalCallouts.billId, s.bill1.id), isNotNull(t.criticalCallouts.labReportId));
  const [record] = await tdb.db.select().from(t.criticalCallouts).where(done);
  await refused(() => tdb.db.update(t.criticalCallouts).set({ criticalCalloutComment: "rewritten" }).where(done));
  await refused(() => tdb.db.delete(t.criticalCallouts).where(done));
  await refused(() => tdb.db.execute(sql`truncate critical_callouts cascade`));
  expect(await tdb.db.select().from(t.criticalCallouts).where(eq(t.criticalCallouts.id, record.id))).toEqual([record]);

  const draft = and(eq(t.criticalCallouts.billId, s.bill1.id), isNull(t.criticalCallouts.labReportId));
  const deleted = await tdb.db.delete(t.criticalCallouts).where(draft).returning();
  expect(deleted).toHaveLength(1);
});
