// The critical-result message a done callout sends: plain text and HTML from one model.
// HIPAA mode (show_patient_name = 1) puts the accession number where the patient's name would be.
import type { CriticalParameter } from "@/domain/critical/evaluate";
import { utcTime } from "@/domain/format";

export interface MessageModel {
  labName: string;
  accessionNo: string;
  patientName: string;
  hipaaMode: boolean;
  recipientName: string;
  reports: { testName: string; departmentName: string; parameters: CriticalParameter[] }[];
  callerName: string;
  calledAt: Date;
  comment: string;
  shareComment: boolean;
  additionalInstruction: string;
}

const FLAG_TEXT = { LL: "critically low", HH: "critically high", AA: "critical result" } as const;

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

export function parameterLine(p: CriticalParameter): string {
  const value = `${p.value}${p.unit ? ` ${p.unit}` : ""}`;
  const ref = p.reference_range ? ` (reference ${p.reference_range}${p.unit ? ` ${p.unit}` : ""})` : "";
  return `${p.parameter_name}: ${value} — ${p.flag}, ${FLAG_TEXT[p.flag]}${ref}`;
}

export function renderCriticalMessage(m: MessageModel): { subject: string; text: string; html: string } {
  const who = m.hipaaMode ? `accession ${m.accessionNo}` : `${m.patientName} (accession ${m.accessionNo})`;
  const subject = `CRITICAL RESULT — ${m.hipaaMode ? `Accession ${m.accessionNo}` : m.patientName} — ${m.labName}`;
  const when = utcTime(m.calledAt);
  const lines = [
    `Dear ${m.recipientName},`,
    "",
    `${m.labName} reports critical laboratory results for ${who} that need your prompt attention.`,
    "",
    ...m.reports.flatMap((r) => [`${r.testName} (${r.departmentName})`, ...r.parameters.map((p) => `  • ${parameterLine(p)}`), ""]),
    `Called out by ${m.callerName} on ${when} UTC.`,
  ];
  if (m.shareComment && m.comment.trim()) lines.push("", `Comment: ${m.comment.trim()}`);
  if (m.additionalInstruction.trim()) lines.push("", m.additionalInstruction.trim());
  lines.push("", "Please confirm receipt by calling the laboratory.", `— ${m.labName}`);
  const text = lines.join("\n");

  const reportsHtml = m.reports
    .map(
      (r) =>
        `<h3 style="margin:16px 0 4px;font-size:15px">${escapeHtml(r.testName)} <span style="color:#64748b;font-weight:normal">(${escapeHtml(r.departmentName)})</span></h3>` +
        `<ul style="margin:0;padding-left:20px">${r.parameters.map((p) => `<li><strong>${escapeHtml(parameterLine(p))}</strong></li>`).join("")}</ul>`,
    )
    .join("");
  const html = [
    `<div style="font-family:system-ui,sans-serif;color:#0f1f2e;max-width:640px">`,
    `<p style="background:#fef2f2;border-left:4px solid #b91c1c;padding:8px 12px;margin:0 0 12px"><strong>Critical result</strong> — prompt attention required</p>`,
    `<p>Dear ${escapeHtml(m.recipientName)},</p>`,
    `<p>${escapeHtml(m.labName)} reports critical laboratory results for ${escapeHtml(who)}.</p>`,
    reportsHtml,
    `<p style="margin-top:16px">Called out by ${escapeHtml(m.callerName)} on ${escapeHtml(when)} UTC.</p>`,
    m.shareComment && m.comment.trim() ? `<p><strong>Comment:</strong> ${escapeHtml(m.comment.trim())}</p>` : "",
    m.additionalInstruction.trim() ? `<p>${escapeHtml(m.additionalInstruction.trim())}</p>` : "",
    `<p>Please confirm receipt by calling the laboratory.<br>— ${escapeHtml(m.labName)}</p>`,
    `</div>`,
  ].join("");
  return { subject, text, html };
}
