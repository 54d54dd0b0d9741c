// The activity log entry of one acknowledgement of receipt (DESIGN §10): its human text and its
// dumped_json (`kind: "acknowledgement"`, the acknowledger's name; the log row's time is the moment).
import type { Recipient } from "./activity";

export type AcknowledgementVia = "link" | "app";

export interface AcknowledgementInput {
  billId: number;
  labReportIds: number[];
  testNames: string[];
  /** The acknowledger's name as given (a doctor login: the doctor's display name). */
  by: string;
  via: AcknowledgementVia;
  /** The emailed recipient whose link was used (link only). */
  recipient?: { kind: Recipient | "Other" | string; name: string; address: string } | null;
  linkId?: number | null;
  version: number;
}

/** Names and free text are capped so a log line stays a line. */
export const ACKNOWLEDGER_NAME_MAX = 120;

const VIA_TEXT: Record<AcknowledgementVia, string> = { link: "link in the email", app: "the app" };

export function acknowledgementText(a: AcknowledgementInput): string {
  const to = a.recipient ? ` sent to ${a.recipient.name || a.recipient.address} (${a.recipient.kind === "Other" ? "notify to others" : a.recipient.kind})` : "";
  return [`Acknowledged by - ${a.by}`, `Acknowledgement for - ${a.testNames.join(", ")}`, `Via - ${VIA_TEXT[a.via]}${to}`].join(", ");
}

export function acknowledgementJson(a: AcknowledgementInput) {
  return {
    kind: "acknowledgement" as const,
    bill_id: a.billId,
    lab_report_ids: a.labReportIds,
    callout_for: a.testNames,
    acknowledged_by: a.by,
    via: a.via,
    ...(a.recipient ? { recipient: a.recipient } : {}),
    ...(a.linkId ? { link_id: a.linkId } : {}),
    version: a.version,
  };
}
