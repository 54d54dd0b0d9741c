// The callout form's state, how it starts (from the bill's draft, else the open reports), what it
// sends to endpoint 4, and why an action is not possible yet. Pure functions: unit-tested, no React.
import { COMMUNICATION_METHODS, type CommunicationMethod, RECIPIENTS, type Recipient } from "@/domain/callout/activity";
import { type CriticalRecordsResponse, MAX_COMMENT_LENGTH, type PostCalloutInput } from "@/contracts/critical";
import type { NotifySettings } from "@/contracts/settings";
import type { AttemptOutcomeCode, DoneOutcomeCode } from "@/domain/callout/outcome";
import { calloutRuleViolations } from "@/domain/callout/rules";
import { isOpenStatus } from "@/domain/critical/status";

export interface CalloutForm {
  /** lab_report ids to act on. */
  selected: number[];
  recipients: Recipient[];
  methods: CommunicationMethod[];
  others: { name: string; email: string; fax: string; contactNumber: string };
  phoneCall: { name: string; contact: string; readBack: boolean };
  fax: { name: string; faxNumber: string };
  comment: string;
  /** The outcome "Save attempt" records (DESIGN §9); preset to no answer. */
  attemptOutcome: AttemptOutcomeCode;
  /** The outcome "Mark as done" records; null until chosen: see doneOutcomeOf. */
  doneOutcome: DoneOutcomeCode | null;
}

export const EMPTY_FORM: CalloutForm = {
  selected: [],
  recipients: [],
  methods: [],
  others: { name: "", email: "", fax: "", contactNumber: "" },
  phoneCall: { name: "", contact: "", readBack: false },
  fax: { name: "", faxNumber: "" },
  comment: "",
  attemptOutcome: "no_answer",
  doneOutcome: null,
};

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === "object" && !Array.isArray(v);
const str = (v: unknown) => (typeof v === "string" ? v : "");
const oneOf = <T extends string>(allowed: readonly T[], values: unknown): T[] =>
  Array.isArray(values) ? allowed.filter((a) => values.includes(a)) : [];

/**
 * The form as the bill stands: a draft restores everything it recorded and selects the reports of
 * its `callout_for` (test ids); without one, every open report (pending or attempted) is selected.
 */
export function initialForm(records: CriticalRecordsResponse): CalloutForm {
  const draft = records.attempted_callout;
  if (!draft) {
    return {
      ...EMPTY_FORM,
      selected: records.reports.filter((r) => isOpenStatus(r.lab_report.criticalValues)).map((r) => r.lab_report.labReportId),
    };
  }
  const meta = draft.critical_callout_meta;
  const calloutFor = new Set(meta.callout_for ?? []);
  const others = isObject(meta.notify_to_others) ? meta.notify_to_others : {};
  const notified = isObject(meta.already_notified) ? meta.already_notified : {};
  const phone = isObject(notified.phone_call) ? notified.phone_call : {};
  const fax = isObject(notified.fax) ? notified.fax : {};
  return {
    selected: records.reports.filter((r) => calloutFor.has(r.lab_report.reportID.testID)).map((r) => r.lab_report.labReportId),
    recipients: oneOf(RECIPIENTS, draft.recipients),
    methods: oneOf(COMMUNICATION_METHODS, meta.communication_methods),
    others: { name: str(others.name), email: str(others.email), fax: str(others.fax), contactNumber: str(others.contactNumber) },
    phoneCall: { name: str(phone.name), contact: str(phone.contact), readBack: phone.read_back === true },
    fax: { name: str(fax.name), faxNumber: str(fax.fax_number) },
    comment: draft.critical_callout_comment,
    // Each action asks afresh: the next attempt is preset to no answer whatever the last one was.
    attemptOutcome: EMPTY_FORM.attemptOutcome,
    doneOutcome: EMPTY_FORM.doneOutcome,
  };
}

/**
 * The form with exactly `ids` selected (those of them the bill lists), the rest of it (a restored
 * draft's recipients, channels, comment) kept. Without ids, or when none is listed, unchanged.
 */
export function withSelection(form: CalloutForm, records: CriticalRecordsResponse, ids?: readonly number[]): CalloutForm {
  if (!ids?.length) return form;
  const selected = records.reports.map((r) => r.lab_report.labReportId).filter((id) => ids.includes(id));
  return selected.length > 0 ? { ...form, selected } : form;
}

