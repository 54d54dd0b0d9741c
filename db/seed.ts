// Demo data: two labs with a test catalog, people, a week of bills and reports, and a callout history
// that follows DESIGN §5.4. Deterministic: a seeded PRNG and a fixed base date, so every run writes
// the same rows (only the password hash's salt differs). No "server-only": scripts and tests use it.
//
// Every report's critical_values agrees with its values under the DESIGN §4 rule, evaluated with the
// range that fits the patient (sex and age at sample collection): 1/2/4 ⇒ at least one critical
// parameter, 3 ⇒ outside normal but no critical parameter, 0 ⇒ all normal.
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import {
  type ActivityInput,
  activityJson,
  activityText,
  type CommunicationMethod,
  type ContactDetails,
  type Recipient,
} from "../domain/callout/activity";
import { hashPassword } from "../domain/auth/password";
import type { Db, Tx } from "./connect";
import { DEMO_LOGINS, DEMO_PASSWORD } from "./demo-logins";
import * as t from "./schema";

export { DEMO_LOGINS, DEMO_PASSWORD };

/** "Now" of the demo data: bills span the 7 days before it. */
export const SEED_BASE_DATE = new Date("2026-11-20T08:00:00Z");


// ---------------------------------------------------------------------------------------------
// Deterministic randomness

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = a;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

