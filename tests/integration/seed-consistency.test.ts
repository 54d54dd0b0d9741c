// The demo seed agrees with the critical-value rule (DESIGN §4, domain/critical/evaluate.ts) on every row
// it writes: each report is re-evaluated from the stored rows alone (its values, its parameters'
// ranges, the patient's sex and age at sample collection) and its critical_values must agree:
//   1 pending, 4 attempted, 2 done ⇒ at least one parameter critical by the rule;
//   3 abnormal                    ⇒ none critical, at least one numeric value outside its normal range;
//   0 normal                      ⇒ none critical, none outside normal.
// Beyond the verdict, the callout history must fit the status (DESIGN §5.4):
//   2 done      ⇒ a done callout record for the report, whose critical_parameters are exactly the
//                 rule's entries for it (what the write snapshots);
//   4 attempted ⇒ the bill's current draft names the report's test in callout_for;
//   0/3         ⇒ no callout record for the report.
// Run on the suite's template (seeded at the real current time) and on a fresh seed at a fixed "now"
// just after midnight UTC, where whole-day ages are easiest to get wrong; the two must write the same
// rows but for their dates, the fresh one dated as DESIGN §7 says (open results minutes to hours old).
import { randomBytes } from "node:crypto";
import { isDeepStrictEqual } from "node:util";
import { asc, eq } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connect, type Db, type DbHandle, migrate } from "../../db/connect";
import * as t from "../../db/schema";
import { seed } from "../../db/seed";
import {
  ageInDays,
  type CriticalParameter,
  evaluateReports,
  isOutsideNormal,
  type ParameterRow,
  pickRange,
  type RangeRow,
  type ValueRow,
} from "@/domain/critical/evaluate";
import { withDatabase } from "../support/global-setup";
import { openTestDb, type TestDb } from "../support/db";

const HOUR = 3_600_000;
const FIXED_NOW = new Date("2027-01-01T00:03:00Z");

interface SeededReport {
  id: number;
  billId: number;
  testId: number;
  status: number;
  sex: string;
  dateOfBirth: string | null;
  sampleCollectedAt: Date | null;
  approvedAt: Date | null;
  sampleCollected: boolean;
  dismissed: boolean;
}

async function load(db: Db) {
  const reports: SeededReport[] = await db
    .select({
      id: t.labReports.id,
      billId: t.labReports.billId,
      testId: t.labReports.testId,
      status: t.labReports.criticalValues,
      sex: t.patients.sex,
      dateOfBirth: t.patients.dateOfBirth,
      sampleCollectedAt: t.labReports.sampleCollectedAt,
      approvedAt: t.labReports.approvedAt,
      sampleCollected: t.labReports.sampleCollected,
      dismissed: t.labReports.dismissed,
    })
    .from(t.labReports)
    .innerJoin(t.patients, eq(t.patients.id, t.labReports.patientId))
    .orderBy(asc(t.labReports.id));
  const values: ValueRow[] = await db
    .select({ labReportId: t.reportValues.labReportId, parameterId: t.reportValues.parameterId, valueNumeric: t.reportValues.valueNumeric, valueText: t.reportValues.valueText })
    .from(t.reportValues);
  const parameters = new Map<number, ParameterRow>(
    (await db.select().from(t.testParameters)).map((p) => [p.id, { id: p.id, name: p.name, unit: p.unit, resultType: p.resultType, sortOrder: p.sortOrder }]),
  );
  const ranges = new Map<number, RangeRow[]>();
  for (const r of await db.select().from(t.parameterRanges).orderBy(asc(t.parameterRanges.id))) {
    const row: RangeRow = { ...r, criticalTexts: r.criticalTexts ?? null };
    ranges.set(r.parameterId, [...(ranges.get(r.parameterId) ?? []), row]);
  }
  const callouts = await db.select().from(t.criticalCallouts);
  const bills = await db.select({ id: t.bills.id, createdAt: t.bills.createdAt }).from(t.bills);
  const logs = await db.select({ activityDate: t.activityLogs.activityDate }).from(t.activityLogs);
  return { reports, values, parameters, ranges, callouts, bills, logs };
}
type Seeded = Awaited<ReturnType<typeof load>>;

