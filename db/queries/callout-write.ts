// The writes of one callout action, inside the caller's transaction. Every writer locks the bill row
// first, then the bill's reports in id order, so two people acting on one bill are serialized: no
// deadlock, never two drafts, no lost row.
import { and, eq, inArray, isNull, notInArray } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { PostCalloutBody, PostCalloutResponse } from "@/contracts/critical";
import type { NotifySettings } from "@/contracts/settings";
import type { SessionContext } from "@/domain/auth/session-context";
import { type ActivityInput, activityJson, activityText, type CommunicationMethod, type ContactDetails, type Recipient } from "@/domain/callout/activity";
import { patientContact, recipientContacts, toContact } from "@/domain/callout/contacts";
import { type Outcome, resolveOutcome } from "@/domain/callout/outcome";
import { calloutRuleViolations } from "@/domain/callout/rules";
import { CriticalValues } from "@/domain/critical/status";
import { ApiError } from "@/domain/errors";
import type { TransportLookup } from "@/domain/notify/outbox-messages";
import type { Tx } from "../connect";
import { activityLogs, bills, CRITICAL_CALLOUT_LOG_CATEGORY, criticalCallouts, doctors, labReports, organizations, patients } from "../schema";
import { billScope, reportScope } from "../scope";
import { assertBillVersion, recordBillChange } from "./bill-version";
import { queueMessages } from "./callout-messages";
import { contactColumns } from "./contact-columns";
import { type CriticalReport, loadBillCriticalReports } from "./critical-records";

export interface CalloutRequest {
  session: SessionContext;
  billId: number;
  input: PostCalloutBody;
  settings: NotifySettings;
  transportFor: TransportLookup;
  /** The bill version the writer saw (If-Match); null writes whatever the bill holds now. */
  expectedVersion: number | null;
  /** Where acknowledgement links point (the app's origin as the writer reached it); null: no links. */
  ackBaseUrl?: string | null;
}

type LockedBill = Awaited<ReturnType<typeof lockBill>>;

/** A checked action: the selection (in id order) and whom it reached, ready to be written. */
export interface CheckedCallout {
  req: CalloutRequest;
  bill: LockedBill;
  selected: CriticalReport[];
  selectedIds: number[];
  recipients: Recipient[];
  methods: CommunicationMethod[];
  contacts: Partial<Record<Recipient, ContactDetails>>;
  comment: string;
  outcome: Outcome;
  now: Date;
}

const referral = alias(doctors, "referral");

export async function writeCallout(tx: Tx, req: CalloutRequest): Promise<PostCalloutResponse> {
  const bill = await lockBill(tx, req.session, req.billId);
  await assertBillVersion(tx, req.session, req.billId, bill.version, req.expectedVersion);
  assertCalloutRules(req);
  const selected = await lockSelectedReports(tx, req);
  const recipients = [...new Set(req.input.recipients)];
  const c: CheckedCallout = {
    req,
    bill,
    selected,
    selectedIds: selected.map((r) => r.row.report.id),
    recipients,
    methods: [...new Set(req.input.critical_callout_meta.communication_methods)],
    contacts: contactsOf(bill, recipients),
    comment: req.input.critical_callout_comment.trim(),
    outcome: resolveOutcome(req.input.critical_callout_meta.outcome, req.input.is_draft, req.input.critical_callout_meta.already_notified?.phone_call),
    now: new Date(),
  };
  await deleteDraft(tx, req);
  const calloutIds = await insertCallouts(tx, c);
  // Statuses and the activity log entry do not depend on one another: sent together, they are
  // pipelined on the transaction's connection (one round trip instead of three); a failure still
  // rolls back all.
  const newStatus = req.input.is_draft ? CriticalValues.CALLOUT_ATTEMPTED : CriticalValues.CALLOUT_DONE;
  const version = bill.version + 1;
  const change = { session: req.session, billId: req.billId, version, kind: req.input.is_draft ? "attempt" : "done", reportIds: c.selectedIds, at: c.now } as const;
  const [, reopened, activityLogId] = await Promise.all([
    tx.update(labReports).set({ criticalValues: newStatus }).where(inArray(labReports.id, c.selectedIds)),
    reopenOtherAttempts(tx, c),
    insertActivityLog(tx, c, version),
    recordBillChange(tx, change),
  ]);
  if (!req.input.is_draft) await queueMessages(tx, c, activityLogId, calloutIds);
  return {
    callout: {
      is_draft: req.input.is_draft,
      bill_id: req.billId,
      lab_report_ids: c.selectedIds,
      callout_ids: calloutIds,
      activity_log_id: activityLogId,
      created_on: c.now.toISOString(),
    },
    version,
    reports: [
      ...c.selectedIds.map((id) => ({ labReportId: id, criticalValues: newStatus })),
      ...reopened.map((id) => ({ labReportId: id, criticalValues: CriticalValues.CALLOUT_PENDING })),
    ],
  };
}

/** The bill row and its people, locked: the serialization point of every writer on this bill. */
async function lockBill(tx: Tx, session: SessionContext, billId: number) {
  const [bill] = await tx
    .select({
      id: bills.id,
      accessionNo: bills.accessionNo,
      orgId: bills.orgId,
      docId: bills.docId,
      patientId: bills.patientId,
      version: bills.calloutVersion,
      org: contactColumns(organizations),
      referral: contactColumns(referral),
      patient: { name: patients.fullName, email: patients.email, phone: patients.phone },
    })
    .from(bills)
    .leftJoin(organizations, eq(organizations.id, bills.orgId))
    .leftJoin(referral, eq(referral.id, bills.docId))
    .leftJoin(patients, eq(patients.id, bills.patientId))
    .where(and(eq(bills.id, billId), billScope(session)))
    .for("update", { of: bills });
  if (!bill) throw new ApiError("not_found", "Bill not found");
  return bill;
}

