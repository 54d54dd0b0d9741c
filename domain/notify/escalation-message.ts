// The email an escalation sends to the lab's escalation addresses (supervisor, on-call pathologist):
// which critical results still wait, for how long, and why they are escalated now. Rows for the
// outbox are built like a callout's (outbox-messages.ts), so the same worker delivers them.
import type { CriticalParameter } from "@/domain/critical/evaluate";
import type { EscalationReason } from "@/domain/critical/escalation";
import { outboxRow, type TransportLookup } from "./outbox-messages";
import { escapeHtml, parameterLine } from "./template";

export interface EscalationMessageInput {
  labId: number;
  labName: string;
  billId: number;
  accessionNo: string;
  patientName: string;
  /** Hide the patient's name (notify settings show_patient_name), as in every message the lab sends. */
  hipaaMode: boolean;
  activityLogId: number;
  level: 1 | 2;
  /** Why, as a phrase: "not called out within 30 min". */
  reasonText: string;
  reason: EscalationReason;
  reports: { labReportId: number; testName: string; departmentName: string; minutesWaited: number; attempts: number; parameters: CriticalParameter[] }[];
  labPhone: string;
  at: Date;
}

export function renderEscalationMessage(m: EscalationMessageInput): { subject: string; text: string; html: string } {
  const who = m.hipaaMode ? `accession ${m.accessionNo}` : `${m.patientName} (accession ${m.accessionNo})`;
  const headline = m.level === 2 ? "TARGET MISSED" : "ESCALATION";
  const subject = `${headline} — critical result not yet called out — ${m.hipaaMode ? `Accession ${m.accessionNo}` : m.patientName} — ${m.labName}`;
  const when = m.at.toISOString().replace("T", " ").slice(0, 16);
  const reportLines = (r: EscalationMessageInput["reports"][number]) => [
    `${r.testName} (${r.departmentName}): waiting ${Math.floor(r.minutesWaited)} min, ${r.attempts} unsuccessful attempt${r.attempts === 1 ? "" : "s"}`,
    ...r.parameters.map((p) => `  • ${parameterLine(p)}`),
  ];
  const lines = [
    `${m.labName}: critical results for ${who} have not been called out (${m.reasonText}).`,
    "",
    ...m.reports.flatMap((r) => [...reportLines(r), ""]),
    `Escalation level ${m.level}, ${when} UTC. Please make sure the responsible clinician is reached.`,
    ...(m.labPhone.trim() ? [`Laboratory: ${m.labPhone.trim()}`] : []),
    `— ${m.labName} (automatic message)`,
  ];
  const html = [
    `<div style="font-family:system-ui,sans-serif;color:#0f1f2e;max-width:640px">`,
    `<p style="background:#fef2f2;border-left:4px solid #b91c1c;padding:8px 12px;margin:0 0 12px"><strong>${headline}</strong> — ${escapeHtml(m.reasonText)}</p>`,
    `<p>${escapeHtml(m.labName)}: critical results for ${escapeHtml(who)} have not been called out.</p>`,
    ...m.reports.map((r) => {
      const [head, ...params] = reportLines(r);
      return `<p style="margin:12px 0 4px"><strong>${escapeHtml(head)}</strong></p><ul style="margin:0;padding-left:20px">${params.map((p) => `<li>${escapeHtml(p.replace(/^ {2}• /, ""))}</li>`).join("")}</ul>`;
    }),
    `<p style="margin-top:16px">Escalation level ${m.level}, ${escapeHtml(when)} UTC. Please make sure the responsible clinician is reached.</p>`,
    m.labPhone.trim() ? `<p>Laboratory: ${escapeHtml(m.labPhone.trim())}</p>` : "",
    `<p>— ${escapeHtml(m.labName)} (automatic message)</p>`,
    `</div>`,
  ].join("");
  return { subject, text: lines.join("\n"), html };
}

/** One email per escalation address. */
export function buildEscalationOutboxRows(m: EscalationMessageInput, emails: readonly string[], transportFor: TransportLookup) {
  const message = renderEscalationMessage(m);
  const owner = { labId: m.labId, billId: m.billId, activityLogId: m.activityLogId, labReportIds: m.reports.map((r) => r.labReportId) };
  return emails.map((address) => outboxRow(owner, "email", { kind: "Escalation", name: "", address }, message, transportFor("email")));
}
