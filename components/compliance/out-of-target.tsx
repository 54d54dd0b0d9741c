// The reports out of target, slowest first, each linked to its bill: the five slowest as cards a
// supervisor acts on first, then the full list.
import Link from "next/link";
import type { OutOfTargetReport } from "@/contracts/compliance";
import { formatAge, utcTime } from "@/domain/format";

/** "185.0 min", or past two hours "17,756.6 min" with "12 d 7 h" beside it. */
const minutesText = (m: number) => m.toLocaleString("en-US", { minimumFractionDigits: 1, maximumFractionDigits: 1 });

const link = "font-medium text-brand-700 underline underline-offset-2 hover:text-brand-800";
const state = (r: OutOfTargetReport) => (r.notifiedAt ? "Notified late" : "Still open");

export function SlowestFive({ reports, targetMinutes }: { reports: OutOfTargetReport[]; targetMinutes: number }) {
  if (reports.length === 0) return <p className="text-slate-700">No report in this range was out of target.</p>;
  return (
    <ol className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5" aria-label="The five slowest callouts">
      {reports.slice(0, 5).map((r, i) => (
        <li key={r.labReportId} className="rounded-lg border-2 border-amber-400 bg-white p-3">
          <p className="text-xs font-semibold text-amber-800">
            #{i + 1} · {state(r)}
          </p>
          <p className="mt-1 text-2xl font-semibold tabular-nums text-ink">
            {r.minutes >= 120 ? formatAge(r.minutes * 60_000) : `${minutesText(r.minutes)} min`}
          </p>
          <p className="text-xs text-slate-600">
            {r.minutes >= 120 ? `${minutesText(r.minutes)} min, ` : ""}
            {minutesText(r.minutes - targetMinutes)} min over target
          </p>
          <p className="mt-2 text-sm text-ink">{r.testName}</p>
          <p className="text-xs text-slate-600">{r.departmentName}</p>
          <Link href={`/bills/${r.billId}`} className={`mt-2 inline-block text-sm ${link}`}>
            Bill {r.accessionNo}
          </Link>
        </li>
      ))}
    </ol>
  );
}

export function OutOfTargetTable({ reports, total }: { reports: OutOfTargetReport[]; total: number }) {
  if (reports.length === 0) return null;
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a table wider than the screen scrolls; keyboard users must be able to reach and scroll it
    <section className="overflow-x-auto rounded-lg border border-slate-200 bg-white" tabIndex={0} aria-label="Reports out of target">
      <table className="min-w-full text-sm">
        <caption className="px-3 py-2 text-left text-sm text-slate-600">
          {total > reports.length ? `The ${reports.length} slowest of ${total} reports out of target` : `${total} reports out of target`}, slowest first. Times in UTC.
        </caption>
        <thead className="bg-slate-50 text-left text-xs font-semibold text-slate-700">
          <tr>
            <th scope="col" className="px-3 py-2">Bill</th>
            <th scope="col" className="px-3 py-2">Test</th>
            <th scope="col" className="px-3 py-2">Department</th>
            <th scope="col" className="px-3 py-2">Clock started</th>
            <th scope="col" className="px-3 py-2">Notified</th>
            <th scope="col" className="px-3 py-2 text-right">Minutes</th>
            <th scope="col" className="px-3 py-2 text-right">Attempts</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {reports.map((r) => (
            <tr key={r.labReportId}>
              <td className="px-3 py-2">
                <Link href={`/bills/${r.billId}`} className={link}>
                  {r.accessionNo}
                </Link>
              </td>
              <td className="px-3 py-2">{r.testName}</td>
              <td className="px-3 py-2">{r.departmentName}</td>
              <td className="whitespace-nowrap px-3 py-2 tabular-nums">{utcTime(r.startedAt)}</td>
              <td className="whitespace-nowrap px-3 py-2 tabular-nums">{r.notifiedAt ? utcTime(r.notifiedAt) : "Still open"}</td>
              <td className="whitespace-nowrap px-3 py-2 text-right tabular-nums">{minutesText(r.minutes)}</td>
              <td className="px-3 py-2 text-right tabular-nums">{r.attempts}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