function assertCalloutRules({ input, settings }: CalloutRequest): void {
  const [broken] = calloutRuleViolations(input, settings);
  if (broken) throw new ApiError("bad_request", `${broken.field}: ${broken.problem}`);
}

/** The selected reports, among those endpoint 1 shows this session, locked in id order. */
async function lockSelectedReports(tx: Tx, { session, billId, input }: CalloutRequest): Promise<CriticalReport[]> {
  const critical = await loadBillCriticalReports(tx, session, billId, { forUpdate: true });
  const byId = new Map(critical.map((r) => [r.row.report.id, r]));
  const ids = [...new Set(input.lab_report_ids)].sort((a, b) => a - b);
  const unknown = ids.filter((id) => !byId.has(id));
  if (unknown.length) {
    throw new ApiError("bad_request", "Some selected reports are not critical reports of this bill awaiting callout", {
      lab_report_ids: unknown,
    });
  }
  return ids.map((id) => byId.get(id)!);
}

function contactsOf(bill: LockedBill, recipients: Recipient[]): Partial<Record<Recipient, ContactDetails>> {
  const people = { organization: toContact(bill.org), referral: toContact(bill.referral), patient: patientContact(bill.patient) };
  const { contacts, missing } = recipientContacts(people, recipients);
  if (missing.length) {
    const who = missing[0] === "Referral" ? "referral doctor" : missing[0].toLowerCase();
    throw new ApiError("bad_request", `recipients: this bill has no ${who}`);
  }
  return contacts;
}

/** Any action replaces the bill's attempted callout (its draft). */
async function deleteDraft(tx: Tx, { session, billId }: CalloutRequest): Promise<void> {
  await tx
    .delete(criticalCallouts)
    .where(and(eq(criticalCallouts.billId, billId), eq(criticalCallouts.labId, session.labId), isNull(criticalCallouts.labReportId)));
}

/** What a callout row keeps of a report: the values as they were when it was called out. */
function reportSnapshot(r: CriticalReport) {
  return {
    lab_report_id: r.row.report.id,
    test_id: r.row.report.testId,
    test_name: r.row.testName,
    department_name: r.row.departmentName,
    critical_parameters: r.criticalParameters,
  };
}

/** A draft is one row for the whole selection; a done callout is one row per report. */
async function insertCallouts(tx: Tx, c: CheckedCallout): Promise<number[]> {
  const { session, billId, input } = c.req;
  const meta = input.critical_callout_meta;
  const calloutMeta = {
    communication_methods: c.methods,
    ...(meta.notify_to_others ? { notify_to_others: meta.notify_to_others } : {}),
    ...(meta.already_notified ? { already_notified: meta.already_notified } : {}),
    outcome: c.outcome,
  };
  const common = {
    labId: session.labId,
    billId,
    recipients: c.recipients,
    criticalCalloutComment: c.comment,
    performedByUserId: session.userId,
    performedByDoctorId: session.kind === "doctor" ? session.doctorId : null,
    orgId: c.bill.orgId,
    patientId: c.bill.patientId,
    referralId: c.bill.docId,
    createdOn: c.now,
    updatedOn: c.now,
  };
  const draft = {
    ...common,
    labReportId: null,
    isDraft: true,
    criticalValuesMeta: { reports: c.selected.map(reportSnapshot) },
    criticalCalloutMeta: { ...calloutMeta, callout_for: c.selected.map((r) => r.row.report.testId) },
  };
  const done = c.selected.map((r) => ({
    ...common,
    labReportId: r.row.report.id,
    isDraft: false,
    criticalValuesMeta: reportSnapshot(r),
    criticalCalloutMeta: calloutMeta,
  }));
  const rows = await tx
    .insert(criticalCallouts)
    .values(input.is_draft ? [draft] : done)
    .returning({ id: criticalCallouts.id });
  return rows.map((r) => r.id);
}

/** Other attempted reports of the bill (within the session's scope) are open again. */
async function reopenOtherAttempts(tx: Tx, c: CheckedCallout): Promise<number[]> {
  const rows = await tx
    .update(labReports)
    .set({ criticalValues: CriticalValues.CALLOUT_PENDING })
    .where(
      and(
        eq(labReports.billId, c.req.billId),
        eq(labReports.criticalValues, CriticalValues.CALLOUT_ATTEMPTED),
        notInArray(labReports.id, c.selectedIds),
        reportScope(c.req.session),
      ),
    )
    .returning({ id: labReports.id });
  return rows.map((r) => r.id);
}

async function insertActivityLog(tx: Tx, c: CheckedCallout, version: number): Promise<number> {
  const { session, billId, input } = c.req;
  const meta = input.critical_callout_meta;
  const activity: ActivityInput = {
    billId,
    labReportIds: c.selectedIds,
    testNames: c.selected.map((r) => r.row.testName),
    methods: c.methods,
    recipients: c.recipients,
    comment: c.comment,
    isDraft: input.is_draft,
    userName: session.displayName,
    contacts: c.contacts,
    notifyToOthers: meta.notify_to_others ?? null,
    alreadyNotified: meta.already_notified ?? null,
    outcome: c.outcome,
  };
  const [log] = await tx
    .insert(activityLogs)
    .values({
      labId: session.labId,
      billId,
      labReportId: c.selectedIds[0],
      labReportIds: c.selectedIds,
      logCategoryId: CRITICAL_CALLOUT_LOG_CATEGORY,
      userId: session.userId,
      labUserName: session.displayName,
      activityText: activityText(activity),
      activityDate: c.now,
      dumpedJson: { ...activityJson(activity), version },
    })
    .returning({ id: activityLogs.id });
  return log.id;
}
