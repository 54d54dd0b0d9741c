// Builds the outbox rows of one done callout: one message per channel and recipient that has an
// address for that channel. Email goes out through a transport; channels without one are recorded
// as "no_provider" so the timeline can say plainly that they were not sent.
import type { CriticalParameter } from "@/lib/critical/evaluate";
import type { CommunicationMethod, ContactDetails, Recipient } from "@/lib/callout/activity";
import type { NotifySettings } from "@/lib/contracts/settings";
import { renderCriticalMessage } from "./template";
import { transportFor } from "./transports";

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
  settings: NotifySettings;
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

export function buildOutboxRows(input: OutboxInput) {
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
        hipaaMode: input.settings.show_patient_name === 1,
        recipientName: t.name,
        reports: input.reports,
        callerName: input.callerName,
        calledAt: input.calledAt,
        comment: input.comment,
        shareComment: input.settings.share_comment === 1,
        additionalInstruction: "",
      });
      const transport = transportFor(channel);
      return [
        {
          labId: input.labId,
          billId: input.billId,
          activityLogId: input.activityLogId,
          labReportIds: input.labReportIds,
          channel,
          recipientKind: t.kind,
          recipientName: t.name,
          address,
          subject: message.subject,
          bodyText: message.text,
          bodyHtml: channel === "email" ? message.html : null,
          status: transport ? "pending" : "no_provider",
          transport: transport?.name ?? null,
          lastError: transport ? null : `no ${channel} provider configured`,
        },
      ];
    }),
  );
}
