import { describe, expect, it } from "vitest";
import {
  ageInDays,
  evaluateReports,
  evaluateValue,
  formatRange,
  type ParameterRow,
  type PatientContext,
  pickRange,
  type RangeRow,
  type ValueRow,
} from "../../domain/critical/evaluate";

function range(p: Partial<RangeRow> & { id: number }): RangeRow {
  return {
    parameterId: 1,
    sex: null,
    ageMinDays: null,
    ageMaxDays: null,
    refLow: null,
    refHigh: null,
    criticalLow: null,
    criticalHigh: null,
    criticalTexts: null,
    ...p,
  };
}

function param(p: Partial<ParameterRow> & { id: number }): ParameterRow {
  return { name: `P${p.id}`, unit: "mg/dL", resultType: "numeric", sortOrder: 0, ...p };
}

function num(parameterId: number, v: string | null, labReportId = 1): ValueRow {
  return { labReportId, parameterId, valueNumeric: v, valueText: null };
}

function txt(parameterId: number, v: string | null, labReportId = 1): ValueRow {
  return { labReportId, parameterId, valueNumeric: null, valueText: v };
}

// Glucose-like: normal 70-110, critical 40-400.
const glucose = param({ id: 10, name: "Glucose", unit: "mg/dL", sortOrder: 1 });
const glucoseRange = range({
  id: 100,
  parameterId: 10,
  refLow: "70.00",
  refHigh: "110.00",
  criticalLow: "40.00",
  criticalHigh: "400.00",
});

describe("formatRange", () => {
  it("formats both bounds", () => {
    expect(formatRange("100.00", "200.00")).toBe("100 - 200");
  });
  it("formats only high", () => {
    expect(formatRange(null, "200.00")).toBe("< 200");
  });
  it("formats only low", () => {
    expect(formatRange("100.00", null)).toBe("> 100");
  });
  it("formats neither as empty", () => {
    expect(formatRange(null, null)).toBe("");
  });
  it("strips trailing zeros but keeps significant decimals and signs", () => {
    expect(formatRange("3.50", "5.05")).toBe("3.5 - 5.05");
    expect(formatRange("-0.5", "0.50")).toBe("-0.5 - 0.5");
    expect(formatRange("100.10", null)).toBe("> 100.1");
    expect(formatRange("0.00", "10.0")).toBe("0 - 10");
    expect(formatRange(null, "1000")).toBe("< 1000");
  });
  it("keeps the exact decimal the database sent: leading zeros, signs, blanks, odd strings", () => {
    expect(formatRange(" 007.50 ", "+12")).toBe("7.5 - 12");
    expect(formatRange("-0.00", ".5")).toBe("0 - 0.5");
    expect(formatRange("-7.", null)).toBe("> -7");
    expect(formatRange("1e3", null)).toBe("> 1000"); // not a plain decimal: read as a number
    expect(formatRange("  ", "abc")).toBe("< abc"); // blank is missing; an unreadable bound is shown as is
    expect(formatRange(".", null)).toBe("> .");
    expect(formatRange(-0, 2.5)).toBe("0 - 2.5");
  });
  it("accepts numbers", () => {
    expect(formatRange(3.5, 200)).toBe("3.5 - 200");
    expect(formatRange(0, null)).toBe("> 0");
    expect(formatRange(null, 0)).toBe("< 0");
  });
});

describe("ageInDays", () => {
  it("counts whole days from UTC midnight of the date of birth, floored", () => {
    expect(ageInDays("2024-01-01", new Date("2024-01-01T00:00:00Z"))).toBe(0);
    expect(ageInDays("2024-01-01", new Date("2024-01-01T23:59:59Z"))).toBe(0);
    expect(ageInDays("2024-01-01", new Date("2024-01-02T00:00:00Z"))).toBe(1);
    expect(ageInDays("2024-01-01", "2024-01-31T12:00:00Z")).toBe(30);
    expect(ageInDays("2000-01-01", "2001-01-01T00:00:00Z")).toBe(366);
  });
  it("is null when unknown or negative", () => {
    expect(ageInDays(null, new Date())).toBeNull();
    expect(ageInDays("2024-01-01", null)).toBeNull();
    expect(ageInDays("2024-01-02", new Date("2024-01-01T12:00:00Z"))).toBeNull();
    expect(ageInDays("2024-01-01", "not a date")).toBeNull();
    expect(ageInDays("01/01/2024", "2024-02-01T00:00:00Z")).toBeNull();
  });
  it("reads the date part of a longer ISO date of birth, and trims it", () => {
    expect(ageInDays(" 2024-01-01T18:00:00Z", "2024-01-11T00:00:00Z")).toBe(10);
    expect(ageInDays("x2024-01-01", "2024-01-11T00:00:00Z")).toBeNull();
  });
});

