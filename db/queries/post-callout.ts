// Endpoint 4 (BulkCriticalCalloutManager.process_callout): an attempted or done callout, whole or not
// at all. Every writer locks the bill row first, then the bill's reports in id order, so two people
// acting on one bill are serialized: no deadlock, never two drafts, no lost row.
import { createHash } from "node:crypto";
import { and, eq, inArray, isNull, notInArray } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { SessionContext } from "@/domain/auth/session-context";
import { activityJson, activityText, type ContactDetails, type Recipient } from "@/domain/callout/activity";
import type { PostCalloutBody, PostCalloutResponse } from "@/contracts/critical";
import type { NotifySettings } from "@/contracts/settings";
import { buildOutboxRows, type TransportLookup } from "@/domain/notify/outbox-messages";
import { ApiError } from "@/domain/errors";
import { CriticalValues } from "@/domain/critical/status";
import type { Db, Tx } from "../connect";
import { pgErrorCode } from "../pg-error";
import {
  activityLogs,
  bills,
  CRITICAL_CALLOUT_LOG_CATEGORY,
  criticalCallouts,
  doctors,
  idempotencyKeys,
  labReports,
  organizations,
  outboundMessages,
  patients,
} from "../schema";
import { reportScope, billScope } from "../scope";
import { type CriticalReport, loadBillCriticalReports } from "./critical-records";
import { getNotifySettings } from "./settings";
import { contactColumns } from "./contact-columns";

export interface PostCalloutResult {
  status: number;
  body: PostCalloutResponse;
  replayed: boolean;
}

/** Hooks for tests that must break a request half-way. */
export const postCalloutTestHooks: { afterFirstInsert?: () => void | Promise<void> } = {};

const RETRYABLE = new Set(["40P01", "40001", "23505"]); // deadlock, serialization, unique (draft/key race)
const referral = alias(doctors, "referral");

export async function postCallout(
  db: Db,
  session: SessionContext,
  billId: number,
  input: PostCalloutBody,
  idempotencyKey: string | null,
  transportFor: TransportLookup,
): Promise<PostCalloutResult> {
  const settings = await getNotifySettings(db, session.labId);
  const requestHash = createHash("sha256").update(JSON.stringify({ billId, input })).digest("hex");
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.transaction(async (tx) => {
        if (idempotencyKey) {
          const replay = await claimIdempotencyKey(tx, session.userId, idempotencyKey, requestHash);
          if (replay) return replay;
        }
        const body = await writeCallout(tx, session, billId, input, settings, transportFor);
        if (idempotencyKey) {
          await tx
            .update(idempotencyKeys)
            .set({ status: 201, body: JSON.stringify(body) })
            .where(and(eq(idempotencyKeys.userId, session.userId), eq(idempotencyKeys.key, idempotencyKey)));
        }
        return { status: 201, body, replayed: false };
      });
    } catch (err) {
      const code = pgErrorCode(err);
      if (!code || !RETRYABLE.has(code)) throw err;
      if (attempt < 3) continue;
      throw new ApiError("conflict", "Someone else saved a callout on this bill at the same moment; reload and try again");
    }
  }
}

/**
 * Claims (user, key) inside the transaction. A concurrent request with the same key blocks on the
 * primary key until this one commits (then it replays the stored answer) or rolls back (then it runs).
 */
async function claimIdempotencyKey(tx: Tx, userId: number, key: string, requestHash: string): Promise<PostCalloutResult | null> {
  const claimed = await tx
    .insert(idempotencyKeys)
    .values({ userId, key, requestHash, status: 0, body: "" })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  if (claimed.length > 0) return null;
  const [prev] = await tx
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key)));
  if (!prev) throw Object.assign(new Error("idempotency key vanished"), { code: "40001" });
  if (prev.requestHash !== requestHash) {
    throw new ApiError("conflict", "This Idempotency-Key was already used for a different request");
  }
  return { status: prev.status, body: JSON.parse(prev.body) as PostCalloutResponse, replayed: true };
}

