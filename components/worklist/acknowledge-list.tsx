// A doctor's "To acknowledge" tab (DESIGN §10): bills whose done callouts reached them and wait for
// their confirmation of receipt, the longest-waiting first, each with its Acknowledge button.
import Link from "next/link";
import type { AckListRow } from "@/contracts/acknowledge";
import { AcknowledgeButton } from "@/components/acknowledge/acknowledge-button-lazy";
import { formatAge, plural, utcTime } from "@/domain/format";

export function AcknowledgeList({ rows, total, limit, now }: { rows: AckListRow[]; total: number; limit: number; now: number }) {
  if (rows.length === 0) {
    return (
      <div className="px-6 py-12 text-center">
        <p className="font-medium text-ink">Nothing to acknowledge.</p>
        <p className="mt-2 text-slate-600">Every critical result the lab called out to you has been acknowledged.</p>
      </div>
    );
  }
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-sm">
        <caption className="px-4 pt-3 pb-2 text-left text-sm text-slate-600">
          Critical results called out to you, waiting for your acknowledgement, longest-waiting first
          {total > rows.length ? ` (the ${limit} longest-waiting of ${total})` : ""}.
        </caption>
        <thead className="bg-slate-50 text-slate-700">
          <tr className="border-y border-slate-200">
            {["Patient", "Accession", "Critical reports", "Called out (UTC)", "Waiting", "Organization"].map((h) => (
              <th key={h} scope="col" className="px-3 py-2.5 text-left font-semibold whitespace-nowrap">
                {h}
              </th>
            ))}
            <th scope="col" className="px-3 py-2.5 text-right font-semibold">
              <span className="sr-only">Action</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.billId} className="border-t border-slate-100 align-top">
              <td className="min-w-40 px-3 py-2.5 font-medium text-ink">
                <Link href={`/bills/${r.billId}`} className="text-brand-700 underline underline-offset-2 hover:text-brand-800">
                  {r.patientName}
                </Link>
              </td>
              <td className="px-3 py-2.5 font-mono text-[13px] whitespace-nowrap">{r.accessionNo}</td>
              <td className="px-3 py-2.5">
                {plural(r.reportIds.length, "report")}: {r.testNames.join(", ")}
              </td>
              <td className="px-3 py-2.5 whitespace-nowrap tabular-nums">{utcTime(r.calledOutAt)}</td>
              <td className="px-3 py-2.5 whitespace-nowrap tabular-nums">{formatAge(now - new Date(r.calledOutAt).getTime())}</td>
              <td className="min-w-40 px-3 py-2.5 text-slate-700">{r.orgName ?? "—"}</td>
              <td className="px-3 py-2.5 text-right">
                <AcknowledgeButton billId={r.billId} reportIds={r.reportIds} label="Acknowledge" what={`${r.patientName}, ${r.testNames.join(", ")}`} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
