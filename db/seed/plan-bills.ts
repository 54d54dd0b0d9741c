// A lab's bills over the plan's week: featured bills at their slots, random ones around them, each
// with its reports and callout history.
import { ageInDays } from "@/domain/critical/evaluate";
import { FEATURED, type FeaturedBill } from "./featured";
import { planFeaturedHistory, planRandomHistory, settleStatuses, type HistoryPlace } from "./plan-history";
import { addReport, planValues, type ReportPlace } from "./plan-reports";
import type { PBill, PDoctor, PLab, PPatient } from "./plan-types";
import type { Rng } from "./rng";
import { DAY, HOUR, isoDate, MINUTE, type Timeline } from "./timeline";

export const BILLS_PER_LAB = 300;

type BillLab = Omit<PLab, "bills" | "id">;

/** Bill instants spread over the 7 days before "now", the newest at least 2 h before it, in order. */
function billTimes(rng: Rng, now: number): number[] {
  const times: number[] = [];
  for (let i = 0; i < BILLS_PER_LAB; i++) times.push(Math.round(rng.between(now - 7 * DAY, now - 2 * HOUR) / 1000) * 1000);
  return times.sort((a, b) => a - b);
}

function newBill(rng: Rng, lab: BillLab, accession: string, createdAt: number, featured?: { f: FeaturedBill; patient: PPatient }): PBill {
  const base = { accession, createdAt, reports: [], actions: [], draft: null, id: 0 };
  if (featured) {
    const { f, patient } = featured;
    return { ...base, patient, doc: lab.referrals[f.referral], org: lab.orgs[f.org], feature: f.key };
  }
  const { referrals } = lab;
  const pickReferral = (): PDoctor => rng.weighted(referrals, (d) => (d === referrals[0] ? 2.5 : 1));
  const patient = rng.pick(lab.patients);
  const doc = rng.chance(0.92) ? pickReferral() : null;
  return { ...base, patient, doc, org: rng.chance(0.88) ? rng.pick(lab.orgs) : null };
}

function addFeaturedReports(rng: Rng, lab: BillLab, at: ReportPlace, f: FeaturedBill, ageDays: number | null): void {
  for (const fr of f.reports) {
    const test = lab.testByName.get(fr.test);
    if (!test) throw new Error(`seed: unknown featured test ${fr.test}`);
    const collected = !fr.uncollected;
    const v = planValues(rng, test, at.bill.patient, collected ? ageDays : null, "normal", fr.values ?? {});
    addReport(rng, at, test, v, { dismissed: !!fr.dismissed, collected });
  }
}

/** 2–5 tests by order frequency: about 14% aimed critical, 12% abnormal, the rest normal. */
function addRandomReports(rng: Rng, lab: BillLab, at: ReportPlace, ageDays: number | null, neonate: boolean): void {
  const n = rng.weighted([2, 3, 4, 5], (k) => [0.2, 0.3, 0.3, 0.2][k - 2]);
  for (const test of rng.sample(lab.tests, n, (x) => x.def.weight)) {
    // A sample not collected yet: never for a newborn, whose samples are drawn at once.
    const uncollected = !neonate && rng.chance(0.015);
    const r = rng.float();
    const target = uncollected ? "normal" : r < 0.14 ? "critical" : r < 0.26 ? "abnormal" : "normal";
    const v = planValues(rng, test, at.bill.patient, uncollected ? null : ageDays, target);
    addReport(rng, at, test, v, { dismissed: rng.chance(0.012), collected: !uncollected });
  }
}

export function planBills(rng: Rng, lab: BillLab, tl: Timeline, featuredPatients: PPatient[], neonates: Set<PPatient>): PBill[] {
  const times = billTimes(rng, tl.now);
  const featured = FEATURED[lab.no];
  const featuredBySlot = new Map(featured.map((f, i) => [f.slot, { f, patient: featuredPatients[i] }]));
  const yymm = isoDate(tl.now).slice(2, 7).replace("-", "");
  const bills: PBill[] = [];
  for (let i = 0; i < BILLS_PER_LAB; i++) {
    const fx = featuredBySlot.get(i);
    const bill = newBill(rng, lab, `${lab.prefix}-${yymm}-${String(i + 1).padStart(6, "0")}`, times[i], fx);
    bills.push(bill);
    const collectedAt = bill.createdAt + rng.int(5, 60) * MINUTE;
    // The rule reads the age at collection from the stored (shown) instant.
    const ageDays = ageInDays(bill.patient.dob, tl.shown(collectedAt));
    const at: ReportPlace = { bill, collectedAt, now: tl.now };
    const history: HistoryPlace = { rng, lab: lab.no, bill, users: lab.users, collectedAt, now: tl.now };
    if (fx) {
      addFeaturedReports(rng, lab, at, fx.f, ageDays);
      planFeaturedHistory(history, fx.f.actions);
    } else {
      addRandomReports(rng, lab, at, ageDays, neonates.has(bill.patient));
      planRandomHistory(history);
    }
    settleStatuses(rng, bill);
  }
  return bills;
}