describe("pickRange", () => {
  // Hemoglobin: neonatal band (any sex, 0-28 days), adult male, adult female, generic.
  const generic = range({ id: 1, refLow: "12", refHigh: "16" });
  const neonatal = range({ id: 2, ageMinDays: 0, ageMaxDays: 28, refLow: "14", refHigh: "24" });
  const adultM = range({ id: 3, sex: "M", ageMinDays: 6570, refLow: "13.5", refHigh: "17.5" });
  const adultF = range({ id: 4, sex: "F", ageMinDays: 6570, refLow: "12", refHigh: "15.5" });
  const maleAny = range({ id: 5, sex: "M", refLow: "13", refHigh: "17" });
  const hb = [generic, neonatal, adultM, adultF, maleAny];

  it("prefers sex AND age over everything", () => {
    expect(pickRange(hb, "M", 10000)?.id).toBe(3);
    expect(pickRange(hb, "F", 10000)?.id).toBe(4);
  });
  it("prefers age-only over sex-only", () => {
    // a 10-day-old boy: neonatal band (age only) beats male-any (sex only)
    expect(pickRange(hb, "M", 10)?.id).toBe(2);
    expect(pickRange(hb, "F", 10)?.id).toBe(2);
  });
  it("prefers sex-only over generic", () => {
    // a 1-year-old boy: no age band fits; male-any beats generic
    expect(pickRange(hb, "M", 365)?.id).toBe(5);
  });
  it("falls back to generic", () => {
    expect(pickRange(hb, "F", 365)?.id).toBe(1);
  });
  it("treats age bounds as inclusive", () => {
    expect(pickRange(hb, "F", 0)?.id).toBe(2);
    expect(pickRange(hb, "F", 28)?.id).toBe(2);
    expect(pickRange(hb, "F", 29)?.id).toBe(1);
    expect(pickRange(hb, "F", 6569)?.id).toBe(1);
    expect(pickRange(hb, "F", 6570)?.id).toBe(4);
  });
  it("with unknown age only fits ranges without age bounds", () => {
    expect(pickRange(hb, "M", null)?.id).toBe(5);
    expect(pickRange(hb, "F", null)?.id).toBe(1);
    expect(pickRange([neonatal, adultF], "F", null)).toBeUndefined();
  });
  it("a half-open age band is age-specific and needs a known age", () => {
    const adultAny = range({ id: 7, ageMinDays: 6570 });
    expect(pickRange([generic, adultAny], "F", 7000)?.id).toBe(7);
    expect(pickRange([generic, adultAny], "F", null)?.id).toBe(1);
  });
  it("sex U only fits sex-null ranges", () => {
    expect(pickRange(hb, "U", 10000)?.id).toBe(1);
    expect(pickRange(hb, "U", 10)?.id).toBe(2);
    expect(pickRange([adultM, adultF, maleAny], "U", 10000)).toBeUndefined();
    expect(pickRange([range({ id: 9, sex: "U" })], "U", 10000)).toBeUndefined();
  });
  it("ties go to the lowest id regardless of order", () => {
    const a = range({ id: 20, sex: "M" });
    const b = range({ id: 11, sex: "M" });
    const c = range({ id: 15, sex: "M" });
    expect(pickRange([a, b, c], "M", 100)?.id).toBe(11);
    expect(pickRange([c, a, b], "M", 100)?.id).toBe(11);
    const g1 = range({ id: 8 });
    const g2 = range({ id: 3 });
    expect(pickRange([g1, g2], "F", null)?.id).toBe(3);
  });
  it("returns undefined when nothing fits", () => {
    expect(pickRange([], "M", 100)).toBeUndefined();
    expect(pickRange([adultF], "M", 10000)).toBeUndefined();
  });
});

