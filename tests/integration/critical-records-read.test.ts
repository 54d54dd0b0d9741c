// Endpoint 1 reads a bill in one statement, its rows as JSON (db/json-rows.ts); the callout write loads
// the same reports with drizzle's own selects. Both must see the same reports with the same columns
// and critical parameters, or the write would act on something other than what the user was shown.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadBillCriticalSnapshot } from "../../db/queries/critical-records-read";
import { type CriticalReport, loadBillCriticalReports } from "../../db/queries/critical-records";
import { clockFacts } from "../../db/queries/report-clock";
import type { SessionContext } from "../../domain/auth/session-context";
import { ApiError } from "../../domain/errors";
import type { TestDb } from "../support/db";
import type { Scenario } from "../support/fixtures";
import { openScenarioSignedIn } from "../support/session";

let tdb: TestDb;
let s: Scenario;
let sessions: Record<string, SessionContext> = {};

beforeAll(async () => {
  ({ tdb, s, sessions } = await openScenarioSignedIn());
});
afterAll(() => tdb.dispose());

// The clock's columns are expressions, which the drivers hand over as text or JSON; clockFacts reads both.
const withClockFacts = (r: CriticalReport) => ({ ...r, row: { ...r.row, clock: clockFacts(r.row.report, r.row.clock!) } });

describe("endpoint 1's one-statement read", () => {
  it("gives every session the reports, columns and critical parameters the write path loads", async () => {
    let compared = 0;
    for (const [who, session] of Object.entries(sessions)) {
      for (const bill of [s.bill1.id, s.bill2.id, s.billB.id]) {
        const loaded = await loadBillCriticalReports(tdb.db, session, bill, { clock: true }).catch(() => null);
        const read = await loadBillCriticalSnapshot(tdb.db, session, bill).catch((e: unknown) => (e instanceof ApiError ? null : Promise.reject(e)));
        if (!read) continue; // a bill the session may not see: endpoint 1's 404 is tested elsewhere
        expect(read.reports.map(withClockFacts), `${who} bill ${bill}`).toEqual(loaded?.map(withClockFacts));
        compared += read.reports.length;
      }
    }
    // Dates come back as Date, numerics as the driver's strings, text arrays as arrays: checked above
    // only if there was something to compare.
    expect(compared).toBeGreaterThan(3);
  });

  it("answers a bill of another lab with a 404, as the bill page does", async () => {
    await expect(loadBillCriticalSnapshot(tdb.db, sessions.support, s.billB.id)).rejects.toMatchObject({ code: "not_found" });
  });
});
