/**
 * Critical-parameter evaluation (DESIGN §4). Pure: no DB, no I/O.
 *
 * A parameter is critical when its value lies outside BOTH its normal range
 * [ref_low, ref_high] and its critical range [critical_low, critical_high]
 * (bounds inclusive; a missing bound never fires). Numeric values below
 * critical_low are "LL", above critical_high "HH"; text values matching one of
 * the range's critical_texts (trimmed, case-insensitive) are "AA".
 */

export type CriticalFlag = "LL" | "HH" | "AA";

export interface RangeRow {
  id: number;
  parameterId: number;
  sex: string | null;
  ageMinDays: number | null;
  ageMaxDays: number | null;
  // numeric columns arrive from PostgreSQL as strings like "100.00" (or null)
  refLow: string | null;
  refHigh: string | null;
  criticalLow: string | null;
  criticalHigh: string | null;
  criticalTexts: string[] | null;
}

export interface ParameterRow {
  id: number;
  name: string;
  unit: string;
  resultType: string /* 'numeric' | 'text' */;
  sortOrder: number;
}

export interface ValueRow {
  labReportId: number;
  parameterId: number;
  valueNumeric: string | null;
  valueText: string | null;
}

export interface PatientContext {
  sex: string /* 'M'|'F'|'U' */;
  dateOfBirth: string | null /* 'YYYY-MM-DD' */;
  sampleCollectedAt: Date | string | null;
}

export interface CriticalParameter {
  parameter_id: number;
  parameter_name: string;
  value: number | string;
  unit: string;
  reference_range: string;
  critical_range: string;
  flag: CriticalFlag;
}

const MS_PER_DAY = 86_400_000;
const DECIMAL_RE = /^([+-]?)(\d*)(?:\.(\d*))?$/;

/** Parses a numeric column value ("100.00", 3.5, null) to a finite number, or null. */
function toNumber(v: string | number | null | undefined): number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  const s = v.trim();
  if (s === "") return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

/** Renders a bound without trailing zeros: "100.00" -> "100", "3.50" -> "3.5", "-0.5" -> "-0.5". */
function formatNumber(v: string | number): string {
  if (typeof v === "string") {
    const s = v.trim();
    const m = DECIMAL_RE.exec(s);
    if (m && (m[2] !== "" || (m[3] ?? "") !== "")) {
      // Pure string manipulation keeps the exact decimal the database sent.
      const sign = m[1] === "-" ? "-" : "";
      const intPart = m[2].replace(/^0+(?=\d)/, "") || "0";
      const fracPart = (m[3] ?? "").replace(/0+$/, "");
      const body = fracPart ? `${intPart}.${fracPart}` : intPart;
      return body === "0" ? "0" : sign + body;
    }
    const n = Number(s);
    return Number.isFinite(n) ? formatNumber(n) : s;
  }
  if (Object.is(v, -0)) return "0";
  return String(v);
}

function isBlank(v: string | number | null | undefined): v is null | undefined | "" {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

/** "100 - 200", "< 200" (only high), "> 100" (only low) or "" (neither). */
export function formatRange(low: string | number | null, high: string | number | null): string {
  const hasLow = !isBlank(low);
  const hasHigh = !isBlank(high);
  if (hasLow && hasHigh) return `${formatNumber(low)} - ${formatNumber(high)}`;
  if (hasHigh) return `< ${formatNumber(high as string | number)}`;
  if (hasLow) return `> ${formatNumber(low as string | number)}`;
  return "";
}

/** UTC-midnight epoch ms of a 'YYYY-MM-DD' date (a longer ISO string uses its date part). */
function dateOnlyUtc(date: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date.trim());
  if (!m) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isFinite(ms) ? ms : null;
}

/**
 * Whole days (floored) between date_of_birth (UTC midnight) and the sample
 * collection time. Null when either is missing/invalid or the result is negative.
 */
export function ageInDays(dateOfBirth: string | null, at: Date | string | null): number | null {
  if (dateOfBirth === null || at === null) return null;
  const dob = dateOnlyUtc(dateOfBirth);
  if (dob === null) return null;
  const atMs = at instanceof Date ? at.getTime() : new Date(at).getTime();
  if (!Number.isFinite(atMs)) return null;
  const days = Math.floor((atMs - dob) / MS_PER_DAY);
  return days < 0 ? null : days;
}

function normSex(sex: string | null | undefined): string | null {
  if (sex === null || sex === undefined) return null;
  const s = sex.trim().toUpperCase();
  return s === "" ? null : s;
}

/**
 * The range that fits the patient, most specific first:
 * sex AND age (3) > age only (2) > sex only (1) > neither (0); ties to the lowest id.
 * Unknown age: only ranges with both age bounds null fit. Sex 'U' only fits sex-null ranges.
 */
