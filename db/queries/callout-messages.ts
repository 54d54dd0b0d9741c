// The messages of a done callout (the outbox rows) and their acknowledgement links, written in the
// callout's transaction and delivered after commit by the worker.
import { buildOutboxRows } from "@/domain/notify/outbox-messages";
import type { Tx } from "../connect";
import { outboundMessages } from "../schema";
import { ackLinkMinter } from "./ack-links";
import type { CheckedCallout } from "./callout-write";

/** The messages of a done callout, committed with it and delivered after commit by the worker. */
export async function queueMessages(tx: Tx, c: CheckedCallout, activityLogId: number, calloutIds: number[]): Promise<void> {
  const { session, billId, input, settings, transportFor, ackBaseUrl } = c.req;
  const hipaaMode = settings.show_patient_name === 1;
  const links = ackBaseUrl
    ? ackLinkMinter({
        labId: session.labId,
        billId,
        activityLogId,
        labReportIds: c.selectedIds,
        calloutIds,
        hidePatientName: hipaaMode,
        now: c.now,
        hours: settings.ack_link_hours,
        baseUrl: ackBaseUrl,
      })
    : null;
  const outbox = {
    labId: session.labId,
    labName: session.labName,
    billId,
    accessionNo: c.bill.accessionNo,
    patientName: c.bill.patient?.name ?? "",
    activityLogId,
    labReportIds: c.selectedIds,
    reports: c.selected.map((r) => ({ testName: r.row.testName, departmentName: r.row.departmentName, parameters: r.criticalParameters })),
    methods: c.methods,
    contacts: c.contacts,
    others: input.critical_callout_meta.notify_to_others ?? null,
    callerName: session.displayName,
    calledAt: c.now,
    comment: c.comment,
    hipaaMode,
    shareComment: settings.share_comment === 1,
    labPhone: settings.lab_phone,
    ackLinkHours: settings.ack_link_hours,
    ackLinkFor: links?.mint,
  };
  const rows = buildOutboxRows(outbox, transportFor);
  if (rows.length) await Promise.all([tx.insert(outboundMessages).values(rows), links?.insert(tx)]);
}
