// Every report of the bill the session may see, critical or not, with its callout status.
import { StatusBadge } from "@/components/critical-callout/status-badge";
import type { BillReportDto } from "@/lib/contracts/bill";

export function BillReportsTable({ reports }: { reports: BillReportDto[] }) {
  return (
    <section aria-labelledby="bill-reports" className="mt-8">
      <h2 id="bill-reports" className="text-lg font-semibold">
        Reports <span className="text-base font-normal text-slate-500">({reports.length})</span>
      </h2>
      {reports.length === 0 ? (
        <p className="mt-3 rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center text-sm text-slate-600">
          None of this bill's reports are in your departments.
        </p>
      ) : (
        <div className="mt-3 overflow-hidden rounded-lg border border-slate-200 bg-white">
          <table aria-labelledby="bill-reports" className="w-full text-left text-sm">
            <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
              <tr>
                <th scope="col" className="px-4 py-2.5 font-semibold">Test</th>
                <th scope="col" className="px-4 py-2.5 font-semibold">Department</th>
                <th scope="col" className="px-4 py-2.5 font-semibold">Callout status</th>
                <th scope="col" className="px-4 py-2.5 font-semibold">Sample</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {reports.map((r) => (
                <tr key={r.labReportId} className={r.dismissed ? "text-slate-500" : undefined}>
                  <th scope="row" className="px-4 py-2.5 font-medium text-ink">
                    {r.testName}
                    {r.dismissed && <span className="ml-2 text-xs font-normal text-slate-500">(dismissed)</span>}
                  </th>
                  <td className="px-4 py-2.5 text-slate-700">{r.departmentName}</td>
                  <td className="px-4 py-2.5">
                    <StatusBadge status={r.criticalValues} />
                  </td>
                  <td className="px-4 py-2.5 text-slate-700">{r.sampleCollected ? "Collected" : "Not collected"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