export function pickRange(ranges: RangeRow[], sex: string, ageDays: number | null): RangeRow | undefined {
  const patientSex = normSex(sex);
  let best: RangeRow | undefined;
  let bestScore = -1;
  for (const r of ranges) {
    const rangeSex = normSex(r.sex);
    if (rangeSex !== null && (patientSex === null || patientSex === "U" || rangeSex !== patientSex)) continue;
    const ageSpecific = r.ageMinDays !== null || r.ageMaxDays !== null;
    if (ageSpecific) {
      if (ageDays === null) continue;
      if (r.ageMinDays !== null && ageDays < r.ageMinDays) continue;
      if (r.ageMaxDays !== null && ageDays > r.ageMaxDays) continue;
    }
    const score = (ageSpecific ? 2 : 0) + (rangeSex !== null ? 1 : 0);
    if (score > bestScore || (score === bestScore && best !== undefined && r.id < best.id)) {
      best = r;
      bestScore = score;
    }
  }
  return best;
}

/** Whether a numeric value lies outside the range's normal [ref_low, ref_high] (bounds inclusive). */
export function isOutsideNormal(range: RangeRow, value: number): boolean {
  const refLow = toNumber(range.refLow);
  const refHigh = toNumber(range.refHigh);
  return (refLow !== null && value < refLow) || (refHigh !== null && value > refHigh);
}

/** The critical entry for one value, or null when it is not critical (or no range fits). */
export function evaluateValue(
  param: ParameterRow,
  range: RangeRow | undefined,
  value: ValueRow,
): CriticalParameter | null {
  if (range === undefined) return null;

  if (param.resultType === "text") {
    if (value.valueText === null || value.valueText === undefined) return null;
    const texts = range.criticalTexts;
    if (!texts || texts.length === 0) return null;
    const trimmed = value.valueText.trim();
    const needle = trimmed.toLowerCase();
    if (!texts.some((t) => typeof t === "string" && t.trim().toLowerCase() === needle)) return null;
    return {
      parameter_id: param.id,
      parameter_name: param.name,
      value: trimmed,
      unit: param.unit,
      reference_range: "",
      critical_range: texts
        .filter((t) => typeof t === "string")
        .map((t) => t.trim())
        .join(", "),
      flag: "AA",
    };
  }

  const v = toNumber(value.valueNumeric);
  if (v === null) return null;

  if (!isOutsideNormal(range, v)) return null;

  const critLow = toNumber(range.criticalLow);
  const critHigh = toNumber(range.criticalHigh);
  let flag: CriticalFlag;
  if (critLow !== null && v < critLow) flag = "LL";
  else if (critHigh !== null && v > critHigh) flag = "HH";
  else return null; // abnormal, not critical

  return {
    parameter_id: param.id,
    parameter_name: param.name,
    value: v,
    unit: param.unit,
    reference_range: formatRange(range.refLow, range.refHigh),
    critical_range: formatRange(range.criticalLow, range.criticalHigh),
    flag,
  };
}

/**
 * Evaluates every value of every report in one pass. Only reports with at least
 * one critical parameter become keys (in the order of `reports`); each list is
 * ordered by parameter sortOrder, then parameter id.
 */
export function evaluateReports(
  reports: { id: number; patient: PatientContext }[],
  values: ValueRow[],
  parameters: Map<number, ParameterRow>,
  rangesByParameter: Map<number, RangeRow[]>,
): Map<number, CriticalParameter[]> {
  const valuesByReport = new Map<number, ValueRow[]>();
  for (const v of values) {
    const list = valuesByReport.get(v.labReportId);
    if (list) list.push(v);
    else valuesByReport.set(v.labReportId, [v]);
  }

  const out = new Map<number, CriticalParameter[]>();
  for (const report of reports) {
    if (out.has(report.id)) continue;
    const reportValues = valuesByReport.get(report.id);
    if (!reportValues) continue;
    const age = ageInDays(report.patient.dateOfBirth, report.patient.sampleCollectedAt);
    const found: { param: ParameterRow; item: CriticalParameter }[] = [];
    for (const v of reportValues) {
      const param = parameters.get(v.parameterId);
      if (!param) continue;
      const range = pickRange(rangesByParameter.get(param.id) ?? [], report.patient.sex, age);
      const item = evaluateValue(param, range, v);
      if (item) found.push({ param, item });
    }
    if (found.length === 0) continue;
    found.sort((a, b) => a.param.sortOrder - b.param.sortOrder || a.param.id - b.param.id);
    out.set(
      report.id,
      found.map((f) => f.item),
    );
  }
  return out;
}
