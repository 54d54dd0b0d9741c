// The worklist's clock (DESIGN §9): the lab's target beside each open bill, the "Overdue" filter (page,
// totals and export alike, and validated), and "Escalated" once the worker escalated a bill.
import ExcelJS from "exceljs";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as exportRoute } from "../../app/api/worklist/export/route";
import { GET as worklistRoute } from "../../app/api/worklist/route";
import { putNotifySettings } from "../../db/queries/settings";
import * as t from "../../db/schema";
import { DEFAULT_NOTIFY_SETTINGS } from "../../contracts/settings";
import { escalateDueReports } from "../../server/escalation/escalation-worker";
import type { TestDb } from "../support/db";
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
  // Bill 2's one open report was approved five minutes ago: inside the target. Bill 1's are days old.
  const recent = new Date(Date.now() - 5 * 60_000);
  await tdb.db.update(t.labReports).set({ approvedAt: recent, sampleCollectedAt: recent }).where(eq(t.labReports.id, s.r.otherDoctor.id));
});
afterAll(() => tdb.dispose());

const worklist = (query = "") => call(worklistRoute, `/api/worklist${query}`, { cookie });
const billIds = (rows: { billId: number }[]) => rows.map((r) => r.billId).sort();

describe("the worklist's clock", () => {
  it("answers the lab's target and each bill's escalation state", async () => {
    await putNotifySettings(tdb.db, s.labA.id, { ...DEFAULT_NOTIFY_SETTINGS, notify_target_minutes: 45, escalation_after_minutes: 30 });
    const res = await worklist();
    expect(res.status).toBe(200);
    expect(res.json.targetMinutes).toBe(45);
    expect(res.json.rows.map((r: { billId: number; escalatedOpen: number; escalationLevel: number }) => [r.billId, r.escalatedOpen, r.escalationLevel])).toEqual([
      [s.bill1.id, 0, 0],
      [s.bill2.id, 0, 0],
    ]);
    await putNotifySettings(tdb.db, s.labA.id, DEFAULT_NOTIFY_SETTINGS);
  });

  it("filters Overdue: bills with an open report past the target, with the total to match", async () => {
    const all = await worklist();
    const overdue = await worklist("?overdue=1");
    expect(billIds(all.json.rows)).toEqual(billIds([s.bill1, s.bill2].map((b) => ({ billId: b.id }))));
    expect(overdue.json.rows.map((r: { billId: number }) => r.billId)).toEqual([s.bill1.id]);
    expect(overdue.json.total).toBe(1);
    // The tab counts follow every filter but the Pending-only ones (status, overdue).
    expect(overdue.json.counts).toEqual(all.json.counts);
    // With a status filter too: bill 1 holds an attempted report and an overdue one.
    expect((await worklist("?overdue=1&status=attempted")).json.rows.map((r: { billId: number }) => r.billId)).toEqual([s.bill1.id]);
  });

  it("exports only the overdue bills' reports with the filter", async () => {
    const full = await fetchWorkbook("?overdue=1");
    const sheet = full.worksheets[0];
    const bills = new Set<string>();
    sheet.eachRow((row, n) => {
      if (n > 1) bills.add(String(row.getCell(1).value));
    });
    expect([...bills]).toEqual([String(s.bill1.id)]);
  });

  it("refuses an overdue value other than 1", async () => {
    const res = await worklist("?overdue=yes");
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe("bad_request");
  });

  it("shows a bill as escalated once the worker escalated its open reports", async () => {
    await escalateDueReports(tdb.db);
    const rows = (await worklist()).json.rows as { billId: number; escalatedOpen: number; escalationLevel: number; attempted: number; pending: number }[];
    const bill1 = rows.find((r) => r.billId === s.bill1.id)!;
    expect(bill1).toMatchObject({ escalatedOpen: bill1.pending + bill1.attempted, escalationLevel: 2 });
    expect(rows.find((r) => r.billId === s.bill2.id)).toMatchObject({ escalatedOpen: 0, escalationLevel: 0 });
  });
});

async function fetchWorkbook(query: string) {
  const handlerRes = await exportRoute(new Request(`http://localhost:3000/api/worklist/export${query}`, { headers: { cookie, host: "localhost:3000" } }), {
    params: Promise.resolve({}),
  });
  expect(handlerRes.status).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await handlerRes.arrayBuffer());
  return workbook;
}