describe("evaluateValue (numeric)", () => {
  it("flags LL below critical_low and HH above critical_high", () => {
    expect(evaluateValue(glucose, glucoseRange, num(10, "30.00"))).toEqual({
      parameter_id: 10,
      parameter_name: "Glucose",
      value: 30,
      unit: "mg/dL",
      reference_range: "70 - 110",
      critical_range: "40 - 400",
      flag: "LL",
    });
    expect(evaluateValue(glucose, glucoseRange, num(10, "450.5"))).toEqual({
      parameter_id: 10,
      parameter_name: "Glucose",
      value: 450.5,
      unit: "mg/dL",
      reference_range: "70 - 110",
      critical_range: "40 - 400",
      flag: "HH",
    });
  });
  it("returns value as a JS number", () => {
    const r = evaluateValue(glucose, glucoseRange, num(10, "500.0"));
    expect(r?.value).toBe(500);
    expect(typeof r?.value).toBe("number");
  });
  it("is not critical inside the normal range or merely abnormal", () => {
    expect(evaluateValue(glucose, glucoseRange, num(10, "90"))).toBeNull();
    expect(evaluateValue(glucose, glucoseRange, num(10, "50"))).toBeNull();
    expect(evaluateValue(glucose, glucoseRange, num(10, "300"))).toBeNull();
  });
  it("treats bounds as inclusive", () => {
    expect(evaluateValue(glucose, glucoseRange, num(10, "40.00"))).toBeNull();
    expect(evaluateValue(glucose, glucoseRange, num(10, "400"))).toBeNull();
    expect(evaluateValue(glucose, glucoseRange, num(10, "110.00"))).toBeNull();
    expect(evaluateValue(glucose, glucoseRange, num(10, "70"))).toBeNull();
    expect(evaluateValue(glucose, glucoseRange, num(10, "39.99"))?.flag).toBe("LL");
    expect(evaluateValue(glucose, glucoseRange, num(10, "400.01"))?.flag).toBe("HH");
  });
  it("requires being outside BOTH ranges; ref bounds are inclusive (normal)", () => {
    // Misconfigured range whose critical band is inside the normal band: only values
    // outside the normal range can be critical, and ref bounds themselves are normal.
    const r = range({ id: 1, refLow: "70", refHigh: "110", criticalLow: "80", criticalHigh: "100" });
    expect(evaluateValue(glucose, r, num(10, "75"))).toBeNull();
    expect(evaluateValue(glucose, r, num(10, "105"))).toBeNull();
    expect(evaluateValue(glucose, r, num(10, "70.00"))).toBeNull();
    expect(evaluateValue(glucose, r, num(10, "110.00"))).toBeNull();
    expect(evaluateValue(glucose, r, num(10, "69.9"))?.flag).toBe("LL");
    expect(evaluateValue(glucose, r, num(10, "110.1"))?.flag).toBe("HH");
  });
  it("never flags LL without critical_low", () => {
    const r = range({ id: 1, refLow: "70", refHigh: "110", criticalHigh: "400" });
    expect(evaluateValue(glucose, r, num(10, "-1000"))).toBeNull();
    expect(evaluateValue(glucose, r, num(10, "0"))).toBeNull();
    expect(evaluateValue(glucose, r, num(10, "401"))?.flag).toBe("HH");
  });
  it("never flags HH without critical_high", () => {
    const r = range({ id: 1, refLow: "70", refHigh: "110", criticalLow: "40" });
    expect(evaluateValue(glucose, r, num(10, "100000"))).toBeNull();
    expect(evaluateValue(glucose, r, num(10, "39"))?.flag).toBe("LL");
  });
  it("with no ref_low there is no lower normal limit", () => {
    // ref_low missing: a low value is within the normal range, hence never critical
    const r = range({ id: 1, refHigh: "200", criticalLow: "10", criticalHigh: "500" });
    expect(evaluateValue(glucose, r, num(10, "5"))).toBeNull();
    const hh = evaluateValue(glucose, r, num(10, "600"));
    expect(hh?.flag).toBe("HH");
    expect(hh?.reference_range).toBe("< 200");
    expect(hh?.critical_range).toBe("10 - 500");
  });
  it("formats one-sided ranges in the output", () => {
    const r = range({ id: 1, refLow: "3.50", criticalLow: "2.50" });
    expect(evaluateValue(glucose, r, num(10, "2.0"))).toMatchObject({
      value: 2,
      reference_range: "> 3.5",
      critical_range: "> 2.5",
      flag: "LL",
    });
    const h = range({ id: 2, refHigh: "5.00", criticalHigh: "10.00" });
    expect(evaluateValue(glucose, h, num(10, "10.5"))).toMatchObject({
      reference_range: "< 5",
      critical_range: "< 10",
      flag: "HH",
    });
  });
  it("handles negative bounds", () => {
    const r = range({ id: 1, refLow: "-2.00", refHigh: "2.00", criticalLow: "-10.00", criticalHigh: "10.00" });
    expect(evaluateValue(glucose, r, num(10, "-10.5"))).toMatchObject({
      value: -10.5,
      reference_range: "-2 - 2",
      critical_range: "-10 - 10",
      flag: "LL",
    });
    expect(evaluateValue(glucose, r, num(10, "-10"))).toBeNull();
  });
  it("is never critical without a range or without a finite value", () => {
    expect(evaluateValue(glucose, undefined, num(10, "1"))).toBeNull();
    expect(evaluateValue(glucose, glucoseRange, num(10, null))).toBeNull();
    expect(evaluateValue(glucose, glucoseRange, num(10, ""))).toBeNull();
    expect(evaluateValue(glucose, glucoseRange, num(10, "abc"))).toBeNull();
    expect(evaluateValue(glucose, glucoseRange, num(10, "Infinity"))).toBeNull();
    expect(evaluateValue(glucose, glucoseRange, num(10, "NaN"))).toBeNull();
  });
  it("is never critical when both critical bounds are missing", () => {
    const r = range({ id: 1, refLow: "70", refHigh: "110" });
    expect(evaluateValue(glucose, r, num(10, "0"))).toBeNull();
    expect(evaluateValue(glucose, r, num(10, "9999"))).toBeNull();
  });
});

