// One timeline entry from an endpoint-2 log. `meta` is the row's dumped_json: written by this app
// (domain/callout/activity.ts) for new rows, but rows from older tools may carry less or odd shapes,
// so every field is read on its own and a bad one is dropped, never the whole entry.
import { z } from "zod";
import type { LogEntryDto } from "@/contracts/critical";
import { escalationOf, outcomeOf, type TimelineEscalation, type TimelineOutcome } from "./log-outcome";
import { METHOD_LABEL } from "@/domain/callout/activity";

const methodLabel = (m: string) => (METHOD_LABEL as Record<string, string>)[m] ?? m;


const text = z.string().catch("");
const list = z.array(z.string()).catch([]);
const metaSchema = z.object({
  is_draft: z.boolean().optional().catch(undefined),
  callout_for: list.optional(),
  methods: list.optional(),
  method: text.optional(),
  recipient_list: list.optional(),
  recipients: text.optional(),
  comment: text.optional(),
  notify_to_others: z
    .object({ name: text, email: text.optional(), fax: text.optional(), contactNumber: text.optional() })
    .nullish()
    .catch(null),
  already_notified: z
    .object({
      phone_call: z.object({ name: text, contact: text, read_back: z.boolean().catch(false) }).nullish().catch(null),
      fax: z.object({ name: text, fax_number: text }).nullish().catch(null),
    })
    .nullish()
    .catch(null),
});

export interface DeliveryLine {
  channel: string;
  recipientName: string;
  status: string;
}

export interface TimelineEntry {
  id: number;
  action: "Attempted" | "Done" | "Escalated" | "Acknowledged" | "Callout";
  who: string;
  when: Date;
  tests: string[];
  methods: string[];
  recipients: string[];
  others: { name: string; detail: string } | null;
  phoneCall: { name: string; contact: string; readBack: boolean } | null;
  fax: { name: string; faxNumber: string } | null;
  comment: string;
  /** The stored sentence, shown when the structured fields are missing (rows of older tools). */
  fallbackText: string | null;
  deliveries: DeliveryLine[];
  /** How the action went (DESIGN §9); null on rows written before outcomes were recorded. */
  outcome: TimelineOutcome | null;
  /** Set on the worker's escalations. */
  escalation: TimelineEscalation | null;
  /** Set on acknowledgements of receipt (DESIGN §10): how it came in. */
  acknowledgement: { via: string } | null;
}

const ackSchema = z.object({
  kind: z.literal("acknowledgement"),
  via: z.string().catch(""),
  recipient: z.object({ kind: text, name: text, address: text }).nullish().catch(null),
});

/** "the link in the email to Dr. Rao", "the app". */
function acknowledgementOf(meta: unknown): TimelineEntry["acknowledgement"] {
  const parsed = ackSchema.safeParse(meta);
  if (!parsed.success) return null;
  const { via, recipient } = parsed.data;
  if (via === "app") return { via: "In the app" };
  const to = recipient ? recipient.name || recipient.address : "";
  return { via: to ? `Link in the email to ${to}` : "Link in the email" };
}

const splitList = (s: string | undefined) => (s ? s.split(",").map((x) => x.trim()).filter(Boolean) : []);

function actionOf(isDraft: boolean | undefined, activityText: string): TimelineEntry["action"] {
  if (isDraft !== undefined) return isDraft ? "Attempted" : "Done";
  if (/^callout attempted/i.test(activityText)) return "Attempted";
  if (/^callout done/i.test(activityText)) return "Done";
  return "Callout";
}

export function toTimelineEntry(log: LogEntryDto): TimelineEntry {
  const parsed = metaSchema.safeParse(log.meta);
  const meta = parsed.success ? parsed.data : {};
  const methods = meta.methods?.length ? meta.methods.map(methodLabel) : splitList(meta.method);
  const recipients = meta.recipient_list?.length ? meta.recipient_list : splitList(meta.recipients);
  const others = meta.notify_to_others?.name.trim()
    ? {
        name: meta.notify_to_others.name,
        detail: [meta.notify_to_others.contactNumber, meta.notify_to_others.email, meta.notify_to_others.fax].filter(Boolean).join(" · "),
      }
    : null;
  const phone = meta.already_notified?.phone_call;
  const fax = meta.already_notified?.fax;
  const tests = meta.callout_for ?? [];
  const structured = tests.length > 0 || methods.length > 0 || recipients.length > 0 || meta.comment !== undefined;
  // Servers without the outbox do not send outbound messages with log entries.
  const deliveries = ((log as { deliveries?: unknown }).deliveries ?? []) as DeliveryLine[];
  const escalation = escalationOf(log.meta);
  const acknowledgement = acknowledgementOf(log.meta);
  return {
    id: log.id,
    action: escalation ? "Escalated" : acknowledgement ? "Acknowledged" : actionOf(meta.is_draft, log.activityText),
    who: log.labUserName,
    when: new Date(log.activityDate),
    tests,
    methods,
    recipients,
    others,
    phoneCall: phone?.name ? { name: phone.name, contact: phone.contact, readBack: phone.read_back } : null,
    fax: fax?.name || fax?.fax_number ? { name: fax.name, faxNumber: fax.fax_number } : null,
    comment: meta.comment?.trim() ?? "",
    fallbackText: structured ? null : log.activityText,
    deliveries: Array.isArray(deliveries) ? deliveries : [],
    outcome: escalation || acknowledgement ? null : outcomeOf(log.meta),
    escalation,
    acknowledgement,
  };
}

const relative = new Intl.RelativeTimeFormat("en", { numeric: "auto", style: "short" });
const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
];

/** "5 min. ago", "yesterday", "9 days ago", "just now" (days rather than weeks: callouts are counted in days). */
export function relativeTime(when: Date, now: Date): string {
  const seconds = Math.round((when.getTime() - now.getTime()) / 1000);
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return relative.format(Math.trunc(seconds / size), unit);
  }
  return "just now";
}
