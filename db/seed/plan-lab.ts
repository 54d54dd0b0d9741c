// The plan of one lab: catalog, organizations, doctors, patients, users and bills.
import { catalog, DEPARTMENTS, type DeptName, type LabNo } from "./catalog";
import { FEATURED } from "./featured";
import { DEPT_DOCTORS, FEMALE, LAST, MALE, ORGS } from "./names";
import { planBills } from "./plan-bills";
import type { PDept, PDoctor, PLab, POrg, PPatient, PTest } from "./plan-types";
import { phone, Rng } from "./rng";
import { rangeRows } from "./rule";
import { DAY, isoDate, type Timeline } from "./timeline";
import { labSettings, planUsers } from "./users";

const PATIENTS_PER_LAB = 250;
const REFERRALS_PER_LAB = 12;
const FIXED_REFERRALS: Record<LabNo, string[]> = {
  1: ["Dr. Michael Brennan", "Dr. Sarah Whitfield", "Dr. Anil Mehta", "Dr. Rebecca Lowe"],
  2: ["Dr. Carlos Mendoza", "Dr. Julia Hartmann", "Dr. Ibrahim Saleh"],
};

const handleOf = (name: string) => name.replace(/^Dr\. /, "").toLowerCase().replace(/[^a-z]+/g, ".");

function planTests(no: LabNo, depts: Map<DeptName, PDept>): PTest[] {
  return catalog(no).map((def) => ({
    def,
    dept: depts.get(def.dept)!,
    params: def.params.map((p, i) => ({ def: p, sortOrder: i + 1, id: 0, ranges: rangeRows(p) })),
    id: 0,
  }));
}

function planOrgs(rng: Rng, no: LabNo): POrg[] {
  return ORGS[no].map(([name, domain]) => ({ name, phone: phone(rng), email: `lab-results@${domain}.example`, fax: phone(rng), id: 0 }));
}

function planDeptDoctors(rng: Rng, no: LabNo, prefix: string, depts: Map<DeptName, PDept>): PDoctor[] {
  return DEPT_DOCTORS[no].map(([name, ds]) => ({
    name,
    docType: 0,
    phone: phone(rng),
    email: `${handleOf(name)}@${prefix.toLowerCase()}-lab.example`,
    fax: null,
    depts: ds.map((d) => depts.get(d)!),
    id: 0,
  }));
}

function planReferrals(rng: Rng, no: LabNo): PDoctor[] {
  const referrals: PDoctor[] = [];
  const usedNames = new Set<string>();
  while (referrals.length < REFERRALS_PER_LAB) {
    let name = FIXED_REFERRALS[no][referrals.length];
    if (!name) {
      const first = rng.chance(0.5) ? rng.pick(MALE) : rng.pick(FEMALE);
      name = `Dr. ${first} ${rng.pick(LAST)}`;
    }
    if (usedNames.has(name)) continue;
    usedNames.add(name);
    const tel = phone(rng);
    const fax = rng.chance(0.7) ? phone(rng) : null;
    referrals.push({ name, docType: 2, phone: tel, email: `${handleOf(name)}@clinic-mail.example`, fax, depts: [], id: 0 });
  }
  return referrals;
}

function featuredPatients(rng: Rng, no: LabNo, now: number): PPatient[] {
  return FEATURED[no].map(({ patient: f }) => ({
    fullName: f.fullName,
    sex: f.sex,
    dob: f.dob ?? (f.ageDays !== undefined ? isoDate(now - f.ageDays * DAY) : null),
    phone: phone(rng),
    email: f.ageDays !== undefined ? null : `${f.fullName.toLowerCase().replace(/[^a-z]+/g, ".")}@mail.example`,
    id: 0,
  }));
}

/** A random patient: about 2.5% newborns (8–24 days old), 8% children, 5% adults without a birth date. */
function randomPatient(rng: Rng, now: number): { patient: PPatient; neonate: boolean } {
  const r = rng.float();
  const sex: "M" | "F" | "U" = r < 0.47 ? "M" : r < 0.94 ? "F" : "U";
  const last = rng.pick(LAST);
  const neonate = rng.chance(0.025);
  let fullName: string;
  let dob: string | null;
  if (neonate) {
    fullName = `${sex === "F" ? "Baby Girl" : sex === "M" ? "Baby Boy" : "Baby"} ${last}`;
    dob = isoDate(now - rng.int(8, 24) * DAY);
  } else {
    const first = sex === "M" ? rng.pick(MALE) : sex === "F" ? rng.pick(FEMALE) : rng.pick(rng.chance(0.5) ? MALE : FEMALE);
    fullName = `${first} ${last}`;
    const ageYears = rng.chance(0.08) ? rng.int(1, 17) : rng.int(18, 96);
    dob = rng.chance(0.05) ? null : isoDate(now - ageYears * 365.25 * DAY - rng.int(0, 364) * DAY);
  }
  const tel = rng.chance(0.9) ? phone(rng) : null;
  const email = !neonate && rng.chance(0.6) ? `${fullName.toLowerCase().replace(/[^a-z]+/g, ".")}${rng.int(1, 99)}@mail.example` : null;
  return { patient: { fullName, sex, dob, phone: tel, email, id: 0 }, neonate };
}

export function planLab(no: LabNo, tl: Timeline): PLab {
  const rng = new Rng(0x5eed0000 + no * 7919);
  const name = no === 1 ? "Northfield Clinical Laboratory" : "Riverside Diagnostics";
  const prefix = no === 1 ? "NF" : "RD";
  const depts = new Map<DeptName, PDept>(DEPARTMENTS.map((d) => [d, { name: d, id: 0 }]));
  const tests = planTests(no, depts);
  const orgs = planOrgs(rng, no);
  const deptDoctors = planDeptDoctors(rng, no, prefix, depts);
  const referrals = planReferrals(rng, no);
  const featured = featuredPatients(rng, no, tl.now);
  const patients = [...featured];
  const neonates = new Set(featured.filter((_, i) => FEATURED[no][i].patient.ageDays !== undefined));
  while (patients.length < PATIENTS_PER_LAB) {
    const { patient, neonate } = randomPatient(rng, tl.now);
    patients.push(patient);
    if (neonate) neonates.add(patient);
  }
  const users = planUsers(no, depts, deptDoctors, referrals);
  const lab = {
    no,
    name,
    prefix,
    depts,
    tests,
    testByName: new Map(tests.map((x) => [x.def.name, x])),
    orgs,
    doctors: [...deptDoctors, ...referrals],
    referrals,
    patients,
    users,
    settings: labSettings(no),
  };
  return { ...lab, id: 0, bills: planBills(rng, lab, tl, featured, neonates) };
}
