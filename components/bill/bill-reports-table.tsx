"use client";
// Every report of the bill the session may see, critical or not, with its callout status and its
// sign-off: a Sign button per unsigned report, "Sign all" for the bill, and the result announced.
import { useId } from "react";
import { InfoIcon, SignatureIcon } from "@/components/critical-callout/icons";
import type { BillReportDto } from "@/contracts/bill";
import { type Outcome, OutcomeText, useBillSigning } from "./bill-signing";
import { calloutState } from "./callout-state";
import { CalloutStateBadge } from "./callout-state-badge";

const OUTCOME_STYLE: Record<Outcome["tone"], string> = {
  info: "border-slate-200 bg-white text-slate-700",
  success: "border-emerald-200 bg-emerald-50 text-emerald-900",
  warning: "border-amber-300 bg-amber-50 text-amber-950",
  error: "border-red-200 bg-red-50 text-red-900",
};

function SignedBadge() {
  return (
    <span className="inline-flex items-center gap-1 whitespace-nowrap rounded-full border border-emerald-200 bg-emerald-50 px-2 py-0.5 text-xs font-medium text-emerald-800">
      <SignatureIcon className="h-3.5 w-3.5 shrink-0" />
      Signed
    </span>
  );
}

export function BillReportsTable({ reports, alwaysNotify }: { reports: BillReportDto[]; alwaysNotify: boolean }) {
  const id = useId();
  const s = useBillSigning();
  const isSigned = (r: BillReportDto) => r.isSigned || s.signedNow.has(r.labReportId);
  // "Sign all" leaves dismissed reports alone (as the server does).
  const unsigned = reports.filter((r) => !isSigned(r) && !r.dismissed).length;
  const busy = s.signingAll || s.signing.size > 0;
  const error = s.outcome?.tone === "error" ? s.outcome : null;
  const status = s.outcome && s.outcome.tone !== "error" ? s.outcome : null;

  return (
    <section aria-labelledby="bill-reports" className="mt-8">
      <div className="flex flex-wrap items-end justify-between gap-x-6 gap-y-3">
        <h2 id="bill-reports" className="text-lg font-semibold">
          Reports <span className="text-base font-normal text-slate-500">({reports.length})</span>
        </h2>
        {reports.length > 0 && (
          <div className="flex items-center gap-3">
            <span id={`${id}-count`} className="text-sm text-slate-600">
              {unsigned === 0 ? "All reports are signed" : `${unsigned} unsigned`}
            </span>
            <button
              type="button"
              aria-disabled={unsigned === 0 || busy}
              aria-describedby={`${id}-count ${id}-note`}
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
        )}
      </div>
      {reports.length > 0 && (
        <p id={`${id}-note`} className="mt-2 flex items-start gap-1.5 text-sm text-slate-600">
          <InfoIcon className="mt-0.5 h-4 w-4 shrink-0" />
          <span>
            {alwaysNotify && "This lab requires a done callout before a report with open critical values is signed. "}
            “Sign all” and auto-approval do not require a callout first, as in the original system.
          </span>
        </p>
      )}

      {/* Always in the page, so each new result is announced; focused when a signed report's button goes. */}
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

      {reports.length === 0 ? (
        <p className="mt-3 rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center text-sm text-slate-600">
          None of this bill's reports are in your departments.
        </p>
      ) : (
        // Scrolls sideways by itself on a phone, rather than widening the page; `relative` keeps the
        // sr-only text of its buttons inside it too.
        <div className="relative mt-3 overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table aria-labelledby="bill-reports" className="w-full text-left text-sm">
            <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
              <tr>
                <th scope="col" className="px-4 py-2.5 font-semibold">Test</th>
                <th scope="col" className="px-4 py-2.5 font-semibold">Department</th>
                <th scope="col" className="px-4 py-2.5 font-semibold">Callout status</th>
                <th scope="col" className="px-4 py-2.5 font-semibold">Sample</th>
                <th scope="col" className="px-4 py-2.5 font-semibold">Sign-off</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {reports.map((r) => {
                const signing = s.signing.has(r.labReportId);
                const state = calloutState(r);
                // Only a report the dialog can act on may need a callout before it is signed.
                const mayNeedCallout = alwaysNotify && state.kind === "status" && state.open;
                return (
                  <tr key={r.labReportId} className={r.dismissed ? "text-slate-500" : undefined}>
                    <th scope="row" className="px-4 py-2.5 font-medium text-ink">
                      {r.testName}
                      {r.dismissed && <span className="ml-2 text-xs font-normal text-slate-500">(dismissed)</span>}
                    </th>
                    <td className="px-4 py-2.5 text-slate-700">{r.departmentName}</td>
                    <td className="px-4 py-2.5">
                      <CalloutStateBadge report={r} />
                    </td>
                    <td className="px-4 py-2.5 text-slate-700">{r.sampleCollected ? "Collected" : "Not collected"}</td>
                    <td className="px-4 py-1.5">
                      {isSigned(r) ? (
                        <SignedBadge />
                      ) : (
                        <button
                          ref={(el) => s.registerSignButton(r.labReportId, el)}
                          type="button"
                          aria-disabled={signing || s.signingAll}
                          onPointerEnter={() => s.prefetch(mayNeedCallout)}
                          onFocus={() => s.prefetch(mayNeedCallout)}
                          onClick={() => {
                            if (!signing && !s.signingAll) s.sign({ labReportId: r.labReportId, testName: r.testName });
                          }}
                          className="rounded-md border border-brand-700 bg-white px-3 py-1 text-sm font-medium text-brand-800 hover:bg-brand-50 aria-disabled:cursor-not-allowed aria-disabled:opacity-60"
                        >
                          {signing ? "Signing…" : "Sign"}
                          <span className="sr-only"> {r.testName}</span>
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