describe("evaluateValue (text)", () => {
  const culture = param({ id: 20, name: "Blood culture", unit: "", resultType: "text" });
  const r = range({ id: 200, parameterId: 20, criticalTexts: ["Positive", " GROWTH SEEN "] });

  it("flags AA on a trimmed, case-insensitive match", () => {
    expect(evaluateValue(culture, r, txt(20, "  positive "))).toEqual({
      parameter_id: 20,
      parameter_name: "Blood culture",
      value: "positive",
      unit: "",
      reference_range: "",
      critical_range: "Positive, GROWTH SEEN",
      flag: "AA",
    });
    expect(evaluateValue(culture, r, txt(20, "POSITIVE"))?.flag).toBe("AA");
    expect(evaluateValue(culture, r, txt(20, "growth seen"))).toMatchObject({ value: "growth seen", flag: "AA" });
  });
  it("does not match substrings or other texts", () => {
    expect(evaluateValue(culture, r, txt(20, "Negative"))).toBeNull();
    expect(evaluateValue(culture, r, txt(20, "Not positive"))).toBeNull();
    expect(evaluateValue(culture, r, txt(20, "positive!"))).toBeNull();
    expect(evaluateValue(culture, r, txt(20, ""))).toBeNull();
    expect(evaluateValue(culture, r, txt(20, null))).toBeNull();
  });
  it("is not critical without critical_texts or range", () => {
    expect(evaluateValue(culture, range({ id: 1, parameterId: 20 }), txt(20, "Positive"))).toBeNull();
    expect(evaluateValue(culture, range({ id: 1, criticalTexts: [] }), txt(20, "Positive"))).toBeNull();
    expect(evaluateValue(culture, undefined, txt(20, "Positive"))).toBeNull();
  });
  it("keeps the value a string even when it looks numeric", () => {
    const rr = range({ id: 1, criticalTexts: ["0"] });
    expect(evaluateValue(culture, rr, txt(20, " 0 "))?.value).toBe("0");
  });
});

