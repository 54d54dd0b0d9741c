// Writes a lab's callout history: the callout records (one per report of a done callout, one for
// the bill's current draft) and the activity log (callout actions and, to be left out by endpoint 2,
// report approvals), each in time order.
import { type ActivityInput, activityJson, activityText, type ContactDetails, type Recipient } from "@/domain/callout/activity";
import type { CriticalParameter } from "@/domain/critical/evaluate";
import type { Tx } from "../connect";
import * as t from "../schema";
import { insertAll } from "./insert";
import { type PAction, type PBill, type PLab, type PReport, userCovers } from "./plan-types";
import { criticalEntry } from "./rule";
import type { Timeline } from "./timeline";

type CalloutRow = typeof t.criticalCallouts.$inferInsert;
type LogRow = typeof t.activityLogs.$inferInsert;

/** The critical parameters a done callout snapshots: the rule's entries, as the write computes them. */
function criticalParameters(r: PReport): CriticalParameter[] {
  return r.test.params.flatMap((p, j) => criticalEntry(p, r.ranges[j], r.values[j]) ?? []);
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

function actionLog(labId: number, b: PBill, a: PAction, at: Date): LogRow {
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
  return {
    labId,
    billId: b.id,
    labReportId: a.reports[0].id,
    labReportIds: a.reports.map((r) => r.id),
    logCategoryId: t.CRITICAL_CALLOUT_LOG_CATEGORY,
    userId: a.user.id,
    labUserName: a.user.displayName,
    activityText: activityText(input),
    activityDate: at,
    dumpedJson: activityJson(input),
  };
}

function actionCallouts(labId: number, b: PBill, a: PAction, at: Date): CalloutRow[] {
  const meta: Record<string, unknown> = { communication_methods: a.methods, callout_for: a.reports.map((r) => r.test.id) };
  if (a.notifyToOthers) meta.notify_to_others = a.notifyToOthers;
  if (a.alreadyNotified) meta.already_notified = a.alreadyNotified;
  const common = {
    labId,
    billId: b.id,
    recipients: a.recipients,
    criticalCalloutComment: a.comment,
    criticalCalloutMeta: meta,
    performedByUserId: a.user.id,
    performedByDoctorId: a.user.doctor?.id ?? null,
    orgId: b.org?.id ?? null,
    patientId: b.patient.id,
    referralId: b.doc?.id ?? null,
    createdOn: at,
    updatedOn: at,
  };
  if (!a.draft) {
    return a.reports.map((r) => ({ ...common, labReportId: r.id, isDraft: false, criticalValuesMeta: { critical_parameters: criticalParameters(r) } }));
  }
  // Only the bill's current draft survives (a later action replaced the others).
  return b.draft === a ? [{ ...common, labReportId: null, isDraft: true, criticalValuesMeta: {} }] : [];
}

function approvalLogs(lab: PLab, b: PBill, tl: Timeline): LogRow[] {
  return b.reports.flatMap((r) => {
    if (r.approvedAt === null) return [];
    const by = lab.users.find((u) => u.performer && userCovers(u, [r.test.dept.name])) ?? lab.users[0];
    return [
      {
        labId: lab.id,
        billId: b.id,
        labReportId: r.id,
        labReportIds: [r.id],
        logCategoryId: 100,
        userId: by.id,
        labUserName: by.displayName,
        activityText: `Report approved by - ${by.displayName}, Test - ${r.test.def.name}`,
        activityDate: tl.shown(r.approvedAt),
        dumpedJson: { lab_report_id: r.id, test_name: r.test.def.name, approved_by: by.displayName, is_approved: true },
      },
    ];
  });
}

export async function insertHistory(tx: Tx, lab: PLab, tl: Timeline): Promise<void> {
  const callouts: CalloutRow[] = [];
  const logs: LogRow[] = [];
  for (const b of lab.bills) {
    for (const a of b.actions) {
      const at = tl.shown(a.at);
      logs.push(actionLog(lab.id, b, a, at));
      callouts.push(...actionCallouts(lab.id, b, a, at));
    }
    logs.push(...approvalLogs(lab, b, tl));
  }
  callouts.sort((x, y) => x.createdOn!.getTime() - y.createdOn!.getTime());
  logs.sort((x, y) => x.activityDate!.getTime() - y.activityDate!.getTime());
  await insertAll(tx, t.criticalCallouts, callouts);
  await insertAll(tx, t.activityLogs, logs);
}