/** Report ids with a numeric value outside the normal range of the range the rule picks. */
function outsideNormal(s: Seeded): Set<number> {
  const byId = new Map(s.reports.map((r) => [r.id, r]));
  const out = new Set<number>();
  for (const v of s.values) {
    const r = byId.get(v.labReportId)!;
    if (v.valueNumeric === null || s.parameters.get(v.parameterId)?.resultType !== "numeric") continue;
    const range = pickRange(s.ranges.get(v.parameterId) ?? [], r.sex, ageInDays(r.dateOfBirth, r.sampleCollectedAt));
    if (range && isOutsideNormal(range, Number(v.valueNumeric))) out.add(r.id);
  }
  return out;
}

/** Every disagreement between a report's stored status/history and the rule, in words. */
function disagreements(s: Seeded): string[] {
  const critical = evaluateReports(
    s.reports.map((r) => ({ id: r.id, patient: { sex: r.sex, dateOfBirth: r.dateOfBirth, sampleCollectedAt: r.sampleCollectedAt } })),
    s.values,
    s.parameters,
    s.ranges,
  );
  const abnormal = outsideNormal(s);
  const drafts = new Map(s.callouts.filter((c) => c.isDraft).map((c) => [c.billId, c]));
  const out: string[] = [];
  for (const r of s.reports) {
    const entries = critical.get(r.id) ?? [];
    const done = s.callouts.filter((c) => !c.isDraft && c.labReportId === r.id);
    const why = (m: string) => out.push(`report ${r.id} (bill ${r.billId}) at ${r.status}: ${m}`);
    if ([1, 2, 4].includes(r.status)) {
      if (entries.length === 0) why("no parameter is critical by the rule");
    } else if (entries.length > 0) why(`critical by the rule (${entries.map((e) => e.parameter_name).join(", ")})`);
    else if (r.status === 3 && !abnormal.has(r.id)) why("no value outside the normal range");
    else if (r.status === 0 && abnormal.has(r.id)) why("a value is outside the normal range");
    else if (r.status !== 0 && r.status !== 3) why("unknown status");
    if (r.status === 2) {
      if (done.length === 0) why("done without a done callout record");
      for (const c of done) {
        const snap = (c.criticalValuesMeta as { critical_parameters?: CriticalParameter[] }).critical_parameters;
        if (!isDeepStrictEqual(snap, entries)) why(`callout ${c.id} snapshot ${JSON.stringify(snap)} is not the rule's ${JSON.stringify(entries)}`);
      }
    } else if (done.length > 0) why("a done callout record, but the report is not done");
    if (r.status === 4) {
      const calloutFor = (drafts.get(r.billId)?.criticalCalloutMeta as { callout_for?: number[] } | undefined)?.callout_for ?? [];
      if (!calloutFor.includes(r.testId)) why("attempted, but the bill's draft does not name its test");
    }
  }
  return out;
}

function statusCounts(s: Seeded) {
  const counts: Record<number, number> = { 0: 0, 1: 0, 2: 0, 3: 0, 4: 0 };
  for (const r of s.reports) counts[r.status]++;
  return counts;
}

/** A database seeded at `now`, apart from the suite's template; dropped afterwards. */
async function freshSeed(now: Date): Promise<{ handle: DbHandle; drop: () => Promise<void> }> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  let handle: DbHandle;
  let drop = async () => {};
  if (adminUrl) {
    const name = `cc_seed_${randomBytes(6).toString("hex")}`;
    const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    handle = await connect({ url: withDatabase(adminUrl, name), max: 2 });
    drop = async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    };
  } else {
    handle = await connect({});
  }
  await migrate(handle);
  await seed(handle.db, { quiet: true, now });
  return { handle, drop };
}

let tdb: TestDb;
let template: Seeded;
let fresh: Seeded;
let freshDb: { handle: DbHandle; drop: () => Promise<void> };