class Rng {
  private next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  float(): number {
    return this.next();
  }
  between(lo: number, hi: number): number {
    return lo + (hi - lo) * this.next();
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  weighted<T>(items: readonly T[], weight: (x: T) => number): T {
    const total = items.reduce((s, x) => s + weight(x), 0);
    let r = this.next() * total;
    for (const x of items) {
      r -= weight(x);
      if (r < 0) return x;
    }
    return items[items.length - 1];
  }
  /** k distinct items, picked by weight. */
  sample<T>(items: readonly T[], k: number, weight: (x: T) => number = () => 1): T[] {
    const pool = [...items];
    const out: T[] = [];
    while (out.length < k && pool.length > 0) {
      const x = this.weighted(pool, weight);
      out.push(x);
      pool.splice(pool.indexOf(x), 1);
    }
    return out;
  }
  digits(n: number): string {
    let s = "";
    for (let i = 0; i < n; i++) s += String(this.int(0, 9));
    return s;
  }
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const BASE = SEED_BASE_DATE.getTime();

// ---------------------------------------------------------------------------------------------
// Catalog

const DEPARTMENTS = ["Hematology", "Clinical Chemistry", "Microbiology", "Immunology", "Coagulation", "Blood Gas"] as const;
type DeptName = (typeof DEPARTMENTS)[number];

interface RangeDef {
  sex?: "M" | "F";
  ageMin?: number;
  ageMax?: number;
  low?: number;
  high?: number;
  cLow?: number;
  cHigh?: number;
  /** critical_texts (lower case) of a text parameter. */
  texts?: string[];
}

interface ParamDef {
  name: string;
  unit: string;
  /** Decimals of generated values. */
  dp: number;
  ranges: RangeDef[];
  /** Text parameter: values written when normal, and when critical. */
  text?: { normal: string[]; critical: string[] };
  /** Values may go below zero (base excess). */
  negative?: boolean;
}

interface TestDef {
  name: string;
  dept: DeptName;
  profile?: boolean;
  /** How often it is ordered. */
  weight: number;
  params: ParamDef[];
}

const NEONATE = { ageMin: 0, ageMax: 28 };

const num = (name: string, unit: string, dp: number, ...ranges: RangeDef[]): ParamDef => ({ name, unit, dp, ranges });
const txt = (name: string, normal: string[], criticalTexts?: string[], criticalOutputs?: string[]): ParamDef => ({
  name,
  unit: "",
  dp: 0,
  ranges: [{ texts: criticalTexts }],
  text: {
    normal,
    critical: criticalOutputs ?? (criticalTexts ?? []).map((s) => s.charAt(0).toUpperCase() + s.slice(1)),
  },
});

const GRAM_CRITICAL = [
  "gram positive cocci in clusters",
  "gram positive cocci in chains",
  "gram negative bacilli",
  "gram negative diplococci",
];

function catalog(lab: 1 | 2): TestDef[] {
  const WBC = num("WBC", "10^3/uL", 1, { low: 4.0, high: 11.0, cLow: 2.0, cHigh: 30.0 }, { ...NEONATE, low: 9.0, high: 30.0, cLow: 5.0, cHigh: 40.0 });
  const RBC = num("RBC", "10^6/uL", 2, { low: 4.1, high: 5.9 }, { sex: "M", low: 4.5, high: 5.9 }, { sex: "F", low: 4.1, high: 5.1 });
  const HGB = num(
    "Hemoglobin",
    "g/dL",
    1,
    { low: 12.0, high: 17.5, cLow: 7.0, cHigh: 20.0 },
    { sex: "M", low: 13.5, high: 17.5, cLow: 7.0, cHigh: 20.0 },
    { sex: "F", low: 12.0, high: 15.5, cLow: 7.0, cHigh: 19.0 },
    { ...NEONATE, low: 14.0, high: 22.0, cLow: 9.5, cHigh: 25.0 },
  );
  const HCT = num(
    "Hematocrit",
    "%",
    1,
    { low: 36, high: 53, cLow: 20, cHigh: 60 },
    { sex: "M", low: 41, high: 53, cLow: 20, cHigh: 60 },
    { sex: "F", low: 36, high: 46, cLow: 20, cHigh: 60 },
  );
  const MCV = num("MCV", "fL", 0, { low: 80, high: 100 });
  const PLT = num("Platelet Count", "10^3/uL", 0, { low: 150, high: 400, cLow: 20, cHigh: 1000 });
  const ANC = num("Absolute Neutrophil Count", "10^3/uL", 2, { low: 1.5, high: 8.0, cLow: 0.5 });
  const LYM = num("Lymphocytes", "%", 0, { low: 20, high: 40 });
  const ESR = num("ESR", "mm/h", 0, { low: 0, high: 20 }, { sex: "M", low: 0, high: 15 }, { sex: "F", low: 0, high: 20 });
  const RETIC = num("Reticulocytes", "%", 1, { low: 0.5, high: 2.5 });
  const SMEAR = txt("Smear review", ["Normocytic normochromic, no abnormal cells", "No abnormal cells seen"], ["blasts seen", "schistocytes present"]);
  const MAL = txt("Malaria parasites", ["Not seen"], ["seen", "plasmodium falciparum seen"], ["Seen", "Plasmodium falciparum seen"]);

  const NA = num("Sodium", "mmol/L", 0, { low: 135, high: 145, cLow: 120, cHigh: 160 });
  const K = num(
    "Potassium",
    "mmol/L",
    1,
    { low: 3.5, high: 5.1, cLow: 2.5, cHigh: lab === 1 ? 6.2 : 6.5 },
    { ...NEONATE, low: 3.7, high: 5.9, cLow: 2.5, cHigh: 7.0 },
  );
  const CL = num("Chloride", "mmol/L", 0, { low: 98, high: 107 });
  const HCO3 = num("Bicarbonate", "mmol/L", 0, { low: 22, high: 29, cLow: 10, cHigh: 40 });
  const GLU = num(
    "Glucose",
    "mg/dL",
    0,
    { low: 70, high: 99, cLow: lab === 1 ? 40 : 45, cHigh: 500 },
    { ...NEONATE, low: 45, high: 96, cLow: 30, cHigh: 300 },
  );
  const BUN = num("BUN", "mg/dL", 0, { low: 7, high: 20 });
  const CREA = num("Creatinine", "mg/dL", 2, { low: 0.6, high: 1.3 }, { sex: "M", low: 0.7, high: 1.3 }, { sex: "F", low: 0.6, high: 1.1 });
  const CA = num("Calcium", "mg/dL", 1, { low: 8.6, high: 10.3, cLow: 6.0, cHigh: 13.0 });
  const MG = num("Magnesium", "mg/dL", 1, { low: 1.7, high: 2.2, cLow: 1.0, cHigh: 4.9 });
  const PHOS = num("Phosphorus", "mg/dL", 1, { low: 2.5, high: 4.5, cLow: 1.0 });
  const TBIL = num("Total Bilirubin", "mg/dL", 1, { low: 0.1, high: 1.2 }, { ...NEONATE, low: 1.0, high: 12.0, cHigh: 15.0 });
  const TROP = num("Troponin I", "ng/L", 0, { high: 34, cHigh: 100 }, { sex: "M", high: 34, cHigh: 100 }, { sex: "F", high: 16, cHigh: 100 });
  const LAC = num("Lactate", "mmol/L", 1, { low: 0.5, high: 2.2, cHigh: 4.0 });
  const NH3 = num("Ammonia", "umol/L", 0, { low: 11, high: 51, cHigh: 100 });
  const DIG = num("Digoxin", "ng/mL", 1, { low: 0.8, high: 2.0, cHigh: 2.5 });
  const ALT = num("ALT", "U/L", 0, { low: 7, high: 56 });
  const AST = num("AST", "U/L", 0, { low: 10, high: 40 });
  const ALP = num("Alkaline Phosphatase", "U/L", 0, { low: 44, high: 147 });
  const ALB = num("Albumin", "g/dL", 1, { low: 3.5, high: 5.0 });

  const BCX = txt("Culture result", ["No growth at 5 days", "No growth at 48 hours"], ["positive", "growth detected"], [
    "Growth detected",
    "Positive",
    "Growth detected",
    "POSITIVE",
    " growth detected ",
  ]);
  const GRAM = txt("Gram stain", ["No organisms seen", "Rare epithelial cells, no organisms seen"], GRAM_CRITICAL);
  const CSF_WBC = num("CSF WBC", "cells/uL", 0, { low: 0, high: 5 });
  const CSF_GLU = num("CSF Glucose", "mg/dL", 0, { low: 40, high: 70, cLow: 20 });
  const CSF_GRAM = txt("CSF Gram stain", ["No organisms seen"], GRAM_CRITICAL);
  const UCX = txt("Culture result", ["No growth", "Mixed flora, <10,000 CFU/mL", ">100,000 CFU/mL Escherichia coli"]);
  const MALAG = txt("P. falciparum antigen", ["Negative", "Not detected"], ["positive", "detected"]);

  const TSH = num("TSH", "uIU/mL", 2, { low: 0.4, high: 4.0 });
  const PCT = num("Procalcitonin", "ng/mL", 2, { high: 0.5, cHigh: 10 });
  const CRP = num("C-Reactive Protein", "mg/L", 1, { high: 10 });
  const CRAG = txt("Cryptococcal antigen", ["Negative"], ["positive"]);
  const FERR = num("Ferritin", "ng/mL", 0, { low: 11, high: 336 }, { sex: "M", low: 24, high: 336 }, { sex: "F", low: 11, high: 307 });

  const PT = num("PT", "s", 1, { low: 11.0, high: 13.5, cHigh: 30.0 });
  const INR = num("INR", "", 2, { low: 0.8, high: 1.2, cHigh: 5.0 });
  const APTT = num("aPTT", "s", 1, { low: 25, high: 35, cHigh: 100 });
  const FIB = num("Fibrinogen", "mg/dL", 0, { low: 200, high: 400, cLow: 100 });
  const DDI = num("D-Dimer", "ng/mL FEU", 0, { high: 500 });

  const PH_A = num("pH", "", 2, { low: 7.35, high: 7.45, cLow: 7.2, cHigh: 7.6 });
  const PCO2_A = num("pCO2", "mmHg", 0, { low: 35, high: 45, cLow: 20, cHigh: 70 });
  const PO2 = num("pO2", "mmHg", 0, { low: 80, high: 100, cLow: 40 });
  const HCO3_A = num("HCO3", "mmol/L", 1, { low: 22, high: 26, cLow: 10, cHigh: 40 });
  const BE: ParamDef = { ...num("Base Excess", "mmol/L", 1, { low: -2, high: 2 }), negative: true };
  const PH_V = num("pH", "", 2, { low: 7.31, high: 7.41, cLow: 7.2, cHigh: 7.6 });
  const PCO2_V = num("pCO2", "mmHg", 0, { low: 41, high: 51, cLow: 20, cHigh: 70 });
  const ICA = num("Ionized Calcium", "mmol/L", 2, { low: 1.12, high: 1.32, cLow: 0.78, cHigh: 1.58 });
  const COHB = num("Carboxyhemoglobin", "%", 1, { low: 0, high: 3, cHigh: 20 });

  return [
    { name: "Complete Blood Count", dept: "Hematology", profile: true, weight: 10, params: [WBC, RBC, HGB, HCT, MCV, PLT] },
    { name: "Hemoglobin", dept: "Hematology", weight: 4, params: [HGB] },
    { name: "Platelet Count", dept: "Hematology", weight: 3, params: [PLT] },
    { name: "WBC with Differential", dept: "Hematology", weight: 3, params: [WBC, ANC, LYM] },
    { name: "Peripheral Blood Smear", dept: "Hematology", weight: 1, params: [SMEAR, MAL] },
    { name: "ESR", dept: "Hematology", weight: 2, params: [ESR] },
    { name: "Reticulocyte Count", dept: "Hematology", weight: 1, params: [RETIC] },

    { name: "Basic Metabolic Panel", dept: "Clinical Chemistry", profile: true, weight: 9, params: [NA, K, CL, HCO3, GLU, BUN, CREA, CA] },
    { name: "Glucose, Fasting", dept: "Clinical Chemistry", weight: 4, params: [GLU] },
    { name: "Potassium", dept: "Clinical Chemistry", weight: 4, params: [K] },
    { name: "Sodium", dept: "Clinical Chemistry", weight: 2, params: [NA] },
    { name: "Magnesium", dept: "Clinical Chemistry", weight: 2, params: [MG] },
    { name: "Phosphorus", dept: "Clinical Chemistry", weight: 1, params: [PHOS] },
    { name: "Total Bilirubin", dept: "Clinical Chemistry", weight: 2, params: [TBIL] },
    { name: "Troponin I (hs)", dept: "Clinical Chemistry", weight: 3, params: [TROP] },
    { name: "Lactate", dept: "Clinical Chemistry", weight: 2, params: [LAC] },
    { name: "Ammonia", dept: "Clinical Chemistry", weight: 1, params: [NH3] },
    { name: "Digoxin Level", dept: "Clinical Chemistry", weight: 1, params: [DIG] },
    { name: "Liver Function Panel", dept: "Clinical Chemistry", weight: 3, params: [ALT, AST, ALP, TBIL, ALB] },

    { name: "Blood Culture", dept: "Microbiology", weight: 3, params: [BCX] },
    { name: "Gram Stain", dept: "Microbiology", weight: 1, params: [GRAM] },
    { name: "CSF Analysis", dept: "Microbiology", weight: 1, params: [CSF_WBC, CSF_GLU, CSF_GRAM] },
    { name: "Urine Culture", dept: "Microbiology", weight: 3, params: [UCX] },
    { name: "Malaria Antigen (Rapid)", dept: "Microbiology", weight: 1, params: [MALAG] },

    { name: "TSH", dept: "Immunology", weight: 3, params: [TSH] },
    { name: "Procalcitonin", dept: "Immunology", weight: 1, params: [PCT] },
    { name: "C-Reactive Protein", dept: "Immunology", weight: 3, params: [CRP] },
    { name: "Cryptococcal Antigen", dept: "Immunology", weight: 1, params: [CRAG] },
    { name: "Ferritin", dept: "Immunology", weight: 1, params: [FERR] },

    { name: "Coagulation Profile", dept: "Coagulation", profile: true, weight: 3, params: [PT, INR, APTT, FIB] },
    { name: "PT/INR", dept: "Coagulation", weight: 5, params: [PT, INR] },
    { name: "aPTT", dept: "Coagulation", weight: 2, params: [APTT] },
    { name: "Fibrinogen", dept: "Coagulation", weight: 1, params: [FIB] },
    { name: "D-Dimer", dept: "Coagulation", weight: 2, params: [DDI] },

    { name: "Arterial Blood Gas", dept: "Blood Gas", weight: 2, params: [PH_A, PCO2_A, PO2, HCO3_A, BE] },
    { name: "Venous Blood Gas", dept: "Blood Gas", weight: 1, params: [PH_V, PCO2_V] },
    { name: "Ionized Calcium", dept: "Blood Gas", weight: 1, params: [ICA] },
    { name: "Carboxyhemoglobin", dept: "Blood Gas", weight: 1, params: [COHB] },
  ];
}

// ---------------------------------------------------------------------------------------------
// Evaluation (DESIGN §4), on the seed's own definitions

type Cls = "normal" | "abnormal" | "LL" | "HH" | "AA";
const isCritical = (c: Cls) => c === "LL" || c === "HH" || c === "AA";

/** Most specific fitting range: sex and age (3) > age (2) > sex (1) > neither (0); ties to the first. */
function pickRange(ranges: RangeDef[], sex: string, ageDays: number | null, lenientAge = false): RangeDef | undefined {
  let best: RangeDef | undefined;
  let bestScore = -1;
  for (const r of ranges) {
    if (r.sex && r.sex !== sex) continue;
    const ageSpecific = r.ageMin !== undefined || r.ageMax !== undefined;
    if (ageSpecific) {
      // lenientAge: an unknown age taken to fit every band (a common mistake); used to make sure
      // the seed's statuses do not depend on that choice.
      if (ageDays === null) {
        if (!lenientAge) continue;
      } else {
        if (r.ageMin !== undefined && ageDays < r.ageMin) continue;
        if (r.ageMax !== undefined && ageDays > r.ageMax) continue;
      }
    }
    const score = (ageSpecific ? 2 : 0) + (r.sex ? 1 : 0);
    if (score > bestScore) {
      best = r;
      bestScore = score;
    }
  }
  return best;
}

function classify(p: ParamDef, r: RangeDef | undefined, v: number | string): Cls {
  if (!r) return "normal";
  if (p.text) {
    const needle = String(v).trim().toLowerCase();
    return r.texts?.some((x) => x.toLowerCase() === needle) ? "AA" : "normal";
  }
  const n = Number(v);
  if ((r.low === undefined || n >= r.low) && (r.high === undefined || n <= r.high)) return "normal";
  if (r.cLow !== undefined && n < r.cLow) return "LL";
  if (r.cHigh !== undefined && n > r.cHigh) return "HH";
  return "abnormal";
}

const fmtNum = (n: number) => String(n);
function fmtRange(low: number | undefined, high: number | undefined): string {
  if (low !== undefined && high !== undefined) return `${fmtNum(low)} - ${fmtNum(high)}`;
  if (high !== undefined) return `< ${fmtNum(high)}`;
  if (low !== undefined) return `> ${fmtNum(low)}`;
  return "";
}

function ageInDays(dob: string | null, at: number): number | null {
  if (!dob) return null;
  const days = Math.floor((at - Date.parse(`${dob}T00:00:00Z`)) / DAY);
  return days < 0 ? null : days;
}

const canBeCritical = (p: ParamDef, r: RangeDef | undefined) =>
  !!r && (p.text ? (r.texts?.length ?? 0) > 0 : r.cLow !== undefined || r.cHigh !== undefined);

function abnormalSides(p: ParamDef, r: RangeDef | undefined): ("low" | "high")[] {
  if (!r || p.text) return [];
  const sides: ("low" | "high")[] = [];
  if (r.low !== undefined) {
    const floor = r.cLow ?? (p.negative ? -Infinity : 0);
    if (floor < r.low) sides.push("low");
  }
  if (r.high !== undefined) sides.push("high");
  return sides;
}

/** A value of the wanted class under range r (numbers rounded to the parameter's decimals). */
function genValue(rng: Rng, p: ParamDef, r: RangeDef, want: "normal" | "abnormal" | "critical"): number | string {
  if (p.text) {
    if (want === "critical") return rng.pick(p.text.critical);
    return rng.pick(p.text.normal);
  }
  const round = (x: number) => Number(x.toFixed(p.dp));
  const low = r.low;
  const high = r.high;
  const width = low !== undefined && high !== undefined ? high - low : Math.abs(high ?? low ?? 1);
  for (let attempt = 0; attempt < 50; attempt++) {
    let v: number;
    if (want === "normal") {
      const lo = low ?? (high ?? 0) * 0.1;
      const hi = high ?? lo * 1.5;
      // Keep off the exact bounds.
      v = rng.between(lo + (hi - lo) * 0.05, hi - (hi - lo) * 0.05);
    } else if (want === "abnormal") {
      const side = rng.pick(abnormalSides(p, r));
      if (side === "low") {
        const floor = Math.max(r.cLow ?? low! - width * 0.6, p.negative ? -Infinity : 0);
        v = rng.between(floor + (low! - floor) * 0.1, low! - (low! - floor) * 0.05);
      } else {
        const ceil = r.cHigh ?? high! + Math.max(width, Math.abs(high!) * 0.5, 1);
        v = rng.between(high! + (ceil - high!) * 0.05, ceil - (ceil - high!) * 0.1);
      }
    } else {
      const sides: ("low" | "high")[] = [];
      if (r.cLow !== undefined) sides.push("low");
      if (r.cHigh !== undefined) sides.push("high");
      const side = rng.pick(sides);
      if (side === "low") {
        const span = Math.min(low !== undefined ? low - r.cLow! : r.cLow! * 0.4, Math.abs(r.cLow!) * 0.4) * 0.8;
        v = r.cLow! - span * rng.between(0.05, 1);
      } else {
        const span = Math.min(high !== undefined ? r.cHigh! - high : r.cHigh! * 0.5, Math.abs(r.cHigh!) * 0.5) * 0.8;
        v = r.cHigh! + span * rng.between(0.05, 1);
      }
    }
    const x = round(v);
    const c = classify(p, r, x);
    if ((want === "critical" && isCritical(c)) || c === want) return x;
  }
  throw new Error(`seed: cannot generate a ${want} value for ${p.name}`);
}

// ---------------------------------------------------------------------------------------------
// The plan (built first, with all randomness; inserted afterwards)

interface PDept {
  name: DeptName;
  id: number;
}
interface PParam {
  def: ParamDef;
  sortOrder: number;
  id: number;
  rangeIds: number[];
}
interface PTest {
  def: TestDef;
  dept: PDept;
  params: PParam[];
  id: number;
}
interface POrg {
  name: string;
  phone: string;
  email: string;
  fax: string;
  id: number;
}
interface PDoctor {
  name: string;
  docType: 0 | 2;
  phone: string;
  email: string;
  fax: string | null;
  depts: PDept[];
  id: number;
}
interface PPatient {
  fullName: string;
  sex: "M" | "F" | "U";
  dob: string | null;
  phone: string | null;
  email: string | null;
  id: number;
}
interface PUser {
  username: string;
  displayName: string;
  kind: "lab_user" | "doctor" | "support";
  doctor?: PDoctor;
  departmentDataType: 0 | 1 | null;
  departmentIds: PDept[];
  relDepts: PDept[];
  /** Performs history rows. */
  performer: boolean;
  id: number;
}
interface PReport {
  bill: PBill;
  test: PTest;
  values: (number | string)[];
  classes: Cls[];
  critical: boolean;
  abnormal: boolean;
  status: number;
  dismissed: boolean;
  collected: boolean;
  collectedAt: number | null;
  approvedAt: number | null;
  signed: boolean;
  comments: string | null;
  autoApproval: number;
  id: number;
}
interface PAction {
  draft: boolean;
  reports: PReport[];
  at: number;
  user: PUser;
  recipients: Recipient[];
  methods: CommunicationMethod[];
  comment: string;
  notifyToOthers: ActivityInput["notifyToOthers"];
  alreadyNotified: ActivityInput["alreadyNotified"];
}
interface PBill {
  patient: PPatient;
  doc: PDoctor | null;
  org: POrg | null;
  accession: string;
  createdAt: number;
  reports: PReport[];
  actions: PAction[];
  /** The bill's draft after its history (the last action, when an attempt). */
  draft: PAction | null;
  feature?: string;
  id: number;
}
interface PLab {
  no: 1 | 2;
  name: string;
  prefix: string;
  id: number;
  depts: Map<DeptName, PDept>;
  tests: PTest[];
  testByName: Map<string, PTest>;
  orgs: POrg[];
  doctors: PDoctor[];
  referrals: PDoctor[];
  patients: PPatient[];
  users: PUser[];
  bills: PBill[];
  settings: Record<string, unknown>;
}

const MALE = [
  "James", "Robert", "Michael", "David", "William", "Richard", "Joseph", "Thomas", "Charles", "Daniel", "Matthew",
  "Anthony", "Mark", "Steven", "Paul", "Andrew", "Joshua", "Kevin", "Brian", "George", "Omar", "Luis", "Wei", "Arjun",
  "Kwame", "Mateo", "Ivan", "Hiroshi", "Samuel", "Ethan",
];
const FEMALE = [
  "Mary", "Patricia", "Jennifer", "Linda", "Elizabeth", "Barbara", "Susan", "Jessica", "Sarah", "Karen", "Nancy", "Lisa",
  "Margaret", "Sandra", "Ashley", "Emily", "Donna", "Michelle", "Aisha", "Fatima", "Mei", "Priya", "Sofia", "Olga", "Yuki",
  "Amara", "Lucia", "Grace", "Chloe", "Hannah",
];
const LAST = [
  "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez", "Hernandez",
  "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin", "Lee", "Perez", "Thompson",
  "White", "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright",
  "Scott", "Nguyen", "Patel", "Kim", "Okafor", "Kowalski", "Rossi", "Schmidt", "Novak", "Haddad", "Tanaka", "Mensah",
  "Ivanova", "Fischer", "O'Brien", "Silva", "Cohen", "Singh", "Dubois", "Larsen",
];

const ORGS: Record<1 | 2, [string, string][]> = {
  1: [
    ["St. Mary's Medical Center", "stmarys"],
    ["Northfield General Hospital — Emergency Dept.", "northfieldgeneral"],
    ["Lakeside Family Clinic", "lakesidefamily"],
    ["Cedar Ridge Nursing Home", "cedarridge"],
    ["Harbor Pediatrics", "harborpeds"],
    ["Westgate Urgent Care", "westgateuc"],
    ["Pinecrest Oncology Associates", "pinecrestonc"],
    ["Meadowbrook Dialysis Center", "meadowbrook"],
  ],
  2: [
    ["Riverside Regional Hospital", "riversideregional"],
    ["Elm Street Medical Group", "elmstreetmg"],
    ["Valley View Cardiology", "valleyviewcardio"],
    ["Sunrise Senior Living", "sunrisesenior"],
    ["Bayside Women's Health", "baysidewomens"],
    ["Oakwood Community Health Center", "oakwoodchc"],
    ["Summit Orthopedics", "summitortho"],
    ["Greenfield Hospice", "greenfieldhospice"],
  ],
};

const DEPT_DOCTORS: Record<1 | 2, [string, DeptName[]][]> = {
  1: [
    ["Dr. Helen Marsh", ["Hematology"]],
    ["Dr. Samuel Idowu", ["Clinical Chemistry", "Blood Gas"]],
    ["Dr. Laura Fischer", ["Microbiology", "Immunology"]],
    ["Dr. Rafael Costa", ["Coagulation", "Hematology"]],
    ["Dr. Nadia Haddad", ["Clinical Chemistry"]],
  ],
  2: [
    ["Dr. Owen Gallagher", ["Hematology", "Coagulation"]],
    ["Dr. Mei Tanaka", ["Clinical Chemistry"]],
    ["Dr. Kwame Mensah", ["Microbiology"]],
    ["Dr. Sofia Romano", ["Immunology", "Blood Gas"]],
  ],
};

const READ_BACK_NAMES = [
  "RN Maria Lopez",
  "RN Kevin Walsh",
  "Charge Nurse Tamika Brooks",
  "Dr. on call (J. Whitfield)",
  "Medical Assistant Carla Diaz",
  "RN Peter Novak",
  "Front desk (Ana Ruiz)",
];

const DONE_COMMENTS = [
  "Result read back and acknowledged.",
  "Informed by phone; read-back confirmed.",
  "Critical value read back by the ward nurse; physician to be paged.",
  "Referring physician informed directly; read-back done.",
  "Called ED charge nurse; read-back verified, patient being reassessed.",
  "Fax confirmation received and phone call made; read-back verified.",
];
const ATTEMPT_COMMENTS = [
  "No answer at the referring office; voicemail left with callback number.",
  "Line busy, will retry in 15 minutes.",
  "Clinic closed for lunch; fax sent, awaiting confirmation.",
  "Answering service took a message; awaiting callback from on-call physician.",
  "Wrong number on file; requested updated contact from registration.",
];

const phone = (rng: Rng) => `+1-555-${rng.digits(3)}-${rng.digits(4)}`;

// ---------------------------------------------------------------------------------------------
// Featured bills: hand-made cases the demo and the tests can rely on

interface FeaturedReport {
  test: string;
  /** Explicit values by parameter name; every other parameter gets a normal value. */
  values?: Record<string, number | string>;
  dismissed?: boolean;
  uncollected?: boolean;
}
interface FeaturedAction {
  draft: boolean;
  tests: string[];
  recipients: Recipient[];
  methods: CommunicationMethod[];
  comment: string;
  by: string;
  phoneCall?: boolean;
}
interface FeaturedBill {
  key: string;
  slot: number;
  patient: { fullName: string; sex: "M" | "F" | "U"; dob?: string; ageDays?: number };
  /** Index into the lab's referral doctors. */
  referral: number;
  org: number;
  reports: FeaturedReport[];
  actions: FeaturedAction[];
}

const FEATURED: Record<1 | 2, FeaturedBill[]> = {
  1: [
    {
      key: "big: 10 open critical reports in 6 departments (+1 dismissed, +1 uncollected critical, +1 normal)",
      slot: 290,
      patient: { fullName: "James O'Connor", sex: "M", dob: "1958-03-14" },
      referral: 0,
      org: 1,
      reports: [
        { test: "Complete Blood Count", values: { Hemoglobin: 6.2, "Platelet Count": 14 } },
        { test: "Potassium", values: { Potassium: 6.9 } },
        { test: "Sodium", values: { Sodium: 117 } },
        { test: "Glucose, Fasting", values: { Glucose: 36 } },
        { test: "Troponin I (hs)", values: { "Troponin I": 412 } },
        { test: "Blood Culture", values: { "Culture result": "Growth detected" } },
        { test: "PT/INR", values: { INR: 6.1, PT: 48.2 } },
        { test: "aPTT", values: { aPTT: 118.0 } },
        { test: "Arterial Blood Gas", values: { pH: 7.12 } },
        { test: "Procalcitonin", values: { Procalcitonin: 24.5 } },
        { test: "TSH" },
        { test: "Magnesium", values: { Magnesium: 0.8 }, dismissed: true },
        { test: "Ionized Calcium", values: { "Ionized Calcium": 0.71 }, uncollected: true },
      ],
      actions: [],
    },
    {
      key: "attempted: K and platelets attempted twice (draft), INR still pending",
      slot: 270,
      patient: { fullName: "Maria Santos", sex: "F", dob: "1971-07-02" },
      referral: 0,
      org: 2,
      reports: [
        { test: "Potassium", values: { Potassium: 2.3 } },
        { test: "Platelet Count", values: { "Platelet Count": 12 } },
        { test: "PT/INR", values: { INR: 5.8 } },
        { test: "Liver Function Panel" },
      ],
      actions: [
        { draft: true, tests: ["Potassium"], recipients: ["Referral"], methods: ["email"], comment: ATTEMPT_COMMENTS[0], by: "tech" },
        {
          draft: true,
          tests: ["Potassium", "Platelet Count"],
          recipients: ["Organization", "Referral"],
          methods: ["email", "fax"],
          comment: ATTEMPT_COMMENTS[3],
          by: "support",
        },
      ],
    },
    {
      key: "done: attempted, then done (hemoglobin + blood culture)",
      slot: 200,
      patient: { fullName: "Robert Kim", sex: "M", dob: "1949-11-23" },
      referral: 0,
      org: 0,
      reports: [
        { test: "Hemoglobin", values: { Hemoglobin: 6.5 } },
        { test: "Blood Culture", values: { "Culture result": "Positive" } },
        { test: "C-Reactive Protein" },
      ],
      actions: [
        { draft: true, tests: ["Hemoglobin", "Blood Culture"], recipients: ["Referral"], methods: ["email"], comment: ATTEMPT_COMMENTS[1], by: "mlt.nguyen" },
        {
          draft: false,
          tests: ["Hemoglobin", "Blood Culture"],
          recipients: ["Organization", "Referral"],
          methods: ["email", "fax"],
          comment: DONE_COMMENTS[3],
          by: "support",
          phoneCall: true,
        },
      ],
    },
    {
      key: "mixed: troponin done, then lactate + ABG attempted (draft)",
      slot: 240,
      patient: { fullName: "Linda Walker", sex: "F", dob: "1986-02-09" },
      referral: 0,
      org: 5,
      reports: [
        { test: "Troponin I (hs)", values: { "Troponin I": 156 } },
        { test: "Lactate", values: { Lactate: 5.6 } },
        { test: "Arterial Blood Gas", values: { pH: 7.14 } },
        { test: "C-Reactive Protein" },
      ],
      actions: [
        { draft: false, tests: ["Troponin I (hs)"], recipients: ["Organization"], methods: ["fax"], comment: DONE_COMMENTS[4], by: "tech", phoneCall: true },
        { draft: true, tests: ["Lactate", "Arterial Blood Gas"], recipients: ["Organization", "Referral"], methods: ["email", "sms"], comment: ATTEMPT_COMMENTS[2], by: "support" },
      ],
    },
    {
      key: "neonate (12 days, M): hemoglobin 8.8 and bilirubin 17.2 critical only by the neonatal (0-28 d) ranges",
      slot: 285,
      patient: { fullName: "Baby Boy Hughes", sex: "M", ageDays: 12 },
      referral: 3,
      org: 4,
      reports: [
        { test: "Complete Blood Count", values: { Hemoglobin: 8.8 } },
        { test: "Total Bilirubin", values: { "Total Bilirubin": 17.2 } },
        { test: "Glucose, Fasting", values: { Glucose: 72 } },
      ],
      actions: [],
    },
    {
      key: "neonate (9 days, F): hemoglobin 23.0 abnormal by the neonatal range (an adult female range would call it critical), no critical report",
      slot: 150,
      patient: { fullName: "Baby Girl Alvarez", sex: "F", ageDays: 9 },
      referral: 3,
      org: 4,
      reports: [{ test: "Hemoglobin", values: { Hemoglobin: 23.0 } }, { test: "Potassium", values: { Potassium: 4.6 } }],
      actions: [],
    },
    {
      key: "female: hemoglobin 19.4 critical by the female range (critical_high 19), abnormal by the generic one",
      slot: 120,
      patient: { fullName: "Priya Desai", sex: "F", dob: "1990-05-30" },
      referral: 1,
      org: 2,
      reports: [{ test: "Hemoglobin", values: { Hemoglobin: 19.4 } }, { test: "TSH" }],
      actions: [],
    },
  ],
  2: [
    {
      key: "big: 9 critical reports (3 done, 3 attempted with draft, 3 pending) + 1 normal",
      slot: 280,
      patient: { fullName: "Thomas Reilly", sex: "M", dob: "1962-08-17" },
      referral: 0,
      org: 0,
      reports: [
        { test: "Complete Blood Count", values: { "Platelet Count": 11 } },
        { test: "Potassium", values: { Potassium: 6.8 } },
        { test: "Glucose, Fasting", values: { Glucose: 512 } },
        { test: "Magnesium", values: { Magnesium: 5.3 } },
        { test: "Lactate", values: { Lactate: 6.1 } },
        { test: "Blood Culture", values: { "Culture result": "POSITIVE" } },
        { test: "Coagulation Profile", values: { INR: 7.2, Fibrinogen: 72 } },
        { test: "Venous Blood Gas", values: { pH: 7.08 } },
        { test: "Cryptococcal Antigen", values: { "Cryptococcal antigen": "Positive" } },
        { test: "D-Dimer" },
      ],
      actions: [
        {
          draft: false,
          tests: ["Complete Blood Count", "Potassium", "Glucose, Fasting"],
          recipients: ["Organization", "Referral"],
          methods: ["email"],
          comment: DONE_COMMENTS[1],
          by: "support2",
          phoneCall: true,
        },
        {
          draft: true,
          tests: ["Magnesium", "Lactate", "Blood Culture"],
          recipients: ["Referral"],
          methods: ["email", "fax"],
          comment: ATTEMPT_COMMENTS[3],
          by: "rd.raman",
        },
      ],
    },
    {
      key: "pending: sodium 162 and ionized calcium 0.70",
      slot: 260,
      patient: { fullName: "Angela Brooks", sex: "F", dob: "1979-12-01" },
      referral: 1,
      org: 2,
      reports: [{ test: "Sodium", values: { Sodium: 162 } }, { test: "Ionized Calcium", values: { "Ionized Calcium": 0.7 } }],
      actions: [],
    },
    {
      key: "done: troponin 890 attempted, then done",
      slot: 180,
      patient: { fullName: "Victor Chen", sex: "M", dob: "1944-04-04" },
      referral: 2,
      org: 2,
      reports: [{ test: "Troponin I (hs)", values: { "Troponin I": 890 } }, { test: "Basic Metabolic Panel" }],
      actions: [
        { draft: true, tests: ["Troponin I (hs)"], recipients: ["Referral"], methods: ["email"], comment: ATTEMPT_COMMENTS[4], by: "rd.becker" },
        {
          draft: false,
          tests: ["Troponin I (hs)"],
          recipients: ["Organization", "Referral"],
          methods: ["email", "fax"],
          comment: DONE_COMMENTS[0],
          by: "support2",
          phoneCall: true,
        },
      ],
    },
  ],
};

const BILLS_PER_LAB = 300;
const PATIENTS_PER_LAB = 250;
const REFERRALS_PER_LAB = 12;

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function userCovers(u: PUser, depts: DeptName[]): boolean {
  if (u.kind === "support") return true;
  if (u.kind !== "lab_user") return false;
  const own = new Set((u.departmentDataType === 1 ? u.relDepts : u.departmentIds).map((d) => d.name));
  return depts.every((d) => own.has(d));
}

function planLab(no: 1 | 2): PLab {
  const rng = new Rng(0x5eed0000 + no * 7919);
  const name = no === 1 ? "Northfield Clinical Laboratory" : "Riverside Diagnostics";
  const prefix = no === 1 ? "NF" : "RD";
  const depts = new Map<DeptName, PDept>(DEPARTMENTS.map((d) => [d, { name: d, id: 0 }]));
  const tests: PTest[] = catalog(no).map((def) => ({
    def,
    dept: depts.get(def.dept)!,
    params: def.params.map((p, i) => ({ def: p, sortOrder: i + 1, id: 0, rangeIds: [] })),
    id: 0,
  }));
  const testByName = new Map(tests.map((x) => [x.def.name, x]));

  const orgs: POrg[] = ORGS[no].map(([n, domain]) => ({
    name: n,
    phone: phone(rng),
    email: `lab-results@${domain}.example`,
    fax: phone(rng),
    id: 0,
  }));

  const doctors: PDoctor[] = DEPT_DOCTORS[no].map(([n, ds]) => ({
    name: n,
    docType: 0,
    phone: phone(rng),
    email: `${n.replace(/^Dr\. /, "").toLowerCase().replace(/[^a-z]+/g, ".")}@${prefix.toLowerCase()}-lab.example`,
    fax: null,
    depts: ds.map((d) => depts.get(d)!),
    id: 0,
  }));
  const referrals: PDoctor[] = [];
  const usedNames = new Set<string>();
  const fixedReferrals = no === 1 ? ["Dr. Michael Brennan", "Dr. Sarah Whitfield", "Dr. Anil Mehta", "Dr. Rebecca Lowe"] : ["Dr. Carlos Mendoza", "Dr. Julia Hartmann", "Dr. Ibrahim Saleh"];
  while (referrals.length < REFERRALS_PER_LAB) {
    let n = fixedReferrals[referrals.length];
    if (!n) {
      const first = rng.chance(0.5) ? rng.pick(MALE) : rng.pick(FEMALE);
      n = `Dr. ${first} ${rng.pick(LAST)}`;
    }
    if (usedNames.has(n)) continue;
    usedNames.add(n);
    const handle = n.replace(/^Dr\. /, "").toLowerCase().replace(/[^a-z]+/g, ".");
    referrals.push({
      name: n,
      docType: 2,
      phone: phone(rng),
      email: `${handle}@clinic-mail.example`,
      fax: rng.chance(0.7) ? phone(rng) : null,
      depts: [],
      id: 0,
    });
  }
  doctors.push(...referrals);

  // Patients: the featured ones first, then random ones.
  const patients: PPatient[] = [];
  const featured = FEATURED[no];
  const featuredPatients = featured.map((f) => {
    const p: PPatient = {
      fullName: f.patient.fullName,
      sex: f.patient.sex,
      dob: f.patient.dob ?? (f.patient.ageDays !== undefined ? isoDate(BASE - f.patient.ageDays * DAY) : null),
      phone: phone(rng),
      email: f.patient.ageDays !== undefined ? null : `${f.patient.fullName.toLowerCase().replace(/[^a-z]+/g, ".")}@mail.example`,
      id: 0,
    };
    patients.push(p);
    return p;
  });
  while (patients.length < PATIENTS_PER_LAB) {
    const r = rng.float();
    const sex: "M" | "F" | "U" = r < 0.47 ? "M" : r < 0.94 ? "F" : "U";
    const last = rng.pick(LAST);
    const neonate = rng.chance(0.025);
    let fullName: string;
    let dob: string | null;
    if (neonate) {
      fullName = `${sex === "F" ? "Baby Girl" : sex === "M" ? "Baby Boy" : "Baby"} ${last}`;
      dob = isoDate(BASE - rng.int(8, 24) * DAY);
    } else {
      const first = sex === "M" ? rng.pick(MALE) : sex === "F" ? rng.pick(FEMALE) : rng.pick(rng.chance(0.5) ? MALE : FEMALE);
      fullName = `${first} ${last}`;
      const ageYears = rng.chance(0.08) ? rng.int(1, 17) : rng.int(18, 96);
      dob = rng.chance(0.05) ? null : isoDate(BASE - ageYears * 365.25 * DAY - rng.int(0, 364) * DAY);
    }
    patients.push({
      fullName,
      sex,
      dob,
      phone: rng.chance(0.9) ? phone(rng) : null,
      email: !neonate && rng.chance(0.6) ? `${fullName.toLowerCase().replace(/[^a-z]+/g, ".")}${rng.int(1, 99)}@mail.example` : null,
      id: 0,
    });
  }

  // Users.
  const dep = (n: DeptName) => depts.get(n)!;
  const allDepts = DEPARTMENTS.map(dep);
  const users: PUser[] =
    no === 1
      ? [
          { username: "tech", displayName: "Asha Patel, MLT", kind: "lab_user", departmentDataType: 0, departmentIds: [dep("Hematology"), dep("Clinical Chemistry")], relDepts: [], performer: true, id: 0 },
          { username: "tech2", displayName: "Daniel Ortiz, MLS(ASCP)", kind: "lab_user", departmentDataType: 1, departmentIds: [], relDepts: [dep("Microbiology"), dep("Coagulation")], performer: true, id: 0 },
          { username: "drdept", displayName: "Dr. Helen Marsh", kind: "doctor", doctor: doctors[0], departmentDataType: null, departmentIds: [], relDepts: [], performer: false, id: 0 },
          { username: "drref", displayName: "Dr. Michael Brennan", kind: "doctor", doctor: referrals[0], departmentDataType: null, departmentIds: [], relDepts: [], performer: false, id: 0 },
          { username: "support", displayName: "Grace Okafor, Laboratory Supervisor", kind: "support", departmentDataType: null, departmentIds: [], relDepts: [], performer: true, id: 0 },
          { username: "mlt.nguyen", displayName: "Linh Nguyen, MLS", kind: "lab_user", departmentDataType: 0, departmentIds: allDepts, relDepts: [], performer: true, id: 0 },
        ]
      : [
          { username: "support2", displayName: "Marcus Reed, Laboratory Manager", kind: "support", departmentDataType: null, departmentIds: [], relDepts: [], performer: true, id: 0 },
          { username: "rd.raman", displayName: "Priya Raman, MLS", kind: "lab_user", departmentDataType: 0, departmentIds: allDepts, relDepts: [], performer: true, id: 0 },
          { username: "rd.becker", displayName: "Tom Becker, MLT", kind: "lab_user", departmentDataType: 1, departmentIds: [], relDepts: allDepts, performer: true, id: 0 },
        ];
  const userByName = new Map(users.map((u) => [u.username, u]));
  const performers = users.filter((u) => u.performer);

  const settings =
    no === 1
      ? {
          additional_instruction: "Read back the critical value and record the name of the person who received it.",
          mandatory_comments: 0,
          always_notify: 0,
          show_patient_name: 0,
          share_comment: 0,
          is_email: 1,
        }
      : {
          additional_instruction:
            "Call the referring clinician first; if there is no answer within 15 minutes, escalate to the on-call pathologist. Always record the read-back.",
          mandatory_comments: 1,
          always_notify: 1,
          show_patient_name: 1,
          share_comment: 1,
          is_email: 1,
        };

  // Bill times: spread over the 7 days before the base date, the newest at least 2 h before it.
  const times: number[] = [];
  for (let i = 0; i < BILLS_PER_LAB; i++) times.push(Math.round(rng.between(BASE - 7 * DAY, BASE - 2 * HOUR) / 1000) * 1000);
  times.sort((a, b) => a - b);
  const featuredBySlot = new Map(featured.map((f, i) => [f.slot, { f, patient: featuredPatients[i] }]));

  const bills: PBill[] = [];
  const pickReferral = () => rng.weighted(referrals, (d) => (d === referrals[0] ? 2.5 : 1));
  for (let i = 0; i < BILLS_PER_LAB; i++) {
    const fx = featuredBySlot.get(i);
    const accession = `${prefix}-2611-${String(i + 1).padStart(6, "0")}`;
    const createdAt = times[i];
    let bill: PBill;
    if (fx) {
      bill = {
        patient: fx.patient,
        doc: referrals[fx.f.referral],
        org: orgs[fx.f.org],
        accession,
        createdAt,
        reports: [],
        actions: [],
        draft: null,
        feature: fx.f.key,
        id: 0,
      };
    } else {
      bill = {
        patient: rng.pick(patients),
        doc: rng.chance(0.92) ? pickReferral() : null,
        org: rng.chance(0.88) ? rng.pick(orgs) : null,
        accession,
        createdAt,
        reports: [],
        actions: [],
        draft: null,
        id: 0,
      };
    }
    bills.push(bill);
    const collectedAt = createdAt + rng.int(5, 60) * MINUTE;
    const age = ageInDays(bill.patient.dob, collectedAt);

    const makeReport = (test: PTest, target: "normal" | "abnormal" | "critical", explicit?: Record<string, number | string>) => {
      const ranges = test.params.map((p) => pickRange(p.def.ranges, bill.patient.sex, age));
      const lenient = test.params.map((p) => pickRange(p.def.ranges, bill.patient.sex, age, true));
      const critIdx = test.params.map((_, j) => j).filter((j) => canBeCritical(test.params[j].def, ranges[j]));
      const abnIdx = test.params.map((_, j) => j).filter((j) => abnormalSides(test.params[j].def, ranges[j]).length > 0);
      let want = target;
      if (want === "critical" && critIdx.length === 0) want = abnIdx.length ? "abnormal" : "normal";
      if (want === "abnormal" && abnIdx.length === 0) want = "normal";
      for (let attempt = 0; ; attempt++) {
        const wants: ("normal" | "abnormal" | "critical")[] = test.params.map(() => "normal");
        if (!explicit) {
          if (want === "critical") {
            for (const j of abnIdx) if (rng.chance(0.2)) wants[j] = "abnormal";
            wants[rng.pick(critIdx)] = "critical";
            if (critIdx.length > 1 && rng.chance(0.2)) wants[rng.pick(critIdx)] = "critical";
          } else if (want === "abnormal") {
            wants[rng.pick(abnIdx)] = "abnormal";
            if (abnIdx.length > 1 && rng.chance(0.15)) wants[rng.pick(abnIdx)] = "abnormal";
          }
        }
        const values = test.params.map((p, j) => {
          const v = explicit?.[p.def.name];
          if (v !== undefined) return v;
          return genValue(rng, p.def, ranges[j]!, wants[j]);
        });
        const classes = test.params.map((p, j) => classify(p.def, ranges[j], values[j]));
        const critical = classes.some(isCritical);
        // A patient of unknown age must get the same verdict however age bands are read.
        const lenientCritical = test.params.some((p, j) => isCritical(classify(p.def, lenient[j], values[j])));
        if (critical !== lenientCritical && !explicit && attempt < 40) continue;
        if (critical !== lenientCritical) throw new Error(`seed: ${test.def.name} verdict depends on age-band reading`);
        return { values, classes, critical, abnormal: !critical && classes.includes("abnormal") };
      }
    };

    const pushReport = (test: PTest, v: ReturnType<typeof makeReport>, opts: { dismissed: boolean; collected: boolean }) => {
      const approved = opts.collected && (v.critical || v.abnormal || !rng.chance(0.06));
      const approvedAt = approved ? Math.min(collectedAt + rng.int(20, 300) * MINUTE, BASE - 5 * MINUTE) : null;
      const status = v.critical ? t.CriticalValues.CALLOUT_PENDING : v.abnormal ? t.CriticalValues.ABNORMAL : t.CriticalValues.NORMAL;
      bill.reports.push({
        bill,
        test,
        values: v.values,
        classes: v.classes,
        critical: v.critical,
        abnormal: v.abnormal,
        status,
        dismissed: opts.dismissed,
        collected: opts.collected,
        collectedAt: opts.collected ? collectedAt : null,
        approvedAt,
        signed: false,
        comments: v.critical && rng.chance(0.2) ? "Repeat analysis on the same sample confirmed the result." : null,
        autoApproval: !v.critical && !v.abnormal && approved && rng.chance(0.4) ? 1 : 0,
        id: 0,
      });
    };

    if (fx) {
      for (const fr of fx.f.reports) {
        const test = testByName.get(fr.test);
        if (!test) throw new Error(`seed: unknown featured test ${fr.test}`);
        pushReport(test, makeReport(test, "normal", fr.values ?? {}), { dismissed: !!fr.dismissed, collected: !fr.uncollected });
      }
    } else {
      const n = rng.weighted([2, 3, 4, 5], (k) => [0.2, 0.3, 0.3, 0.2][k - 2]);
      for (const test of rng.sample(tests, n, (x) => x.def.weight)) {
        const uncollected = (age === null || age > 365) && rng.chance(0.015);
        const r = rng.float();
        const target = uncollected ? "normal" : r < 0.14 ? "critical" : r < 0.26 ? "abnormal" : "normal";
        pushReport(test, makeReport(test, target), { dismissed: rng.chance(0.012), collected: !uncollected });
      }
    }

    // History.
    const open = bill.reports.filter((r) => r.critical && r.collected && !r.dismissed);
    const contactsOk = (rs: Recipient[]) => rs.filter((x) => (x === "Organization" ? !!bill.org : x === "Referral" ? !!bill.doc : true));
    const makeAction = (draft: boolean, reports: PReport[], at: number, fa?: FeaturedAction): PAction => {
      const depNames = reports.map((r) => r.test.dept.name);
      let user: PUser;
      if (fa) {
        const u = userByName.get(fa.by);
        if (!u || !userCovers(u, depNames)) throw new Error(`seed: featured performer ${fa.by} cannot see ${depNames.join(", ")}`);
        user = u;
      } else {
        user = rng.pick(performers.filter((u) => userCovers(u, depNames)));
      }
      let recipients: Recipient[] = fa
        ? fa.recipients
        : contactsOk(rng.weighted<Recipient[]>([["Referral"], ["Organization", "Referral"], ["Organization"], ["Patient"], ["Referral", "Patient"]], (x) => [45, 25, 15, 8, 7][["Referral", "Organization,Referral", "Organization", "Patient", "Referral,Patient"].indexOf(x.join(","))]));
      if (recipients.length === 0) recipients = ["Patient"];
      const methods: CommunicationMethod[] = fa
        ? fa.methods
        : rng.weighted<CommunicationMethod[]>([["email"], ["email", "fax"], ["fax"], ["sms"], ["email", "sms"], ["whatsapp"]], (x) => ({ email: 40, "email,fax": 25, fax: 12, sms: 10, "email,sms": 8, whatsapp: 5 })[x.join(",")] ?? 1);
      const needComment = no === 2 || rng.chance(0.85);
      const comment = fa ? fa.comment : needComment ? rng.pick(draft ? ATTEMPT_COMMENTS : DONE_COMMENTS) : "";
      let alreadyNotified: ActivityInput["alreadyNotified"] = null;
      if (!draft && (fa ? fa.phoneCall : rng.chance(0.6))) {
        const contact = recipients.includes("Referral") && bill.doc ? bill.doc.phone : recipients.includes("Organization") && bill.org ? bill.org.phone : (bill.patient.phone ?? "+1-555-010-0000");
        alreadyNotified = { phone_call: { name: fa ? READ_BACK_NAMES[0] : rng.pick(READ_BACK_NAMES), contact, read_back: true } };
        if (!fa && methods.includes("fax") && bill.org && rng.chance(0.4)) alreadyNotified.fax = { name: bill.org.name, fax_number: bill.org.fax };
      }
      const notifyToOthers =
        !fa && rng.chance(0.08) ? { name: "House supervisor (night shift)", email: "house.supervisor@stmarys.example", contactNumber: "+1-555-014-2200" } : null;
      return { draft, reports, at, user, recipients, methods, comment, notifyToOthers, alreadyNotified };
    };

    // Action times: after the last approval of the bill's open critical reports, before the base date.
    const actionTimes = (n: number): number[] => {
      if (n === 0) return [];
      const ready = Math.max(...open.map((r) => r.approvedAt ?? collectedAt));
      const end = BASE - MINUTE;
      const gaps = Array.from({ length: n }, (_, k) => (k === 0 ? rng.int(3, 25) : rng.int(10, 150)) * MINUTE);
      const total = gaps.reduce((s, g) => s + g, 0);
      const scale = Math.min(1, (end - ready) / total);
      const out: number[] = [];
      let at = ready;
      for (const g of gaps) {
        at += Math.max(1000, Math.floor(g * scale));
        out.push(Math.round(at / 1000) * 1000);
      }
      return out;
    };

    if (fx) {
      const ts = actionTimes(fx.f.actions.length);
      fx.f.actions.forEach((fa, k) => {
        const rs = fa.tests.map((name) => {
          const r = open.find((x) => x.test.def.name === name);
          if (!r) throw new Error(`seed: featured action on ${name} which is not an open critical report`);
          return r;
        });
        bill.actions.push(makeAction(fa.draft, rs, ts[k], fa));
      });
    } else if (open.length > 0) {
      const r = rng.float();
      const subset = () => (open.length > 1 && rng.chance(0.3) ? rng.sample(open, rng.int(1, open.length - 1)) : [...open]);
      if (r < 0.2) {
        // attempted, sometimes after an earlier attempt
        const plan: [boolean, PReport[]][] = [];
        if (rng.chance(0.4)) plan.push([true, subset()]);
        plan.push([true, subset()]);
        const ts = actionTimes(plan.length);
        for (const [k, [d, rs]] of plan.entries()) bill.actions.push(makeAction(d, rs, ts[k]));
      } else if (r < 0.4) {
        // done, sometimes after an attempt, sometimes in two actions
        const plan: [boolean, PReport[]][] = [];
        if (rng.chance(0.5)) plan.push([true, subset()]);
        if (open.length > 1 && rng.chance(0.3)) {
          const first = rng.sample(open, rng.int(1, open.length - 1));
          plan.push([false, first], [false, open.filter((x) => !first.includes(x))]);
        } else plan.push([false, [...open]]);
        const ts = actionTimes(plan.length);
        for (const [k, [d, rs]] of plan.entries()) bill.actions.push(makeAction(d, rs, ts[k]));
      } else if (r < 0.47 && open.length > 1) {
        // mixed: some done, the rest attempted afterwards
        const first = rng.sample(open, rng.int(1, open.length - 1));
        const ts = actionTimes(2);
        bill.actions.push(makeAction(false, first, ts[0]));
        bill.actions.push(makeAction(true, open.filter((x) => !first.includes(x)), ts[1]));
      }
    }

    // Replay the history with the write's rules (DESIGN §5.4).
    for (const a of bill.actions) {
      bill.draft = null;
      for (const r of a.reports) r.status = a.draft ? t.CriticalValues.CALLOUT_ATTEMPTED : t.CriticalValues.CALLOUT_DONE;
      for (const r of bill.reports) {
        if (r.status === t.CriticalValues.CALLOUT_ATTEMPTED && !a.reports.includes(r)) r.status = t.CriticalValues.CALLOUT_PENDING;
      }
      if (a.draft) bill.draft = a;
    }
    for (const r of bill.reports) {
      r.signed = r.approvedAt !== null && r.status !== 1 && r.status !== 4 && rng.chance(0.7);
    }
  }

  return { no, name, prefix, id: 0, depts, tests, testByName, orgs, doctors, referrals, patients, users, bills, settings };
}

// ---------------------------------------------------------------------------------------------
// Insertion

const CHUNK = 500;

type TableWithId = PgTable & { id: PgColumn };

async function insertIds<T extends TableWithId>(tx: Tx, table: T, rows: T["$inferInsert"][]): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += CHUNK) {
    const got = (await tx
      .insert(table)
      .values(rows.slice(i, i + CHUNK) as never)
      .returning({ id: table.id })) as { id: number }[];
    for (const g of got) {
      if (ids.length && g.id <= ids[ids.length - 1]) throw new Error("seed: ids came back out of order");
      ids.push(g.id);
    }
  }
  if (ids.length !== rows.length) throw new Error("seed: insert returned the wrong number of rows");
  return ids;
}