const filled = (...values: string[]) => values.some((v) => v.trim() !== "");

/** The done outcome as chosen, else preset: reached once a person is named (the phone call), else message sent. */
export const doneOutcomeOf = (form: CalloutForm): DoneOutcomeCode => form.doneOutcome ?? (filled(form.phoneCall.name) ? "reached" : "message_sent");

/** The outcome an action sends; a reached person and read-back are the phone call's. */
function outcomeOf(form: CalloutForm, isDraft: boolean) {
  if (isDraft) return { code: form.attemptOutcome };
  if (doneOutcomeOf(form) === "message_sent") return { code: "message_sent" as const };
  return { code: "reached" as const, person: form.phoneCall.name.trim(), read_back: form.phoneCall.readBack };
}

/** The body of endpoint 4. Empty optional blocks are left out rather than sent half-blank. */
export function toRequestBody(form: CalloutForm, isDraft: boolean, settings?: Pick<NotifySettings, "is_email">): PostCalloutInput {
  const { others, phoneCall, fax } = form;
  const phone = filled(phoneCall.name, phoneCall.contact)
    ? { name: phoneCall.name.trim(), contact: phoneCall.contact.trim(), read_back: phoneCall.readBack }
    : null;
  const faxSent = filled(fax.name, fax.faxNumber) ? { name: fax.name.trim(), fax_number: fax.faxNumber.trim() } : null;
  return {
    lab_report_ids: form.selected,
    is_draft: isDraft,
    recipients: RECIPIENTS.filter((r) => form.recipients.includes(r)),
    critical_callout_comment: form.comment,
    critical_callout_meta: {
      // The email channel off in the notify configuration must not sneak in through a restored draft.
      communication_methods: COMMUNICATION_METHODS.filter((m) => form.methods.includes(m) && (m !== "email" || settings?.is_email !== 0)),
      notify_to_others: filled(others.name, others.email, others.fax, others.contactNumber)
        ? { name: others.name.trim(), email: others.email.trim(), fax: others.fax.trim(), contactNumber: others.contactNumber.trim() }
        : null,
      already_notified: phone || faxSent ? { phone_call: phone, fax: faxSent } : null,
      outcome: outcomeOf(form, isDraft),
    },
  };
}

export interface Blockers {
  /** Reasons neither action can be taken. */
  both: string[];
  /** Further reasons "Mark as done" cannot be taken (a done callout must say who was told how). */
  done: string[];
}

/**
 * Why the actions are disabled, in words the user can act on: the server's callout rules
 * (domain/callout/rules.ts) as hints, plus what the form itself needs before a body can be sent.
 */
export function blockers(
  form: CalloutForm,
  settings: Pick<NotifySettings, "mandatory_comments" | "is_email"> | undefined,
  available: { recipients: readonly Recipient[] },
): Blockers {
  const body = toRequestBody(form, false, settings);
  const action = { ...body, recipients: body.recipients.filter((r) => available.recipients.includes(r)) };
  const broken = calloutRuleViolations(action, settings, true);
  const hints = (appliesTo: "both" | "done") => broken.filter((v) => v.appliesTo === appliesTo).map((v) => v.hint);

  const both: string[] = [];
  if (form.selected.length === 0) both.push("Select at least one report.");
  both.push(...hints("both"));
  if (form.comment.length > MAX_COMMENT_LENGTH) both.push(`The comment is longer than ${MAX_COMMENT_LENGTH} characters.`);
  const { phoneCall, fax, others } = form;
  if ((filled(phoneCall.contact) || phoneCall.readBack) && !filled(phoneCall.name)) both.push("Enter the name of the person reached by phone.");
  if (filled(fax.name, fax.faxNumber) && !(filled(fax.name) && filled(fax.faxNumber))) both.push("Enter both the name and the fax number of the fax already sent.");
  if (filled(others.email, others.fax, others.contactNumber) && !filled(others.name)) both.push("Enter the name of the other person to notify.");
  return { both, done: hints("done") };
}

/** The list with `value` added (once) or removed. */
export function toggle<T>(values: readonly T[], value: T, on: boolean): T[] {
  const without = values.filter((v) => v !== value);
  return on ? [...without, value] : without;
}
