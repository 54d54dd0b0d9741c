// A bill's callout history: who called whom about which open critical reports, when, and the
// statuses that history leaves behind under the write's rules (DESIGN §5.4).
import type { ActivityInput, CommunicationMethod, Recipient } from "@/domain/callout/activity";
import * as t from "../schema";
import type { LabNo } from "./catalog";
import type { FeaturedAction } from "./featured";
import { ATTEMPT_COMMENTS, DONE_COMMENTS, READ_BACK_NAMES } from "./names";
import { type PAction, type PBill, type PReport, type PUser, userCovers } from "./plan-types";
import type { Rng } from "./rng";
import { MINUTE } from "./timeline";

export interface HistoryPlace {
  rng: Rng;
  lab: LabNo;
  bill: PBill;
  users: PUser[];
  collectedAt: number;
  /** The plan's "now": every action is before it. */
  now: number;
}

const RECIPIENT_SETS: [Recipient[], number][] = [
  [["Referral"], 45],
  [["Organization", "Referral"], 25],
  [["Organization"], 15],
  [["Patient"], 8],
  [["Referral", "Patient"], 7],
];
const METHOD_SETS: [CommunicationMethod[], number][] = [
  [["email"], 40],
  [["email", "fax"], 25],
  [["fax"], 12],
  [["sms"], 10],
  [["email", "sms"], 8],
  [["whatsapp"], 5],
];

const openReports = (bill: PBill) => bill.reports.filter((r) => r.critical && r.collected && !r.dismissed);

function performer(h: HistoryPlace, reports: PReport[], fa?: FeaturedAction): PUser {
  const depNames = reports.map((r) => r.test.dept.name);
  if (!fa) return h.rng.pick(h.users.filter((u) => u.performer && userCovers(u, depNames)));
  const u = h.users.find((x) => x.username === fa.by);
  if (!u || !userCovers(u, depNames)) throw new Error(`seed: featured performer ${fa.by} cannot see ${depNames.join(", ")}`);
  return u;
}

function recipientsFor(h: HistoryPlace): Recipient[] {
  const { bill } = h;
  const drawn = h.rng.weighted(RECIPIENT_SETS, ([, w]) => w)[0];
  const reachable = drawn.filter((x) => (x === "Organization" ? !!bill.org : x === "Referral" ? !!bill.doc : true));
  return reachable.length === 0 ? ["Patient"] : reachable;
}

/** The phone call (and sometimes fax) recorded as already made, on most done callouts. */
function alreadyNotified(h: HistoryPlace, recipients: Recipient[], methods: CommunicationMethod[], fa?: FeaturedAction) {
  const { bill, rng } = h;
  const doc = recipients.includes("Referral") && bill.doc ? bill.doc : null;
  const org = recipients.includes("Organization") && bill.org ? bill.org : null;
  const contact = doc ? doc.phone : org ? org.phone : (bill.patient.phone ?? "+1-555-010-0000");
  const out: NonNullable<ActivityInput["alreadyNotified"]> = {
    phone_call: { name: fa ? READ_BACK_NAMES[0] : rng.pick(READ_BACK_NAMES), contact, read_back: true },
  };
  if (!fa && methods.includes("fax") && bill.org && rng.chance(0.4)) out.fax = { name: bill.org.name, fax_number: bill.org.fax };
  return out;
}

function makeAction(h: HistoryPlace, draft: boolean, reports: PReport[], at: number, fa?: FeaturedAction): PAction {
  const { rng } = h;
  const user = performer(h, reports, fa);
  const recipients = fa ? fa.recipients : recipientsFor(h);
  const methods = fa ? fa.methods : rng.weighted(METHOD_SETS, ([, w]) => w)[0];
  const needComment = h.lab === 2 || rng.chance(0.85);
  const comment = fa ? fa.comment : needComment ? rng.pick(draft ? ATTEMPT_COMMENTS : DONE_COMMENTS) : "";
  const called = !draft && (fa ? fa.phoneCall : rng.chance(0.6));
  const notified = called ? alreadyNotified(h, recipients, methods, fa) : null;
  const notifyToOthers =
    !fa && rng.chance(0.08) ? { name: "House supervisor (night shift)", email: "house.supervisor@stmarys.example", contactNumber: "+1-555-014-2200" } : null;
  return { draft, reports, at, user, recipients, methods, comment, notifyToOthers, alreadyNotified: notified };
}

/** Action instants: after the last approval of the bill's open critical reports, before "now". */
function actionTimes(h: HistoryPlace, n: number): number[] {
  if (n === 0) return [];
  const ready = Math.max(...openReports(h.bill).map((r) => r.approvedAt ?? h.collectedAt));
  const end = h.now - MINUTE;
  const gaps = Array.from({ length: n }, (_, k) => (k === 0 ? h.rng.int(3, 25) : h.rng.int(10, 150)) * MINUTE);
  const total = gaps.reduce((s, g) => s + g, 0);
  const scale = Math.min(1, (end - ready) / total);
  const out: number[] = [];
  let at = ready;
  for (const g of gaps) {
    at += Math.max(1000, Math.floor(g * scale));
    out.push(Math.round(at / 1000) * 1000);
  }
  return out;
}

export function planFeaturedHistory(h: HistoryPlace, actions: FeaturedAction[]): void {
  const open = openReports(h.bill);
  const ts = actionTimes(h, actions.length);
  actions.forEach((fa, k) => {
    const rs = fa.tests.map((name) => {
      const r = open.find((x) => x.test.def.name === name);
      if (!r) throw new Error(`seed: featured action on ${name} which is not an open critical report`);
      return r;
    });
    h.bill.actions.push(makeAction(h, fa.draft, rs, ts[k], fa));
  });
}

/** A random history: none (pending), attempted, done (maybe after an attempt), or mixed. */
function randomPlan(h: HistoryPlace, open: PReport[]): [boolean, PReport[]][] {
  const { rng } = h;
  const r = rng.float();
  const subset = () => (open.length > 1 && rng.chance(0.3) ? rng.sample(open, rng.int(1, open.length - 1)) : [...open]);
  const plan: [boolean, PReport[]][] = [];
  if (r < 0.2) {
    if (rng.chance(0.4)) plan.push([true, subset()]);
    plan.push([true, subset()]);
  } else if (r < 0.4) {
    if (rng.chance(0.5)) plan.push([true, subset()]);
    if (open.length > 1 && rng.chance(0.3)) {
      const first = rng.sample(open, rng.int(1, open.length - 1));
      plan.push([false, first], [false, open.filter((x) => !first.includes(x))]);
    } else plan.push([false, [...open]]);
  } else if (r < 0.47 && open.length > 1) {
    const first = rng.sample(open, rng.int(1, open.length - 1));
    plan.push([false, first], [true, open.filter((x) => !first.includes(x))]);
  }
  return plan;
}

export function planRandomHistory(h: HistoryPlace): void {
  const open = openReports(h.bill);
  if (open.length === 0) return;
  const plan = randomPlan(h, open);
  const ts = actionTimes(h, plan.length);
  for (const [k, [draft, rs]] of plan.entries()) h.bill.actions.push(makeAction(h, draft, rs, ts[k]));
}

/** Replays the history with the write's rules, then signs some finished reports. */
export function settleStatuses(rng: Rng, bill: PBill): void {
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
