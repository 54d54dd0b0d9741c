"use client";
// The interactive parts of the bill's report table: "Sign all" with its count, the announced result
// of a signing, and each report's Sign button. The table around them renders on the server, so its
// markup costs the bill page no JavaScript.
import type { ReactNode } from "react";
import { type Outcome, OutcomeText, useBillSigning } from "./bill-signing";

export const BILL_REPORTS_COUNT_ID = "bill-reports-count";
export const BILL_REPORTS_NOTE_ID = "bill-reports-note";

const OUTCOME_STYLE: Record<Outcome["tone"], string> = {
  info: "border-slate-200 bg-white text-slate-700",
  success: "border-emerald-200 bg-emerald-50 text-emerald-900",
  warning: "border-amber-300 bg-amber-50 text-amber-950",
  error: "border-red-200 bg-red-50 text-red-900",
};

export interface SignableReport {
  labReportId: number;
  isSigned: boolean;
  dismissed: boolean;
}

export function SignAllControl({ reports }: { reports: SignableReport[] }) {
  const s = useBillSigning();
  // "Sign all" leaves dismissed reports alone (as the server does).
  const unsigned = reports.filter((r) => !r.isSigned && !s.signedNow.has(r.labReportId) && !r.dismissed).length;
  const busy = s.signingAll || s.signing.size > 0;
  return (
    <div className="flex items-center gap-3">
      <span id={BILL_REPORTS_COUNT_ID} className="text-sm text-slate-600">
        {unsigned === 0 ? "All reports are signed" : `${unsigned} unsigned`}
      </span>
      <button
        type="button"
        aria-disabled={unsigned === 0 || busy}
        aria-describedby={`${BILL_REPORTS_COUNT_ID} ${BILL_REPORTS_NOTE_ID}`}
        onPointerEnter={() => s.prefetch(false)}
        onFocus={() => s.prefetch(false)}
        onClick={() => {
          if (unsigned > 0 && !busy) s.signAll();
        }}
        className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-semibold text-ink shadow-sm hover:bg-slate-50 aria-disabled:cursor-not-allowed aria-disabled:opacity-50"
      >
        {s.signingAll ? "Signing all…" : "Sign all"}
      </button>
    </div>
  );
}

/** Always in the page, so each new result is announced; focused when a signed report's button goes. */
export function SigningOutcome() {
  const s = useBillSigning();
  const error = s.outcome?.tone === "error" ? s.outcome : null;
  const status = s.outcome && s.outcome.tone !== "error" ? s.outcome : null;
  return (
    <>
      <div ref={s.outcomeRef} tabIndex={-1} role="status" aria-live="polite" className="mt-3 rounded-md empty:mt-0">
        {status && (
          <div className={`rounded-md border px-3 py-2 text-sm ${OUTCOME_STYLE[status.tone]}`}>
            <OutcomeText outcome={status} />
          </div>
        )}
      </div>
      <div role="alert" className="mt-3 empty:mt-0">
        {error && (
          <div className={`rounded-md border px-3 py-2 text-sm ${OUTCOME_STYLE.error}`}>
            <OutcomeText outcome={error} />
          </div>
        )}
      </div>
    </>
  );
}

/** A report's sign-off cell: the Signed badge (rendered on the server, passed in), or its Sign button. */
export function SignOffCell({
  report,
  testName,
  mayNeedCallout,
  signedBadge,
}: { report: SignableReport; testName: string; mayNeedCallout: boolean; signedBadge: ReactNode }) {
  const s = useBillSigning();
  if (report.isSigned || s.signedNow.has(report.labReportId)) return signedBadge;
  const signing = s.signing.has(report.labReportId);
  return (
    <button
      ref={(el) => s.registerSignButton(report.labReportId, el)}
      type="button"
      aria-disabled={signing || s.signingAll}
      onPointerEnter={() => s.prefetch(mayNeedCallout)}
      onFocus={() => s.prefetch(mayNeedCallout)}
      onClick={() => {
        if (!signing && !s.signingAll) s.sign({ labReportId: report.labReportId, testName });
      }}
      className="rounded-md border border-brand-700 bg-white px-3 py-1 text-sm font-medium text-brand-800 hover:bg-brand-50 aria-disabled:cursor-not-allowed aria-disabled:opacity-60"
    >
      {signing ? "Signing…" : "Sign"}
      <span className="sr-only"> {testName}</span>
    </button>
  );
}
