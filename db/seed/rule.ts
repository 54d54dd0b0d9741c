// The seed's only link to the critical-value rule (domain/critical/evaluate.ts, DESIGN §4): the catalog's
// ranges are turned into the rows the database will hold, and every range choice and verdict is the
// rule's own, so the seeded statuses cannot drift from what the endpoints compute.
import {
  type CriticalParameter,
  evaluateValue,
  isOutsideNormal,
  type ParameterRow,
  pickRange,
  type RangeRow,
  type ValueRow,
} from "@/domain/critical/evaluate";
import type { ParamDef, RangeDef } from "./catalog";

export type ValueClass = "normal" | "abnormal" | "critical";

export const numStr = (n: number | undefined) => (n === undefined ? null : String(n));

/**
 * A parameter's ranges as parameter_ranges rows. The ids are in catalog order, as the inserted rows'
 * will be, so the rule's tie-break (lowest id) falls where it will fall on the stored rows.
 */
export function rangeRows(p: ParamDef): RangeRow[] {
  return p.ranges.map((r: RangeDef, i) => ({
    id: i + 1,
    parameterId: 0,
    sex: r.sex ?? null,
    ageMinDays: r.ageMin ?? null,
    ageMaxDays: r.ageMax ?? null,
    refLow: numStr(r.low),
    refHigh: numStr(r.high),
    criticalLow: numStr(r.cLow),
    criticalHigh: numStr(r.cHigh),
    criticalTexts: r.texts ?? null,
  }));
}

/** The value columns of report_values for a generated value. */
export function storedValue(p: ParamDef, v: number | string): Pick<ValueRow, "valueNumeric" | "valueText"> {
  return p.text ? { valueNumeric: null, valueText: String(v) } : { valueNumeric: (v as number).toFixed(p.dp), valueText: null };
}

/** The planned parameter as the rule sees it (its database id once inserted, 0 before). */
export interface RuleParam {
  def: ParamDef;
  id: number;
  sortOrder: number;
  ranges: RangeRow[];
}

function parameterRow(p: RuleParam): ParameterRow {
  return { id: p.id, name: p.def.name, unit: p.def.unit, resultType: p.def.text ? "text" : "numeric", sortOrder: p.sortOrder };
}

/** The range the rule picks for this patient, with its catalog definition (used to generate values). */
export function fittingRange(p: RuleParam, sex: string, ageDays: number | null): { row: RangeRow; def: RangeDef } | undefined {
  const row = pickRange(p.ranges, sex, ageDays);
  return row && { row, def: p.def.ranges[p.ranges.indexOf(row)] };
}

/** The rule's critical entry for a value (what a callout snapshots), or null. */
export function criticalEntry(p: RuleParam, range: RangeRow | undefined, v: number | string): CriticalParameter | null {
  return evaluateValue(parameterRow(p), range, { labReportId: 0, parameterId: p.id, ...storedValue(p.def, v) });
}

/** critical by the rule; else abnormal when a numeric value is outside the normal range; else normal. */
export function classify(p: RuleParam, range: RangeRow | undefined, v: number | string): ValueClass {
  if (range === undefined) return "normal";
  if (criticalEntry(p, range, v)) return "critical";
  return !p.def.text && isOutsideNormal(range, Number(v)) ? "abnormal" : "normal";
}
