// Generated values of a wanted class (normal, abnormal, critical) under the range that fits the
// patient. Each candidate is checked with the rule (rule.ts) before it is used.
import type { RangeRow } from "@/domain/critical/evaluate";
import type { ParamDef, RangeDef } from "./catalog";
import type { Rng } from "./rng";
import { classify, type RuleParam, type ValueClass } from "./rule";

export interface FittingRange {
  row: RangeRow;
  def: RangeDef;
}

export const canBeCritical = (p: ParamDef, r: RangeDef | undefined) =>
  !!r && (p.text ? (r.texts?.length ?? 0) > 0 : r.cLow !== undefined || r.cHigh !== undefined);

/** The sides a value can leave the normal range on without becoming critical (or impossible, below 0). */
export function abnormalSides(p: ParamDef, r: RangeDef | undefined): ("low" | "high")[] {
  if (!r || p.text) return [];
  const sides: ("low" | "high")[] = [];
  if (r.low !== undefined) {
    const floor = r.cLow ?? (p.negative ? -Infinity : 0);
    if (floor < r.low) sides.push("low");
  }
  if (r.high !== undefined) sides.push("high");
  return sides;
}

function normalCandidate(rng: Rng, r: RangeDef): number {
  const lo = r.low ?? (r.high ?? 0) * 0.1;
  const hi = r.high ?? lo * 1.5;
  // Keep off the exact bounds.
  return rng.between(lo + (hi - lo) * 0.05, hi - (hi - lo) * 0.05);
}

function abnormalCandidate(rng: Rng, p: ParamDef, r: RangeDef, width: number): number {
  const low = r.low;
  const high = r.high;
  const side = rng.pick(abnormalSides(p, r));
  if (side === "low") {
    const floor = Math.max(r.cLow ?? low! - width * 0.6, p.negative ? -Infinity : 0);
    return rng.between(floor + (low! - floor) * 0.1, low! - (low! - floor) * 0.05);
  }
  const ceil = r.cHigh ?? high! + Math.max(width, Math.abs(high!) * 0.5, 1);
  return rng.between(high! + (ceil - high!) * 0.05, ceil - (ceil - high!) * 0.1);
}

function criticalCandidate(rng: Rng, r: RangeDef): number {
  const sides: ("low" | "high")[] = [];
  if (r.cLow !== undefined) sides.push("low");
  if (r.cHigh !== undefined) sides.push("high");
  const side = rng.pick(sides);
  if (side === "low") {
    const span = Math.min(r.low !== undefined ? r.low - r.cLow! : r.cLow! * 0.4, Math.abs(r.cLow!) * 0.4) * 0.8;
    return r.cLow! - span * rng.between(0.05, 1);
  }
  const span = Math.min(r.high !== undefined ? r.cHigh! - r.high : r.cHigh! * 0.5, Math.abs(r.cHigh!) * 0.5) * 0.8;
  return r.cHigh! + span * rng.between(0.05, 1);
}

/** A value of the wanted class under range r (numbers rounded to the parameter's decimals). */
export function genValue(rng: Rng, p: RuleParam, r: FittingRange, want: ValueClass): number | string {
  const def = p.def;
  if (def.text) return rng.pick(want === "critical" ? def.text.critical : def.text.normal);
  const { low, high } = r.def;
  const width = low !== undefined && high !== undefined ? high - low : Math.abs(high ?? low ?? 1);
  for (let attempt = 0; attempt < 50; attempt++) {
    const v =
      want === "normal" ? normalCandidate(rng, r.def) : want === "abnormal" ? abnormalCandidate(rng, def, r.def, width) : criticalCandidate(rng, r.def);
    const x = Number(v.toFixed(def.dp));
    if (classify(p, r.row, x) === want) return x;
  }
  throw new Error(`seed: cannot generate a ${want} value for ${def.name}`);
}
