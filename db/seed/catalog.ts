// The demo's test catalog: six departments, their tests, parameters and reference/critical ranges.
// Lab 2 differs in two critical limits (potassium, glucose), as real labs do.

export const DEPARTMENTS = ["Hematology", "Clinical Chemistry", "Microbiology", "Immunology", "Coagulation", "Blood Gas"] as const;
export type DeptName = (typeof DEPARTMENTS)[number];
export type LabNo = 1 | 2;

/** One parameter_ranges row as the catalog writes it (bounds as numbers, texts in lower case). */
export interface RangeDef {
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

export interface ParamDef {
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

export interface TestDef {
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

function hematology(): TestDef[] {
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
  return [
    { name: "Complete Blood Count", dept: "Hematology", profile: true, weight: 10, params: [WBC, RBC, HGB, HCT, MCV, PLT] },
    { name: "Hemoglobin", dept: "Hematology", weight: 4, params: [HGB] },
    { name: "Platelet Count", dept: "Hematology", weight: 3, params: [PLT] },
    { name: "WBC with Differential", dept: "Hematology", weight: 3, params: [WBC, ANC, LYM] },
    { name: "Peripheral Blood Smear", dept: "Hematology", weight: 1, params: [SMEAR, MAL] },
    { name: "ESR", dept: "Hematology", weight: 2, params: [ESR] },
    { name: "Reticulocyte Count", dept: "Hematology", weight: 1, params: [RETIC] },
  ];
}

function clinicalChemistry(lab: LabNo): TestDef[] {
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
  return [
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
  ];
}

function microbiology(): TestDef[] {
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
  return [
    { name: "Blood Culture", dept: "Microbiology", weight: 3, params: [BCX] },
    { name: "Gram Stain", dept: "Microbiology", weight: 1, params: [GRAM] },
    { name: "CSF Analysis", dept: "Microbiology", weight: 1, params: [CSF_WBC, CSF_GLU, CSF_GRAM] },
    { name: "Urine Culture", dept: "Microbiology", weight: 3, params: [UCX] },
    { name: "Malaria Antigen (Rapid)", dept: "Microbiology", weight: 1, params: [MALAG] },
  ];
}

function immunology(): TestDef[] {
  const TSH = num("TSH", "uIU/mL", 2, { low: 0.4, high: 4.0 });
  const PCT = num("Procalcitonin", "ng/mL", 2, { high: 0.5, cHigh: 10 });
  const CRP = num("C-Reactive Protein", "mg/L", 1, { high: 10 });
  const CRAG = txt("Cryptococcal antigen", ["Negative"], ["positive"]);
  const FERR = num("Ferritin", "ng/mL", 0, { low: 11, high: 336 }, { sex: "M", low: 24, high: 336 }, { sex: "F", low: 11, high: 307 });
  return [
    { name: "TSH", dept: "Immunology", weight: 3, params: [TSH] },
    { name: "Procalcitonin", dept: "Immunology", weight: 1, params: [PCT] },
    { name: "C-Reactive Protein", dept: "Immunology", weight: 3, params: [CRP] },
    { name: "Cryptococcal Antigen", dept: "Immunology", weight: 1, params: [CRAG] },
    { name: "Ferritin", dept: "Immunology", weight: 1, params: [FERR] },
  ];
}

function coagulation(): TestDef[] {
  const PT = num("PT", "s", 1, { low: 11.0, high: 13.5, cHigh: 30.0 });
  const INR = num("INR", "", 2, { low: 0.8, high: 1.2, cHigh: 5.0 });
  const APTT = num("aPTT", "s", 1, { low: 25, high: 35, cHigh: 100 });
  const FIB = num("Fibrinogen", "mg/dL", 0, { low: 200, high: 400, cLow: 100 });
  const DDI = num("D-Dimer", "ng/mL FEU", 0, { high: 500 });
  return [
    { name: "Coagulation Profile", dept: "Coagulation", profile: true, weight: 3, params: [PT, INR, APTT, FIB] },
    { name: "PT/INR", dept: "Coagulation", weight: 5, params: [PT, INR] },
    { name: "aPTT", dept: "Coagulation", weight: 2, params: [APTT] },
    { name: "Fibrinogen", dept: "Coagulation", weight: 1, params: [FIB] },
    { name: "D-Dimer", dept: "Coagulation", weight: 2, params: [DDI] },
  ];
}

function bloodGas(): TestDef[] {
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
    { name: "Arterial Blood Gas", dept: "Blood Gas", weight: 2, params: [PH_A, PCO2_A, PO2, HCO3_A, BE] },
    { name: "Venous Blood Gas", dept: "Blood Gas", weight: 1, params: [PH_V, PCO2_V] },
    { name: "Ionized Calcium", dept: "Blood Gas", weight: 1, params: [ICA] },
    { name: "Carboxyhemoglobin", dept: "Blood Gas", weight: 1, params: [COHB] },
  ];
}

export function catalog(lab: LabNo): TestDef[] {
  return [...hematology(), ...clinicalChemistry(lab), ...microbiology(), ...immunology(), ...coagulation(), ...bloodGas()];
}
