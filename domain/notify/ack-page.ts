// The public acknowledgement page (DESIGN §10) as plain HTML: no login, no JavaScript, readable on a
// phone. It shows only what the message showed: the patient's name only when the message did.
import type { CriticalParameter } from "@/domain/critical/evaluate";
import { formatUtc } from "@/domain/format";
import { escapeHtml, parameterLine } from "./template";

export interface AckView {
  accessionNo: string;
  /** null in HIPAA mode (show_patient_name = 1), as in the message. */
  patientName: string | null;
  recipientName: string;
  prefillName: string;
  callerName: string;
  calledAt: string;
  expiresAt: string;
  reports: { testName: string; departmentName: string; parameters: CriticalParameter[] }[];
}

interface Lab {
  labName: string;
  labPhone: string;
}

export type AckLinkState =
  | { state: "unknown" }
  | ({ state: "expired" } & Lab)
  | ({ state: "acknowledged"; at: string; by: string } & Lab)
  | ({ state: "open"; view: AckView } & Lab);

export type AckPage = AckLinkState | ({ state: "recorded"; at: string; by: string } & Lab) | { state: "throttled" };

const STYLE = `
*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#0f1f2e;background:#f1f5f9}
main{max-width:40rem;margin:0 auto;padding:1rem}.card{background:#fff;border:1px solid #cbd5e1;border-radius:.5rem;padding:1rem 1.25rem;margin:1rem 0}
h1{font-size:1.4rem;line-height:1.3;margin:.5rem 0}h2{font-size:1.05rem;margin:1rem 0 .25rem}ul{margin:.25rem 0;padding-left:1.25rem}
.banner{background:#fef2f2;border-left:4px solid #b91c1c;padding:.5rem .75rem;font-weight:600;color:#7f1d1d}
.muted{color:#475569}.ok{border-left:4px solid #15803d}.warn{border-left:4px solid #b45309}
label{display:block;font-weight:600;margin-top:.75rem}input[type=text]{width:100%;font:inherit;padding:.6rem .7rem;border:1px solid #64748b;border-radius:.375rem;margin-top:.25rem}
input[aria-invalid=true]{border-color:#b91c1c}.error{color:#b91c1c;font-weight:600;margin:.25rem 0 0}
button{margin-top:1rem;width:100%;font:inherit;font-weight:600;color:#fff;background:#0f5f73;border:0;border-radius:.375rem;padding:.75rem 1rem;cursor:pointer}
button:focus-visible,input:focus-visible,a:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}a{color:#0f5f73}`;

function shell(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex, nofollow"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body><main>${body}</main></body></html>`;
}

function callBack(lab: Lab): string {
  const phone = lab.labPhone.trim();
  if (!phone) return `<p class="muted">Questions about this result: call ${escapeHtml(lab.labName)}.</p>`;
  return `<p>Questions about this result: call ${escapeHtml(lab.labName)} at <a href="tel:${escapeHtml(phone.replace(/[^\d+]/g, ""))}">${escapeHtml(phone)}</a>.</p>`;
}

function reportsHtml(view: AckView): string {
  return view.reports
    .map(
      (r) =>
        `<h2>${escapeHtml(r.testName)} <span class="muted">(${escapeHtml(r.departmentName)})</span></h2><ul>${r.parameters.map((p) => `<li>${escapeHtml(parameterLine(p))}</li>`).join("")}</ul>`,
    )
    .join("");
}

function openPage(s: Extract<AckLinkState, { state: "open" }>, action: string, error: string | null, typed: string | null): string {
  const v = s.view;
  const who = v.patientName ? `${v.patientName} (accession ${v.accessionNo})` : `accession ${v.accessionNo}`;
  const value = typed ?? v.prefillName;
  const invalid = error ? ` aria-invalid="true" aria-describedby="name-error"` : "";
  return shell(
    `Confirm receipt — ${s.labName}`,
    `<p class="banner">Critical result — prompt attention required</p>
<h1>Confirm that you received this critical result</h1>
<div class="card"><p>${escapeHtml(s.labName)} called out critical laboratory results for <strong>${escapeHtml(who)}</strong>${v.recipientName ? ` to ${escapeHtml(v.recipientName)}` : ""}.</p>
${reportsHtml(v)}
<p class="muted">Called out by ${escapeHtml(v.callerName || s.labName)} on ${escapeHtml(formatUtc(v.calledAt))}.</p></div>
<form class="card" method="post" action="${escapeHtml(action)}" novalidate>
<label for="name">Your name</label>
<input type="text" id="name" name="name" autocomplete="name" maxlength="120" required value="${escapeHtml(value)}"${invalid}>
${error ? `<p class="error" id="name-error" role="alert">${escapeHtml(error)}</p>` : ""}
<button type="submit">Acknowledge receipt</button>
<p class="muted">Your name, the time, your network address and browser are recorded with the laboratory's callout record. This link works once and expires ${escapeHtml(formatUtc(v.expiresAt))}.</p>
</form>
${callBack(s)}`,
  );
}

/** The page and its status for a state: open 200 (400 with the form's error), recorded 201, already
 * acknowledged 200 on a visit and 409 on a POST, expired 410, unknown 404, throttled 429. */
export function renderAckPage(page: AckPage, opts: { action: string; method: "GET" | "POST"; error?: string | null; typed?: string | null }): { status: number; html: string } {
  switch (page.state) {
    case "open":
      return { status: opts.error ? 400 : 200, html: openPage(page, opts.action, opts.error ?? null, opts.typed ?? null) };
    case "recorded":
      return {
        status: 201,
        html: shell(
          `Receipt acknowledged — ${page.labName}`,
          `<h1>Thank you — receipt acknowledged</h1><div class="card ok"><p role="status">Recorded at ${escapeHtml(formatUtc(page.at))} as ${escapeHtml(page.by)}. ${escapeHtml(page.labName)} sees it in its callout record now.</p></div>${callBack(page)}`,
        ),
      };
    case "acknowledged":
      return {
        status: opts.method === "POST" ? 409 : 200,
        html: shell(
          `Already acknowledged — ${page.labName}`,
          `<h1>Already acknowledged</h1><div class="card ok"><p>This result was already acknowledged at ${escapeHtml(formatUtc(page.at))} by ${escapeHtml(page.by)}. Nothing more is needed.</p></div>${callBack(page)}`,
        ),
      };
    case "expired":
      return {
        status: 410,
        html: shell(
          `Link expired — ${page.labName}`,
          `<h1>This acknowledgement link has expired</h1><div class="card warn"><p>For your patients' privacy the link no longer shows the result. Please call the laboratory to confirm receipt.</p></div>${callBack(page)}`,
        ),
      };
    case "throttled":
      return {
        status: 429,
        html: shell("Too many attempts", `<h1>Too many attempts</h1><div class="card warn"><p>This address tried too many links that do not exist. Wait a few minutes, then open the link from your message again.</p></div>`),
      };
    default:
      return {
        status: 404,
        html: shell(
          "Link not found",
          `<h1>This acknowledgement link was not found</h1><div class="card warn"><p>Check that the whole link from your message was opened (some mail programs break long links), or call the laboratory that sent it.</p></div>`,
        ),
      };
  }
}
