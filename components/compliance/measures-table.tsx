// A table of the §11 measures, one row per group (the breakdown, the monthly trend): the text
// equivalent of the charts and the figures an inspector reads.
import { COMPLIANCE_MEASURE_COLUMNS, formatMeasure } from "@/domain/compliance/columns";

type Row = { key: string; label: string } & Record<(typeof COMPLIANCE_MEASURE_COLUMNS)[number]["key"], number | null>;

export function MeasuresTable({ caption, firstHeader, rows, total }: { caption: string; firstHeader: string; rows: Row[]; total?: Row }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a table wider than the screen scrolls; keyboard users must be able to reach and scroll it
    <section className="overflow-x-auto rounded-lg border border-slate-200 bg-white" tabIndex={0} aria-label={caption}>
      <table className="min-w-full text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50 text-left text-xs font-semibold text-slate-700">
          <tr>
            <th scope="col" className="px-3 py-2">
              {firstHeader}
            </th>
            {COMPLIANCE_MEASURE_COLUMNS.map((c) => (
              <th key={c.key} scope="col" className="px-3 py-2 text-right">
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row" className="whitespace-nowrap px-3 py-2 text-left font-medium text-ink">
                {r.label}
              </th>
              {COMPLIANCE_MEASURE_COLUMNS.map((c) => (
                <td key={c.key} className="whitespace-nowrap px-3 py-2 text-right tabular-nums">
                  {formatMeasure(r[c.key], c.unit === " min" ? "min" : c.unit)}
                </td>
              ))}
            </tr>
          ))}
          {rows.length === 0 ? (
            <tr>
              <td colSpan={COMPLIANCE_MEASURE_COLUMNS.length + 1} className="px-3 py-6 text-center text-slate-600">
                No critical reports in this range.
              </td>
            </tr>
          ) : null}
        </tbody>
        {total ? (
          <tfoot className="border-t-2 border-slate-200 bg-slate-50 font-semibold">
            <tr>
              <th scope="row" className="px-3 py-2 text-left">
                {total.label}
              </th>
              {COMPLIANCE_MEASURE_COLUMNS.map((c) => (
                <td key={c.key} className="whitespace-nowrap px-3 py-2 text-right tabular-nums">
                  {formatMeasure(total[c.key], c.unit === " min" ? "min" : c.unit)}
                </td>
              ))}
            </tr>
          </tfoot>
        ) : null}
      </table>
    </section>
  );
}
