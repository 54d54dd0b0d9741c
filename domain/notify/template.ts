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
  /** The recipient's own acknowledgement link (DESIGN §10), or null for a message without one. */
  ackUrl?: string | null;
  /** Hours the link stays valid (ack_link_hours). */
  ackLinkHours?: number;
  /** The number recipients call back (lab_phone); "" when the lab set none. */
  labPhone?: string;
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

const ackValidity = (m: MessageModel) => `The link works once and expires after ${m.ackLinkHours ?? 72} hours.`;

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
  const callBack = `${m.labName}${m.labPhone?.trim() ? ` at ${m.labPhone.trim()}` : ""}`;
  if (m.ackUrl) {
    // The link alone on its line: mail clients make it clickable and never wrap it.
    lines.push("", "Please confirm that you received this result (one click, no sign-in):", m.ackUrl, ackValidity(m));
    lines.push("", `Questions: call ${callBack}.`, `— ${m.labName}`);
  } else {
    lines.push("", `Please confirm receipt by calling ${callBack}.`, `— ${m.labName}`);
  }
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
    m.ackUrl
      ? `<p style="margin-top:16px"><a href="${escapeHtml(m.ackUrl)}" style="display:inline-block;background:#0f5f73;color:#fff;padding:10px 16px;border-radius:6px;text-decoration:none;font-weight:600">Confirm receipt</a></p>` +
        `<p style="font-size:13px;color:#475569">Or open this link: <a href="${escapeHtml(m.ackUrl)}">${escapeHtml(m.ackUrl)}</a><br>${escapeHtml(ackValidity(m))}</p>` +
        `<p>Questions: call ${escapeHtml(callBack)}.<br>— ${escapeHtml(m.labName)}</p>`
      : `<p>Please confirm receipt by calling ${escapeHtml(callBack)}.<br>— ${escapeHtml(m.labName)}</p>`,
    `</div>`,
  ].join("");
  return { subject, text, html };
}
