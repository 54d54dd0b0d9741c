// The activity log entry of one callout action (DESIGN §5.4): its human text and its dumped_json.
// Shared by the write endpoint and the demo seed, so history looks the same whoever wrote it.
import { type Outcome, resolveOutcome } from "./outcome";

export const RECIPIENTS = ["Organization", "Referral", "Patient"] as const;
export type Recipient = (typeof RECIPIENTS)[number];
export const COMMUNICATION_METHODS = ["email", "fax", "sms", "whatsapp"] as const;
export type CommunicationMethod = (typeof COMMUNICATION_METHODS)[number];

/** How a channel is named to people (form, activity text, export, timeline). */
export const METHOD_LABEL: Record<CommunicationMethod, string> = {
  email: "Email",
  fax: "Fax",
  sms: "SMS",
  whatsapp: "WhatsApp",
};

export interface ContactDetails {
  name: string;
  email: string | null;
  phone: string | null;
  fax: string | null;
}

export interface ActivityInput {
  billId: number;
  labReportIds: number[];
  testNames: string[];
  methods: CommunicationMethod[];
  recipients: Recipient[];
  comment: string;
  isDraft: boolean;
  userName: string;
  contacts: Partial<Record<Recipient, ContactDetails>>;
  notifyToOthers?: { name: string; email?: string; fax?: string; contactNumber?: string } | null;
  alreadyNotified?: {
    phone_call?: { name: string; contact: string; read_back: boolean } | null;
    fax?: { name: string; fax_number: string } | null;
  } | null;
  /** The action's outcome (DESIGN §9); absent, the defaults of a client that sends none. */
  outcome?: Outcome | null;
}

export function methodLabels(methods: CommunicationMethod[]): string {
  return methods.map((m) => METHOD_LABEL[m]).join(", ");
}

export function activityText(a: ActivityInput): string {
  const verb = a.isDraft ? "Callout Attempted by" : "Callout done by";
  return [
    `${verb} - ${a.userName}`,
    `Callout for - ${a.testNames.join(", ")}`,
    `Method - ${methodLabels(a.methods) || "-"}`,
    `Recipients - ${a.recipients.join(", ") || "-"}`,
    `Comment - ${a.comment.trim() || "-"}`,
  ].join(", ");
}

export function activityJson(a: ActivityInput) {
  return {
    bill_id: a.billId,
    lab_report_ids: a.labReportIds,
    callout_for: a.testNames,
    method: methodLabels(a.methods),
    methods: a.methods,
    callout_done_by: a.userName,
    recipients: a.recipients.join(", "),
    recipient_list: a.recipients,
    comment: a.comment,
    is_draft: a.isDraft,
    contacts: a.contacts,
    notify_to_others: a.notifyToOthers ?? null,
    already_notified: a.alreadyNotified ?? null,
    outcome: a.outcome ?? resolveOutcome(null, a.isDraft, a.alreadyNotified?.phone_call),
  };
}