describe("evaluateReports", () => {
  const hb = param({ id: 1, name: "Hemoglobin", unit: "g/dL", sortOrder: 2 });
  const k = param({ id: 2, name: "Potassium", unit: "mmol/L", sortOrder: 1 });
  const cult = param({ id: 3, name: "Culture", unit: "", resultType: "text", sortOrder: 2 });
  const na = param({ id: 4, name: "Sodium", unit: "mmol/L", sortOrder: 5 });
  const parameters = new Map([hb, k, cult, na].map((p) => [p.id, p]));

  const rangesByParameter = new Map<number, RangeRow[]>([
    [
      1,
      [
        // neonatal: normal 14-24, critical 10-28
        range({ id: 11, parameterId: 1, ageMinDays: 0, ageMaxDays: 28, refLow: "14", refHigh: "24", criticalLow: "10", criticalHigh: "28" }),
        // adult male: normal 13.5-17.5, critical 7-20
        range({ id: 12, parameterId: 1, sex: "M", ageMinDays: 6570, refLow: "13.50", refHigh: "17.50", criticalLow: "7.00", criticalHigh: "20.00" }),
        // generic: normal 12-16, critical 7-20
        range({ id: 13, parameterId: 1, refLow: "12", refHigh: "16", criticalLow: "7", criticalHigh: "20" }),
      ],
    ],
    [2, [range({ id: 21, parameterId: 2, refLow: "3.5", refHigh: "5.1", criticalLow: "2.5", criticalHigh: "6.5" })]],
    [3, [range({ id: 31, parameterId: 3, criticalTexts: ["positive"] })]],
    [4, [range({ id: 41, parameterId: 4, refLow: "135", refHigh: "145", criticalLow: "120", criticalHigh: "160" })]],
  ]);

  const adultMale: PatientContext = { sex: "M", dateOfBirth: "1980-05-05", sampleCollectedAt: "2024-03-01T08:00:00Z" };
  const neonate: PatientContext = { sex: "F", dateOfBirth: "2024-02-20", sampleCollectedAt: new Date("2024-03-01T08:00:00Z") };
  const unknownAge: PatientContext = { sex: "U", dateOfBirth: null, sampleCollectedAt: null };

  it("omits reports without critical parameters and orders by sortOrder then id", () => {
    const reports = [
      { id: 101, patient: adultMale },
      { id: 102, patient: neonate },
      { id: 103, patient: unknownAge },
    ];
    const values: ValueRow[] = [
      // report 101: Na critical (sort 5), Hb critical (sort 2, id 1), culture critical (sort 2, id 3), K critical (sort 1)
      num(4, "170", 101),
      txt(3, " Positive", 101),
      num(1, "5.0", 101),
      num(2, "7.00", 101),
      // report 102 (neonate): Hb 25 is normal for the neonatal band (would be HH for generic); K normal
      num(1, "25", 102),
      num(2, "4.0", 102),
      // report 103: only abnormal values
      num(4, "125", 103),
      txt(3, "negative", 103),
      // a value for a report not requested is ignored
      num(2, "9.9", 999),
    ];
    const out = evaluateReports(reports, values, parameters, rangesByParameter);
    expect([...out.keys()]).toEqual([101]);
    const list = out.get(101)!;
    expect(list.map((c) => [c.parameter_id, c.flag])).toEqual([
      [2, "HH"],
      [1, "LL"],
      [3, "AA"],
      [4, "HH"],
    ]);
    expect(list[1]).toEqual({
      parameter_id: 1,
      parameter_name: "Hemoglobin",
      value: 5,
      unit: "g/dL",
      reference_range: "13.5 - 17.5",
      critical_range: "7 - 20",
      flag: "LL",
    });
    expect(list[2].value).toBe("Positive");
  });

  it("uses the patient's range: neonatal band vs adult male vs generic", () => {
    const reports = [
      { id: 1, patient: neonate },
      { id: 2, patient: adultMale },
      { id: 3, patient: unknownAge },
    ];
    // 8.5: neonatal critical low is 10 -> LL; adult male / generic critical low is 7 -> abnormal only
    // 27: neonatal normal high 24, critical high 28 -> abnormal; generic -> HH
    const values = [num(1, "8.5", 1), num(1, "8.5", 2), num(1, "27", 3)];
    const out = evaluateReports(reports, values, parameters, rangesByParameter);
    expect([...out.keys()]).toEqual([1, 3]);
    expect(out.get(1)).toMatchObject([{ flag: "LL", reference_range: "14 - 24", critical_range: "10 - 28" }]);
    expect(out.get(3)).toMatchObject([{ flag: "HH", reference_range: "12 - 16", critical_range: "7 - 20" }]);
  });

  it("skips values whose parameter or range is unknown", () => {
    const params = new Map(parameters);
    params.set(9, param({ id: 9, sortOrder: 0 }));
    const out = evaluateReports(
      [{ id: 1, patient: adultMale }],
      [num(9, "-1000", 1), num(77, "-1000", 1)],
      params,
      rangesByParameter,
    );
    expect(out.size).toBe(0);
  });

  it("returns an empty map for no reports", () => {
    expect(evaluateReports([], [], parameters, rangesByParameter).size).toBe(0);
  });
});
