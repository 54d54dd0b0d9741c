// Endpoint 1 evaluates every report of a bill in one batch: its query count is fixed, not per report.
import { afterAll, beforeAll, expect, it } from "vitest";
import { GET as recordsRoute } from "../../app/report/[billId]/critical/records/route";
import * as t from "../../db/schema";
import { queryCounter, type TestDb } from "../support/db";
import type { Scenario } from "../support/fixtures";
import { call } from "../support/http";
import { loginAs } from "../support/session";
import { openScenario } from "../support/world";

let tdb: TestDb;
let s: Scenario;
let cookie: string;

beforeAll(async () => {
  ({ tdb, s } = await openScenario());
  cookie = await loginAs(s.users.support.username);
});
afterAll(() => tdb.dispose());

async function billWithCriticalReports(n: number) {
  const [bill] = await tdb.db
    .insert(t.bills)
    .values({ labId: s.labA.id, patientId: s.patient.id, docId: s.doctors.ref1.id, accessionNo: `QC-${n}` })
    .returning();
  const reports = await tdb.db
    .insert(t.labReports)
    .values(
      Array.from({ length: n }, (_, i) => ({
        labId: s.labA.id, billId: bill.id, patientId: s.patient.id, testId: i % 2 ? s.tests.cbc.id : s.tests.potassium.id,
        sampleCollected: true, sampleCollectedAt: new Date(), criticalValues: 1,
      })),
    )
    .returning();
  await tdb.db.insert(t.reportValues).values(
    reports.flatMap((r, i) =>
      i % 2
        ? [{ labReportId: r.id, parameterId: s.params.hgb.id, valueNumeric: "5.5" }, { labReportId: r.id, parameterId: s.params.plt.id, valueNumeric: "1500" }]
        : [{ labReportId: r.id, parameterId: s.params.k.id, valueNumeric: "1.2" }],
    ),
  );
  return bill.id;
}

async function countQueries(billId: number) {
  const before = queryCounter.count;
  const res = await call(recordsRoute, `/report/${billId}/critical/records`, { cookie, params: { billId: String(billId) } });
  return { res, queries: queryCounter.count - before };
}

it("uses the same number of queries for a bill of 2 reports and one of 60", async () => {
  const small = await countQueries(await billWithCriticalReports(2));
  const large = await countQueries(await billWithCriticalReports(60));
  expect(small.res.json.reports).toHaveLength(2);
  expect(large.res.json.reports).toHaveLength(60);
  expect(large.res.json.reports[1].critical_parameters.map((p: { flag: string }) => p.flag)).toEqual(["LL", "HH"]);
  expect(large.queries).toBe(small.queries);
  // session, then one read-only snapshot (its BEGIN counts on PGlite): bill, reports, values, ranges,
  // draft, and the notify settings (the clock's target)
  expect(small.queries).toBeLessThanOrEqual(8);
});