async function insertAll<T extends PgTable>(tx: Tx, table: T, rows: T["$inferInsert"][]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await tx.insert(table).values(rows.slice(i, i + CHUNK) as never);
  }
}

function assign<X extends { id: number }>(items: X[], ids: number[]) {
  items.forEach((x, i) => {
    x.id = ids[i];
  });
}

const numStr = (n: number | undefined) => (n === undefined ? null : String(n));

function criticalParameters(r: PReport, age: number | null) {
  return r.test.params.flatMap((p, j) => {
    if (!isCritical(r.classes[j])) return [];
    const range = pickRange(p.def.ranges, r.bill.patient.sex, age)!;
    const v = r.values[j];
    return [
      {
        parameter_id: p.id,
        parameter_name: p.def.name,
        value: p.def.text ? String(v).trim() : Number(v),
        unit: p.def.unit,
        reference_range: p.def.text ? "" : fmtRange(range.low, range.high),
        critical_range: p.def.text ? "" : fmtRange(range.cLow, range.cHigh),
        flag: r.classes[j],
      },
    ];
  });
}

function contactsOf(bill: PBill, recipients: Recipient[]): Partial<Record<Recipient, ContactDetails>> {
  const out: Partial<Record<Recipient, ContactDetails>> = {};
  for (const x of recipients) {
    if (x === "Organization" && bill.org) out.Organization = { name: bill.org.name, email: bill.org.email, phone: bill.org.phone, fax: bill.org.fax };
    if (x === "Referral" && bill.doc) out.Referral = { name: bill.doc.name, email: bill.doc.email, phone: bill.doc.phone, fax: bill.doc.fax };
    if (x === "Patient") out.Patient = { name: bill.patient.fullName, email: bill.patient.email, phone: bill.patient.phone, fax: null };
  }
  return out;
}

