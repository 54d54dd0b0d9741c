// Every report of the bill the session may see, critical or not, with its callout status and its
// sign-off: a Sign button per unsigned report, "Sign all" for the bill, and the result announced.
// Rendered on the server; only the controls in bill-signing-controls.tsx run in the browser.
import { InfoIcon, SignatureIcon } from "@/components/critical-callout/icons";
import type { BillReportDto } from "@/contracts/bill";
import { BILL_REPORTS_NOTE_ID, SignAllControl, SignOffCell, SigningOutcome } from "./bill-signing-controls";
import { calloutState } from "./callout-state";
import { CalloutStateBadge } from "./callout-state-badge";

function SignedBadge() {
  return (
    <span className="inline-flex items-center gap-1 whitespace-nowrap rounded-full border border-emerald-200 bg-emerald-50 px-2 py-0.5 text-xs font-medium text-emerald-800">
      <SignatureIcon className="h-3.5 w-3.5 shrink-0" />
      Signed
    </span>
  );
}

const signable = (r: BillReportDto) => ({ labReportId: r.labReportId, isSigned: r.isSigned, dismissed: r.dismissed });

export function BillReportsTable({ reports, alwaysNotify }: { reports: BillReportDto[]; alwaysNotify: boolean }) {
  return (
    <section aria-labelledby="bill-reports" className="mt-8">
      <div className="flex flex-wrap items-end justify-between gap-x-6 gap-y-3">
        <h2 id="bill-reports" className="text-lg font-semibold">
          Reports <span className="text-base font-normal text-slate-500">({reports.length})</span>
        </h2>
        {reports.length > 0 && <SignAllControl reports={reports.map(signable)} />}
      </div>
      {reports.length > 0 && (
        <p id={BILL_REPORTS_NOTE_ID} className="mt-2 flex items-start gap-1.5 text-sm text-slate-600">
          <InfoIcon className="mt-0.5 h-4 w-4 shrink-0" />
          <span>
            {alwaysNotify && "This lab requires a done callout before a report with open critical values is signed. "}
            “Sign all” and auto-approval do not require a callout first, as in the original system.
          </span>
        </p>
      )}

      <SigningOutcome />

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
                      <SignOffCell report={signable(r)} testName={r.testName} mayNeedCallout={mayNeedCallout} signedBadge={<SignedBadge />} />
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
