// Featured bills: hand-made cases the demo, the README and the tests rely on. Each sits at a fixed
// slot of its lab's bills (lab 1 bill id = slot + 1), among the random ones.
import type { CommunicationMethod, Recipient } from "@/domain/callout/activity";
import type { LabNo } from "./catalog";
import { ATTEMPT_COMMENTS, DONE_COMMENTS } from "./names";

export interface FeaturedReport {
  test: string;
  /** Explicit values by parameter name; every other parameter gets a normal value. */
  values?: Record<string, number | string>;
  dismissed?: boolean;
  uncollected?: boolean;
}
export interface FeaturedAction {
  draft: boolean;
  tests: string[];
  recipients: Recipient[];
  methods: CommunicationMethod[];
  comment: string;
  by: string;
  phoneCall?: boolean;
}
export interface FeaturedBill {
  key: string;
  slot: number;
  patient: { fullName: string; sex: "M" | "F" | "U"; dob?: string; ageDays?: number };
  /** Index into the lab's referral doctors. */
  referral: number;
  org: number;
  reports: FeaturedReport[];
  actions: FeaturedAction[];
}

export const FEATURED: Record<LabNo, FeaturedBill[]> = {
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