async function insertLab(tx: Tx, lab: PLab, passwordHash: string): Promise<{ bills: number; reports: number }> {
  [lab.id] = await insertIds(tx, t.labs, [{ name: lab.name }]);
  const depts = [...lab.depts.values()];
  assign(depts, await insertIds(tx, t.departments, depts.map((d) => ({ labId: lab.id, name: d.name }))));
  assign(lab.orgs, await insertIds(tx, t.organizations, lab.orgs.map((o) => ({ labId: lab.id, name: o.name, phone: o.phone, email: o.email, fax: o.fax }))));
  assign(
    lab.doctors,
    await insertIds(
      tx,
      t.doctors,
      lab.doctors.map((d) => ({ labId: lab.id, name: d.name, docType: d.docType, phone: d.phone, email: d.email, fax: d.fax })),
    ),
  );
  await insertAll(tx, t.doctorDepartments, lab.doctors.flatMap((d) => d.depts.map((x) => ({ doctorId: d.id, departmentId: x.id }))));
  assign(
    lab.patients,
    await insertIds(
      tx,
      t.patients,
      lab.patients.map((p) => ({ labId: lab.id, fullName: p.fullName, sex: p.sex, dateOfBirth: p.dob, phone: p.phone, email: p.email })),
    ),
  );

  assign(
    lab.tests,
    await insertIds(
      tx,
      t.tests,
      lab.tests.map((x) => ({ labId: lab.id, testName: x.def.name, departmentId: x.dept.id, isProfile: !!x.def.profile })),
    ),
  );
  const params = lab.tests.flatMap((x) => x.params.map((p) => ({ test: x, p })));
  assign(
    params.map((x) => x.p),
    await insertIds(
      tx,
      t.testParameters,
      params.map(({ test, p }) => ({
        testId: test.id,
        name: p.def.name,
        unit: p.def.unit,
        resultType: p.def.text ? "text" : "numeric",
        sortOrder: p.sortOrder,
      })),
    ),
  );
  await insertAll(
    tx,
    t.parameterRanges,
    params.flatMap(({ p }) =>
      p.def.ranges.map((r) => ({
        parameterId: p.id,
        sex: r.sex ?? null,
        ageMinDays: r.ageMin ?? null,
        ageMaxDays: r.ageMax ?? null,
        refLow: numStr(r.low),
        refHigh: numStr(r.high),
        criticalLow: numStr(r.cLow),
        criticalHigh: numStr(r.cHigh),
        criticalTexts: r.texts ?? null,
      })),
    ),
  );

  assign(
    lab.users,
    await insertIds(
      tx,
      t.users,
      lab.users.map((u) => ({
        labId: lab.id,
        username: u.username,
        passwordHash,
        displayName: u.displayName,
        kind: u.kind,
        doctorId: u.doctor?.id ?? null,
        departmentDataType: u.departmentDataType,
        departmentIds: u.departmentIds.map((d) => d.id),
      })),
    ),
  );
  await insertAll(tx, t.labUserDepartments, lab.users.flatMap((u) => u.relDepts.map((d) => ({ userId: u.id, departmentId: d.id }))));
  await insertAll(tx, t.labSettings, [{ labId: lab.id, key: "critical_notification_settings", value: lab.settings }]);

  assign(
    lab.bills,
    await insertIds(
      tx,
      t.bills,
      lab.bills.map((b) => ({
        labId: lab.id,
        patientId: b.patient.id,
        docId: b.doc?.id ?? null,
        orgId: b.org?.id ?? null,
        accessionNo: b.accession,
        createdAt: new Date(b.createdAt),
      })),
    ),
  );
  const reports = lab.bills.flatMap((b) => b.reports);
  assign(
    reports,
    await insertIds(
      tx,
      t.labReports,
      reports.map((r) => ({
        labId: lab.id,
        billId: r.bill.id,
        testId: r.test.id,
        orgId: r.bill.org?.id ?? null,
        docForId: r.bill.doc?.id ?? null,
        patientId: r.bill.patient.id,
        isSigned: r.signed,
        isSynced: r.signed,
        comments: r.comments,
        isProfile: !!r.test.def.profile,
        isApproved: r.approvedAt !== null,
        criticalValues: r.status,
        autoApprovalStatus: r.autoApproval,
        dismissed: r.dismissed,
        sampleCollected: r.collected,
        sampleCollectedAt: r.collectedAt === null ? null : new Date(r.collectedAt),
        approvedAt: r.approvedAt === null ? null : new Date(r.approvedAt),
      })),
    ),
  );
  await insertAll(
    tx,
    t.reportValues,
    reports.flatMap((r) =>
      r.test.params.map((p, j) => ({
        labReportId: r.id,
        parameterId: p.id,
        valueNumeric: p.def.text ? null : (r.values[j] as number).toFixed(p.def.dp),
        valueText: p.def.text ? String(r.values[j]) : null,
      })),
    ),
  );

  // Callout records and the activity log.
  type CalloutRow = typeof t.criticalCallouts.$inferInsert;
  type LogRow = typeof t.activityLogs.$inferInsert;
  const callouts: CalloutRow[] = [];
  const logs: LogRow[] = [];
  for (const b of lab.bills) {
    for (const a of b.actions) {
      const input: ActivityInput = {
        billId: b.id,
        labReportIds: a.reports.map((r) => r.id),
        testNames: a.reports.map((r) => r.test.def.name),
        methods: a.methods,
        recipients: a.recipients,
        comment: a.comment,
        isDraft: a.draft,
        userName: a.user.displayName,
        contacts: contactsOf(b, a.recipients),
        notifyToOthers: a.notifyToOthers,
        alreadyNotified: a.alreadyNotified,
      };
      logs.push({
        labId: lab.id,
        billId: b.id,
        labReportId: a.reports[0].id,
        labReportIds: a.reports.map((r) => r.id),
        logCategoryId: t.CRITICAL_CALLOUT_LOG_CATEGORY,
        userId: a.user.id,
        labUserName: a.user.displayName,
        activityText: activityText(input),
        activityDate: new Date(a.at),
        dumpedJson: activityJson(input),
      });
      const meta: Record<string, unknown> = {
        communication_methods: a.methods,
        callout_for: a.reports.map((r) => r.test.id),
      };
      if (a.notifyToOthers) meta.notify_to_others = a.notifyToOthers;
      if (a.alreadyNotified) meta.already_notified = a.alreadyNotified;
      const common = {
        labId: lab.id,
        billId: b.id,
        recipients: a.recipients,
        criticalCalloutComment: a.comment,
        criticalCalloutMeta: meta,
        performedByUserId: a.user.id,
        performedByDoctorId: a.user.doctor?.id ?? null,
        orgId: b.org?.id ?? null,
        patientId: b.patient.id,
        referralId: b.doc?.id ?? null,
        createdOn: new Date(a.at),
        updatedOn: new Date(a.at),
      };
      if (!a.draft) {
        for (const r of a.reports) {
          const age = ageInDays(b.patient.dob, r.collectedAt!);
          callouts.push({ ...common, labReportId: r.id, isDraft: false, criticalValuesMeta: { critical_parameters: criticalParameters(r, age) } });
        }
      } else if (b.draft === a) {
        callouts.push({ ...common, labReportId: null, isDraft: true, criticalValuesMeta: {} });
      }
    }
    // Other activity (not callouts): report approvals, which endpoint 2 must leave out.
    for (const r of b.reports) {
      if (r.approvedAt === null) continue;
      const by = lab.users.find((u) => u.performer && userCovers(u, [r.test.dept.name])) ?? lab.users[0];
      logs.push({
        labId: lab.id,
        billId: b.id,
        labReportId: r.id,
        labReportIds: [r.id],
        logCategoryId: 100,
        userId: by.id,
        labUserName: by.displayName,
        activityText: `Report approved by - ${by.displayName}, Test - ${r.test.def.name}`,
        activityDate: new Date(r.approvedAt),
        dumpedJson: { lab_report_id: r.id, test_name: r.test.def.name, approved_by: by.displayName, is_approved: true },
      });
    }
  }
  callouts.sort((x, y) => x.createdOn!.getTime() - y.createdOn!.getTime());
  logs.sort((x, y) => x.activityDate!.getTime() - y.activityDate!.getTime());
  await insertAll(tx, t.criticalCallouts, callouts);
  await insertAll(tx, t.activityLogs, logs);
  return { bills: lab.bills.length, reports: reports.length };
}

/** Writes the demo data into an empty, migrated database, in one transaction. */
export async function seed(db: Db, opts: { quiet?: boolean } = {}): Promise<{ labs: number; bills: number; reports: number }> {
  const labsPlan = [planLab(1), planLab(2)];
  // scrypt is slow on purpose: one hash, shared by every demo login (all use DEMO_PASSWORD).
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  let bills = 0;
  let reports = 0;
  await db.transaction(async (tx) => {
    for (const lab of labsPlan) {
      const n = await insertLab(tx, lab, passwordHash);
      bills += n.bills;
      reports += n.reports;
    }
  });
  if (!opts.quiet) {
    for (const lab of labsPlan) {
      console.log(`${lab.name} (lab ${lab.id}):`);
      for (const b of lab.bills) if (b.feature) console.log(`  ${b.accession} (bill ${b.id}) ${b.feature}`);
    }
  }
  return { labs: labsPlan.length, bills, reports };
}
