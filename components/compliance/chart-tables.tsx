// The charts' numbers as tables (their text equivalents), shown beside each chart.
import { formatMeasure } from "@/domain/compliance/columns";

const cell = "px-3 py-1.5";

export function HistogramTable({ bins }: { bins: { from: number; to: number | null; count: number }[] }) {
  return (
    <details className="mt-3 text-sm">
      <summary className="cursor-pointer font-medium text-brand-700">Histogram as a table</summary>
      <table className="mt-2 min-w-full">
        <caption className="sr-only">Reports notified, by minutes from result to notification</caption>
        <thead className="bg-slate-50 text-left text-xs font-semibold text-slate-700">
          <tr>
            <th scope="col" className={cell}>Minutes</th>
            <th scope="col" className={`${cell} text-right`}>Reports notified</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {bins.map((b) => (
            <tr key={b.from}>
              <th scope="row" className={`${cell} text-left font-normal`}>{b.to === null ? `${b.from} or more` : `${b.from} to under ${b.to}`}</th>
              <td className={`${cell} text-right tabular-nums`}>{b.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

export function TrendTable({ points }: { points: { key: string; label: string; critical_reports: number; within_target_pct: number | null; median_minutes: number | null }[] }) {
  return (
    <details className="mt-3 text-sm">
      <summary className="cursor-pointer font-medium text-brand-700">Trend as a table</summary>
      <table className="mt-2 min-w-full">
        <caption className="sr-only">Critical reports, share within target and median minutes per month</caption>
        <thead className="bg-slate-50 text-left text-xs font-semibold text-slate-700">
          <tr>
            <th scope="col" className={cell}>Month</th>
            <th scope="col" className={`${cell} text-right`}>Critical reports</th>
            <th scope="col" className={`${cell} text-right`}>Within target</th>
            <th scope="col" className={`${cell} text-right`}>Median</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {points.map((p) => (
            <tr key={p.key}>
              <th scope="row" className={`${cell} text-left font-normal`}>{p.label}</th>
              <td className={`${cell} text-right tabular-nums`}>{p.critical_reports}</td>
              <td className={`${cell} text-right tabular-nums`}>{formatMeasure(p.within_target_pct, "%")}</td>
              <td className={`${cell} text-right tabular-nums`}>{formatMeasure(p.median_minutes, " min")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