beforeAll(async () => {
  tdb = await openTestDb();
  template = await load(tdb.db);
  freshDb = await freshSeed(FIXED_NOW);
  fresh = await load(freshDb.handle.db);
});
afterAll(async () => {
  await tdb?.dispose();
  await freshDb?.handle.close();
  await freshDb?.drop();
});

describe.each([
  ["the suite's template (seeded now)", () => template],
  [`a fresh seed at ${FIXED_NOW.toISOString()}`, () => fresh],
])("every seeded report agrees with the critical-value rule: %s", (_, seeded) => {
  it("has every status, and no report whose status or history the rule contradicts", () => {
    const s = seeded();
    const counts = statusCounts(s);
    for (const status of [0, 1, 2, 3, 4]) expect(counts[status], `reports at status ${status}`).toBeGreaterThan(10);
    const bad = disagreements(s);
    expect(bad.slice(0, 10), `${bad.length} disagreements`).toEqual([]);
  });
});

describe("dates follow the seed's now (DESIGN §7)", () => {
  const now = FIXED_NOW.getTime();
  it("open critical results were approved minutes to hours before now; bills and history before it", () => {
    const open = fresh.reports.filter((r) => (r.status === 1 || r.status === 4) && r.sampleCollected && !r.dismissed && r.approvedAt);
    const ages = open.map((r) => now - r.approvedAt!.getTime());
    expect(Math.min(...ages)).toBeGreaterThanOrEqual(60_000);
    expect(Math.min(...ages)).toBeLessThan(HOUR);
    expect(Math.max(...ages)).toBeLessThanOrEqual(25 * HOUR);
    for (const d of [...fresh.bills.map((b) => b.createdAt), ...fresh.logs.map((l) => l.activityDate), ...fresh.callouts.map((c) => c.createdOn)]) {
      expect(d.getTime()).toBeLessThan(now);
      expect(d.getTime()).toBeGreaterThan(now - 25 * HOUR);
    }
  });

  it("writes the same rows at any now, only dated differently (ids in tests and the README hold)", () => {
    const shape = (s: Seeded) => s.reports.map((r) => [r.id, r.billId, r.testId, r.status, r.dismissed, r.sampleCollected].join());
    expect(shape(fresh)).toEqual(shape(template));
    const values = (s: Seeded) => s.values.map((v) => [v.labReportId, v.parameterId, v.valueNumeric, v.valueText].join()).sort();
    expect(values(fresh)).toEqual(values(template));
  });
});

describe("the README's bills (lab 1)", () => {
  const ofBill = (id: number) => fresh.reports.filter((r) => r.billId === id);
  it("291: 10 pending critical reports; 271: an attempted draft; 201: attempt then done", () => {
    expect(ofBill(291).filter((r) => r.status === 1 && r.sampleCollected && !r.dismissed)).toHaveLength(10);
    expect(ofBill(271).some((r) => r.status === 4)).toBe(true);
    expect(fresh.callouts.some((c) => c.billId === 271 && c.isDraft)).toBe(true);
    expect(ofBill(201).filter((r) => r.status === 2)).toHaveLength(2);
  });

  it("286: a neonate whose reports are critical only under the 0–28 day ranges", () => {
    const reports = ofBill(286);
    const asAgeUnknown = (s: Seeded) => ({ ...s, reports: s.reports.map((r) => ({ ...r, dateOfBirth: null })) });
    const critical = (s: Seeded) =>
      evaluateReports(
        s.reports.filter((r) => r.billId === 286).map((r) => ({ id: r.id, patient: { sex: r.sex, dateOfBirth: r.dateOfBirth, sampleCollectedAt: r.sampleCollectedAt } })),
        s.values,
        s.parameters,
        s.ranges,
      );
    const age = ageInDays(reports[0].dateOfBirth, reports[0].sampleCollectedAt);
    expect(age).toBeGreaterThanOrEqual(0);
    expect(age).toBeLessThanOrEqual(28);
    expect(critical(fresh).size).toBe(2);
    expect(critical(asAgeUnknown(fresh)).size).toBe(0);
  });
});
