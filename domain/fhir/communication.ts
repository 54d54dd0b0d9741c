// One FHIR R4 Communication per report and callout action (DESIGN §12), from a category-648 activity
// log and the report it names; shaped like IHE RAD IDR's Communication. Pure: the caller loads rows.
import { COMMUNICATION_METHODS, type CommunicationMethod, RECIPIENTS, type Recipient } from "../callout/activity";
import type { CriticalParameter } from "../critical/evaluate";
import { CS, type Coding, FAX_MODE, FLAG_DISPLAY, METHOD_MODE, NOT_DONE_REASON, PHONE_MODE } from "./codes";
import { communicationStatus } from "./communication-status";

export interface CalloutLogRow {
  logId: number;
  activityDate: Date;
  activityText: string;
  labUserName: string;
  userId: number | null;
  /** dumped_json as stored (any shape this app or its predecessors wrote). */
  meta: Record<string, unknown>;
}

export interface ReportRow {
  reportId: number;
  testName: string;
  accessionNo: string;
  patientId: number;
  patientName: string;
  orgId: number | null;
  orgName: string | null;
  referralId: number | null;
  referralName: string | null;
  /** The report's first acknowledgement of receipt since this action (DESIGN §10), if any. */
  acknowledgedAt?: Date | string | null;
}

type Json = Record<string, unknown>;
interface Outcome {
  code?: string;
  person?: string;
  role?: string;
  read_back?: boolean;
  note?: string;
}

export const communicationId = (logId: number, reportId: number) => `${logId}-${reportId}`;

const obj = (v: unknown): Json => (v && typeof v === "object" && !Array.isArray(v) ? (v as Json) : {});
const str = (v: unknown): string | undefined => (typeof v === "string" && v.trim() ? v.trim() : undefined);

/** Recipients of the log: the list, or the older comma-joined text. */
function recipientsOf(meta: Json): Recipient[] {
  const raw = Array.isArray(meta.recipient_list) ? meta.recipient_list : typeof meta.recipients === "string" ? meta.recipients.split(",") : [];
  return RECIPIENTS.filter((r) => raw.some((x) => typeof x === "string" && x.trim() === r));
}

function methodsOf(meta: Json): CommunicationMethod[] {
  const raw = Array.isArray(meta.methods) ? meta.methods : typeof meta.method === "string" ? meta.method.toLowerCase().split(",") : [];
  return COMMUNICATION_METHODS.filter((m) => raw.some((x) => typeof x === "string" && x.trim().toLowerCase() === m));
}

/** The outcome recorded with the log; logs from before outcomes carry the phone call's read-back. */
function outcomeOf(meta: Json): Outcome {
  const o = obj(meta.outcome);
  const call = obj(obj(meta.already_notified).phone_call);
  return {
    code: str(o.code),
    person: str(o.person) ?? str(call.name),
    role: str(o.role),
    read_back: typeof o.read_back === "boolean" ? o.read_back : typeof call.read_back === "boolean" ? call.read_back : undefined,
    note: str(o.note),
  };
}

function media(meta: Json): { coding: Coding[]; text?: string }[] {
  const out = methodsOf(meta).map((m) => ({ coding: [METHOD_MODE[m]], text: m === "sms" ? "SMS" : m === "whatsapp" ? "WhatsApp" : undefined }));
  const already = obj(meta.already_notified);
  if (already.phone_call) out.push({ coding: [PHONE_MODE], text: undefined });
  if (already.fax && !out.some((m) => m.coding[0] === FAX_MODE)) out.push({ coding: [FAX_MODE], text: undefined });
  return out.map(({ coding, text }) => (text ? { coding, text } : { coding }));
}

const patientRef = (r: ReportRow) => ({ reference: `Patient/${r.patientId}`, display: r.patientName });

function recipients(meta: Json, r: ReportRow) {
  const out: Json[] = [];
  for (const who of recipientsOf(meta)) {
    const contact = obj(obj(meta.contacts)[who]);
    if (who === "Patient") out.push(patientRef(r));
    else if (who === "Organization") out.push(r.orgId ? { reference: `Organization/${r.orgId}`, display: r.orgName ?? str(contact.name) } : { display: str(contact.name) ?? "Organization" });
    else out.push(r.referralId ? { reference: `Practitioner/${r.referralId}`, display: r.referralName ?? str(contact.name) } : { display: str(contact.name) ?? "Referral doctor" });
  }
  if (str(obj(meta.notify_to_others).name)) out.push({ reference: "#notified-other" });
  return out;
}

