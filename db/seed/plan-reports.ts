// One planned report: values of a wanted class for one test, with the verdict the rule gives them.
import * as t from "../schema";
import type { PBill, PPatient, PTest } from "./plan-types";
import type { Rng } from "./rng";
import { classify, fittingRange, type ValueClass } from "./rule";
import { MINUTE } from "./timeline";
import { abnormalSides, canBeCritical, genValue } from "./values";

export interface PlannedValues {
  values: (number | string)[];
  ranges: ReturnType<typeof fittingRange>[];
  classes: ValueClass[];
  critical: boolean;
  abnormal: boolean;
}

/** Which parameters get an out-of-normal value: one (sometimes two) of the right kind, some abnormal extras. */
function wantedClasses(rng: Rng, n: number, want: ValueClass, critIdx: number[], abnIdx: number[]): ValueClass[] {
  const wants: ValueClass[] = Array.from({ length: n }, () => "normal");
  if (want === "critical") {
    for (const j of abnIdx) if (rng.chance(0.2)) wants[j] = "abnormal";
    wants[rng.pick(critIdx)] = "critical";
    if (critIdx.length > 1 && rng.chance(0.2)) wants[rng.pick(critIdx)] = "critical";
  } else if (want === "abnormal") {
    wants[rng.pick(abnIdx)] = "abnormal";
    if (abnIdx.length > 1 && rng.chance(0.15)) wants[rng.pick(abnIdx)] = "abnormal";
  }
  return wants;
}

/**
 * Values for a test aiming at `target` (explicit values win; the rest normal), for this patient at
 * this age at collection (null: no birth date, or no sample collected).
 */
export function planValues(
  rng: Rng,
  test: PTest,
  patient: PPatient,
  ageDays: number | null,
  target: ValueClass,
  explicit?: Record<string, number | string>,
): PlannedValues {
  const { sex } = patient;
  const ranges = test.params.map((p) => fittingRange(p, sex, ageDays));
  // A patient without a birth date must get the same verdict however age bands are read: a common
  // mistake takes an unknown age to fit every band, and every age band of the catalog starts at
  // day 0, so age 0 is that reading.
  const everyBand = patient.dob === null ? test.params.map((p) => fittingRange(p, sex, 0)) : ranges;
  const indexes = test.params.map((_, j) => j);
  const critIdx = indexes.filter((j) => canBeCritical(test.params[j].def, ranges[j]?.def));
  const abnIdx = indexes.filter((j) => abnormalSides(test.params[j].def, ranges[j]?.def).length > 0);
  let want = target;
  if (want === "critical" && critIdx.length === 0) want = abnIdx.length ? "abnormal" : "normal";
  if (want === "abnormal" && abnIdx.length === 0) want = "normal";
  for (let attempt = 0; ; attempt++) {
    const wants = explicit ? test.params.map((): ValueClass => "normal") : wantedClasses(rng, test.params.length, want, critIdx, abnIdx);
    const values = test.params.map((p, j) => explicit?.[p.def.name] ?? genValue(rng, p, ranges[j]!, wants[j]));
    const classes = test.params.map((p, j) => classify(p, ranges[j]?.row, values[j]));
    const critical = classes.includes("critical");
    const everyBandCritical = test.params.some((p, j) => classify(p, everyBand[j]?.row, values[j]) === "critical");
    if (critical !== everyBandCritical && !explicit && attempt < 40) continue;
    if (critical !== everyBandCritical) throw new Error(`seed: ${test.def.name} verdict depends on age-band reading`);
    return { values, ranges, classes, critical, abnormal: !critical && classes.includes("abnormal") };
  }
}

export interface ReportPlace {
  bill: PBill;
  collectedAt: number;
  /** The plan's "now": approvals are at least 5 minutes before it. */
  now: number;
}

/** Adds a report to the bill: approval, status from the verdict, sign-off comment. */
export function addReport(
  rng: Rng,
  at: ReportPlace,
  test: PTest,
  v: PlannedValues,
  opts: { dismissed: boolean; collected: boolean },
): void {
  const approved = opts.collected && (v.critical || v.abnormal || !rng.chance(0.06));
  const approvedAt = approved ? Math.min(at.collectedAt + rng.int(20, 300) * MINUTE, at.now - 5 * MINUTE) : null;
  const status = v.critical ? t.CriticalValues.CALLOUT_PENDING : v.abnormal ? t.CriticalValues.ABNORMAL : t.CriticalValues.NORMAL;
  at.bill.reports.push({
    bill: at.bill,
    test,
    values: v.values,
    ranges: v.ranges.map((r) => r?.row),
    classes: v.classes,
    critical: v.critical,
    abnormal: v.abnormal,
    status,
    dismissed: opts.dismissed,
    collected: opts.collected,
    collectedAt: opts.collected ? at.collectedAt : null,
    approvedAt,
    signed: false,
    comments: v.critical && rng.chance(0.2) ? "Repeat analysis on the same sample confirmed the result." : null,
    autoApproval: !v.critical && !v.abnormal && approved && rng.chance(0.4) ? 1 : 0,
    id: 0,
  });
}