function contact(name: string | null, email: string | null, phone: string | null, fax: string | null): ContactDetails | undefined {
  return name == null ? undefined : { name, email, phone, fax };
}

async function writeCallout(
  tx: Tx,
  session: SessionContext,
  billId: number,
  input: PostCalloutBody,
  settings: NotifySettings,
  transportFor: TransportLookup,
): Promise<PostCalloutResponse> {
  // 1. The bill row, locked: the serialization point of every writer on this bill.
  const [bill] = await tx
    .select({
      id: bills.id,
      accessionNo: bills.accessionNo,
      orgId: bills.orgId,
      docId: bills.docId,
      patientId: bills.patientId,
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
  if (settings.mandatory_comments === 1 && !input.critical_callout_comment.trim()) {
    throw new ApiError("bad_request", "critical_callout_comment: a comment is required by the lab's notify configuration");
  }

  // 2. The reports endpoint 1 shows this session, locked in id order.
  const critical = await loadBillCriticalReports(tx, session, billId, { forUpdate: true });
  const byId = new Map(critical.map((r) => [r.row.report.id, r]));
  const selectedIds = [...new Set(input.lab_report_ids)].sort((a, b) => a - b);
  const unknown = selectedIds.filter((id) => !byId.has(id));
  if (unknown.length) {
    throw new ApiError("bad_request", "Some selected reports are not critical reports of this bill awaiting callout", {
      lab_report_ids: unknown,
    });
  }
  const selected = selectedIds.map((id) => byId.get(id)!);

  const contacts: Partial<Record<Recipient, ContactDetails>> = {};
  const recipients = [...new Set(input.recipients)];
  for (const r of recipients) {
    const c =
      r === "Organization"
        ? contact(bill.org?.name ?? null, bill.org?.email ?? null, bill.org?.phone ?? null, bill.org?.fax ?? null)
        : r === "Referral"
          ? contact(bill.referral?.name ?? null, bill.referral?.email ?? null, bill.referral?.phone ?? null, bill.referral?.fax ?? null)
          : contact(bill.patient?.name ?? null, bill.patient?.email ?? null, bill.patient?.phone ?? null, null);
    if (!c) throw new ApiError("bad_request", `recipients: this bill has no ${r === "Referral" ? "referral doctor" : r.toLowerCase()}`);
    contacts[r] = c;
  }
  const meta = input.critical_callout_meta;
  const methods = [...new Set(meta.communication_methods)];
  if (settings.is_email === 0 && methods.includes("email")) {
    throw new ApiError("bad_request", "critical_callout_meta: email is turned off in the lab's notify configuration");
  }
  const reached = meta.already_notified?.phone_call || meta.already_notified?.fax;
  if (!input.is_draft && methods.length === 0 && !reached) {
    throw new ApiError(
      "bad_request",
      "critical_callout_meta: a done callout needs a communication method or a record of who was already notified",
    );
  }
  if (!input.is_draft && recipients.length === 0 && !meta.notify_to_others?.name && !reached) {
    throw new ApiError("bad_request", "recipients: a done callout needs at least one recipient");
  }

  // 3. The draft goes first, always.
  await tx
    .delete(criticalCallouts)
    .where(and(eq(criticalCallouts.billId, billId), eq(criticalCallouts.labId, session.labId), isNull(criticalCallouts.labReportId)));

  const now = new Date();
  const comment = input.critical_callout_comment.trim();
  const calloutMeta = {
    communication_methods: methods,
    ...(meta.notify_to_others ? { notify_to_others: meta.notify_to_others } : {}),
    ...(meta.already_notified ? { already_notified: meta.already_notified } : {}),
  };
  const common = {
    labId: session.labId,
    billId,
    recipients,
    criticalCalloutComment: comment,
    performedByUserId: session.userId,
    performedByDoctorId: session.kind === "doctor" ? session.doctorId : null,
    orgId: bill.orgId,
    patientId: bill.patientId,
    referralId: bill.docId,
    createdOn: now,
    updatedOn: now,
  };
  const snapshot = (r: CriticalReport) => ({
    lab_report_id: r.row.report.id,
    test_id: r.row.report.testId,
    test_name: r.row.testName,
    department_name: r.row.departmentName,
    critical_parameters: r.criticalParameters,
  });

  const inserted = input.is_draft
    ? await tx
        .insert(criticalCallouts)
        .values({
          ...common,
          labReportId: null,
          isDraft: true,
          criticalValuesMeta: { reports: selected.map(snapshot) },
          criticalCalloutMeta: { ...calloutMeta, callout_for: selected.map((r) => r.row.report.testId) },
        })
        .returning({ id: criticalCallouts.id })
    : await tx
        .insert(criticalCallouts)
        .values(
          selected.map((r) => ({
            ...common,
            labReportId: r.row.report.id,
            isDraft: false,
            criticalValuesMeta: snapshot(r),
            criticalCalloutMeta: calloutMeta,
          })),
        )
        .returning({ id: criticalCallouts.id });
  await postCalloutTestHooks.afterFirstInsert?.();

  // 4. Statuses: the selection to done (2) or attempted (4); other attempted reports are open again.
  // 5. One activity log entry for the action.
  // The three statements do not depend on one another: sent together, they are pipelined on the
  // transaction's connection (one round trip instead of three); a failure still rolls back all.
  const newStatus = input.is_draft ? CriticalValues.CALLOUT_ATTEMPTED : CriticalValues.CALLOUT_DONE;
  const activity = {
    billId,
    labReportIds: selectedIds,
    testNames: selected.map((r) => r.row.testName),
    methods,
    recipients,
    comment,
    isDraft: input.is_draft,
    userName: session.displayName,
    contacts,
    notifyToOthers: meta.notify_to_others ?? null,
    alreadyNotified: meta.already_notified ?? null,
  };
  const [, reopened, [log]] = await Promise.all([
    tx.update(labReports).set({ criticalValues: newStatus }).where(inArray(labReports.id, selectedIds)),
    tx
      .update(labReports)
      .set({ criticalValues: CriticalValues.CALLOUT_PENDING })
      .where(
        and(
          eq(labReports.billId, billId),
          eq(labReports.criticalValues, CriticalValues.CALLOUT_ATTEMPTED),
          notInArray(labReports.id, selectedIds),
          reportScope(session),
        ),
      )
      .returning({ id: labReports.id }),
    tx
      .insert(activityLogs)
      .values({
        labId: session.labId,
        billId,
        labReportId: selectedIds[0],
        labReportIds: selectedIds,
        logCategoryId: CRITICAL_CALLOUT_LOG_CATEGORY,
        userId: session.userId,
        labUserName: session.displayName,
        activityText: activityText(activity),
        activityDate: now,
        dumpedJson: activityJson(activity),
      })
      .returning({ id: activityLogs.id }),
  ]);

  // 6. The outbox: messages of a done callout, committed with it and delivered after commit.
  if (!input.is_draft) {
    const rows = buildOutboxRows({
      labId: session.labId,
      labName: session.labName,
      billId,
      accessionNo: bill.accessionNo,
      patientName: bill.patient?.name ?? "",
      activityLogId: log.id,
      labReportIds: selectedIds,
      reports: selected.map((r) => ({ testName: r.row.testName, departmentName: r.row.departmentName, parameters: r.criticalParameters })),
      methods,
      contacts,
      others: meta.notify_to_others ?? null,
      callerName: session.displayName,
      calledAt: now,
      comment,
      hipaaMode: settings.show_patient_name === 1,
      shareComment: settings.share_comment === 1,
    }, transportFor);
    if (rows.length) await tx.insert(outboundMessages).values(rows);
  }

  return {
    callout: {
      is_draft: input.is_draft,
      bill_id: billId,
      lab_report_ids: selectedIds,
      callout_ids: inserted.map((r) => r.id),
      activity_log_id: log.id,
      created_on: now.toISOString(),
    },
    reports: [
      ...selectedIds.map((id) => ({ labReportId: id, criticalValues: newStatus })),
      ...reopened.map((r) => ({ labReportId: r.id, criticalValues: CriticalValues.CALLOUT_PENDING })),
    ],
  };
}

