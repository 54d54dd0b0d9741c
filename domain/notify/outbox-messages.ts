// Builds the outbox rows of one done callout: one message per channel and recipient that has an
// address for that channel. Email goes out through a transport; channels without one are recorded
// as "no_provider" so the timeline can say plainly that they were not sent. Which transports exist
// is configuration (server/notify/transports.ts), so the caller passes the lookup in.
import type { CriticalParameter } from "@/domain/critical/evaluate";
import type { CommunicationMethod, ContactDetails, Recipient } from "@/domain/callout/activity";
import { renderCriticalMessage } from "./template";

/** The configured transport of a channel, or null when the channel has no provider. */
export type TransportLookup = (channel: CommunicationMethod) => { name: string } | null;

export interface OutboxInput {
  labId: number;
  labName: string;
  billId: number;
  accessionNo: string;
  patientName: string;
  activityLogId: number;
  labReportIds: number[];
  reports: { testName: string; departmentName: string; parameters: CriticalParameter[] }[];
  methods: CommunicationMethod[];
  contacts: Partial<Record<Recipient, ContactDetails>>;
  others: { name: string; email?: string; fax?: string; contactNumber?: string } | null;
  callerName: string;
  calledAt: Date;
  comment: string;
  /** Hide the patient's name in messages (notify settings show_patient_name). */
  hipaaMode: boolean;
  /** Put the caller's comment in messages (notify settings share_comment). */
  shareComment: boolean;
  /** The lab's call-back number (lab_phone). */
  labPhone?: string;
  /** Hours an acknowledgement link stays valid (ack_link_hours). */
  ackLinkHours?: number;
  /**
   * The acknowledgement link of one emailed recipient (DESIGN §10): the caller mints the token and
   * keeps its hash. Called once per email message; absent, messages carry no link.
   */
  ackLinkFor?: (to: { kind: Recipient | "Other"; name: string; address: string }) => string;
}

interface Target {
  kind: Recipient | "Other";
  name: string;
  email: string | null | undefined;
  fax: string | null | undefined;
  phone: string | null | undefined;
}

function addressFor(channel: CommunicationMethod, t: Target): string | null {
  const value = channel === "email" ? t.email : channel === "fax" ? t.fax : t.phone;
  return value?.trim() ? value.trim() : null;
}

export function buildOutboxRows(input: OutboxInput, transportFor: TransportLookup) {
  const targets: Target[] = Object.entries(input.contacts).map(([kind, c]) => ({
    kind: kind as Recipient,
    name: c!.name,
    email: c!.email,
    fax: c!.fax,
    phone: c!.phone,
  }));
  if (input.others?.name) {
    targets.push({ kind: "Other", name: input.others.name, email: input.others.email, fax: input.others.fax, phone: input.others.contactNumber });
  }
  return input.methods.flatMap((channel) =>
    targets.flatMap((t) => {
      const address = addressFor(channel, t);
      if (!address) return [];
      const message = renderCriticalMessage({
        labName: input.labName,
        accessionNo: input.accessionNo,
        patientName: input.patientName,
        hipaaMode: input.hipaaMode,
        recipientName: t.name,
        reports: input.reports,
        callerName: input.callerName,
        calledAt: input.calledAt,
        comment: input.comment,
        shareComment: input.shareComment,
        additionalInstruction: "",
        ackUrl: channel === "email" && input.ackLinkFor ? input.ackLinkFor({ kind: t.kind, name: t.name, address }) : null,
        ackLinkHours: input.ackLinkHours,
        labPhone: input.labPhone,
      });
      const owner = { labId: input.labId, billId: input.billId, activityLogId: input.activityLogId, labReportIds: input.labReportIds };
      return [outboxRow(owner, channel, { kind: t.kind, name: t.name, address }, message, transportFor(channel))];
    }),
  );
}

/** Whose message it is: the bill, and the action (activity log row) that sent it. */
export interface OutboxOwner {
  labId: number;
  billId: number;
  activityLogId: number;
  labReportIds: number[];
}

/** One outbox row: pending for a channel with a transport, else recorded as having no provider. */
export function outboxRow(
  owner: OutboxOwner,
  channel: CommunicationMethod,
  to: { kind: string; name: string; address: string },
  message: { subject: string; text: string; html: string },
  transport: { name: string } | null,
) {
  return {
    ...owner,
    channel,
    recipientKind: to.kind,
    recipientName: to.name,
    address: to.address,
    subject: message.subject,
    bodyText: message.text,
    bodyHtml: channel === "email" ? message.html : null,
    status: transport ? "pending" : "no_provider",
    transport: transport?.name ?? null,
    lastError: transport ? null : `no ${channel} provider configured`,
  };
}