/** Contained resources: the other person notified (RelatedPerson) and the critical values (Observations). */
function contained(meta: Json, r: ReportRow, parameters: CriticalParameter[]): Json[] {
  const out: Json[] = [];
  const other = obj(meta.notify_to_others);
  if (str(other.name)) {
    const telecom = [
      str(other.contactNumber) && { system: "phone", value: str(other.contactNumber) },
      str(other.email) && { system: "email", value: str(other.email) },
      str(other.fax) && { system: "fax", value: str(other.fax) },
    ].filter(Boolean);
    out.push({ resourceType: "RelatedPerson", id: "notified-other", patient: patientRef(r), name: [{ text: str(other.name) }], ...(telecom.length ? { telecom } : {}) });
  }
  for (const p of parameters) {
    out.push({
      resourceType: "Observation",
      id: `value-${p.parameter_id}`,
      status: "final",
      code: { text: p.parameter_name },
      subject: patientRef(r),
      ...(typeof p.value === "number" ? { valueQuantity: { value: p.value, ...(p.unit ? { unit: p.unit } : {}) } } : { valueString: p.value }),
      interpretation: [{ coding: [{ system: CS.interpretation, code: p.flag, display: FLAG_DISPLAY[p.flag] }] }],
      ...(p.reference_range ? { referenceRange: [{ text: p.reference_range }] } : {}),
    });
  }
  return out;
}

function summary(r: ReportRow, parameters: CriticalParameter[]): string {
  const values = parameters.map((p) => `${p.parameter_name} ${p.value}${p.unit ? ` ${p.unit}` : ""} (${p.flag}${p.reference_range ? `, reference ${p.reference_range}` : ""})`);
  return `Critical result, accession ${r.accessionNo}, ${r.testName}${values.length ? `: ${values.join("; ")}` : ""}`;
}

function notes(meta: Json, outcome: Outcome, activityText: string): { text: string }[] {
  const out: { text: string }[] = [];
  if (outcome.read_back !== undefined) {
    const who = outcome.person ? ` by ${outcome.person}${outcome.role ? ` (${outcome.role})` : ""}` : "";
    out.push({ text: outcome.read_back ? `Read back${who}: confirmed` : `Read back${who}: not done` });
  } else if (outcome.person) out.push({ text: `Reached ${outcome.person}${outcome.role ? ` (${outcome.role})` : ""}` });
  if (outcome.code) out.push({ text: `Outcome: ${outcome.code.replaceAll("_", " ")}` });
  if (outcome.note) out.push({ text: outcome.note });
  if (str(meta.comment)) out.push({ text: `Comment: ${str(meta.comment)}` });
  if (meta.kind === "escalation") out.push({ text: activityText });
  return out;
}

export function toCommunication(log: CalloutLogRow, report: ReportRow, parameters: CriticalParameter[]): Json {
  const meta = log.meta;
  const status = communicationStatus(meta);
  const outcome = outcomeOf(meta);
  const reason = status === "not-done" ? NOT_DONE_REASON[meta.kind === "escalation" ? "escalation" : (outcome.code ?? "")] : undefined;
  const at = log.activityDate.toISOString();
  const inner = contained(meta, report, parameters);
  const recipient = recipients(meta, report);
  const note = notes(meta, outcome, log.activityText);
  return {
    resourceType: "Communication",
    id: communicationId(log.logId, report.reportId),
    meta: { lastUpdated: at },
    ...(inner.length ? { contained: inner } : {}),
    identifier: [{ system: "urn:critical-callout:activity-log", value: communicationId(log.logId, report.reportId) }],
    partOf: [{ reference: `DiagnosticReport/${report.reportId}`, display: report.testName }],
    status,
    ...(reason ? { statusReason: { coding: [reason], text: meta.kind === "escalation" ? "Escalated" : reason.display } } : {}),
    category: [{ coding: [{ system: CS.category, code: "alert", display: "Alert" }], text: "Critical result" }],
    priority: "stat",
    ...(media(meta).length ? { medium: media(meta) } : {}),
    subject: patientRef(report),
    ...(parameters.length ? { about: parameters.map((p) => ({ reference: `#value-${p.parameter_id}`, display: `${p.parameter_name} ${p.flag}` })) } : {}),
    sent: at,
    // A done callout was received when its recipient acknowledged it.
    ...(status === "completed" && report.acknowledgedAt ? { received: new Date(report.acknowledgedAt).toISOString() } : {}),
    ...(recipient.length ? { recipient } : {}),
    sender: { display: log.labUserName || "System", ...(log.userId ? { identifier: { system: "urn:critical-callout:user", value: String(log.userId) } } : {}) },
    payload: [{ contentString: summary(report, parameters) }],
    ...(note.length ? { note } : {}),
  };
}
