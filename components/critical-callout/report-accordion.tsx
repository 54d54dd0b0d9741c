"use client";

import { useId, useState } from "react";
import type { CriticalParameterDto, CriticalRecordsResponse } from "@/contracts/critical";
import { ChevronIcon } from "./icons";
import { ReportClock } from "./report-clock";
import { StatusBadge } from "./status-badge";

type CriticalReport = CriticalRecordsResponse["reports"][number];

const FLAG = {
  LL: { glyph: "▼", label: "Critically low" },
  HH: { glyph: "▲", label: "Critically high" },
  AA: { glyph: "⚠", label: "Critical result" },
} as const;

export function FlagBadge({ flag }: { flag: CriticalParameterDto["flag"] }) {
  const f = FLAG[flag];
  return (
    <span className="inline-flex items-center gap-1 whitespace-nowrap rounded border border-red-200 bg-red-50 px-1.5 py-0.5 text-xs font-medium text-red-800">
      <span aria-hidden="true">{f.glyph}</span>
      {f.label}
      <span className="sr-only"> ({flag})</span>
    </span>
  );
}

/**
 * A report's critical values. A five-column table where the form panel has room (container ≥ 32rem);
 * narrower, each row is a small card (name and flag, result, then both ranges labelled), so nothing is
 * cut off or squeezed mid-word. The explicit roles keep it a table for screen readers in both
 * layouts, since changing a table's CSS display can drop its semantics.
 */
function ParameterTable({ parameters, caption }: { parameters: CriticalParameterDto[]; caption: string }) {
  const cell = "block @lg:table-cell @lg:py-1.5 @lg:pr-3";
  const rangeLabel = "mr-1 text-xs text-slate-500 @lg:hidden";
  // biome-ignore-start lint/a11y/noRedundantRoles: the roles are the point, see above
  return (
    <table role="table" className="block w-full text-left text-sm @lg:table">
      <caption className="sr-only">{caption}</caption>
      <thead role="rowgroup" className="sr-only text-xs text-slate-500 @lg:not-sr-only @lg:table-header-group">
        <tr role="row">
          <th role="columnheader" scope="col" className="py-1 pr-3 font-medium">Parameter</th>
          <th role="columnheader" scope="col" className="py-1 pr-3 font-medium">Result</th>
          <th role="columnheader" scope="col" className="py-1 pr-3 font-medium">Flag</th>
          <th role="columnheader" scope="col" className="py-1 pr-3 font-medium">Reference range</th>
          <th role="columnheader" scope="col" className="py-1 font-medium">Critical range</th>
        </tr>
      </thead>
      <tbody role="rowgroup" className="block divide-y divide-slate-100 @lg:table-row-group">
        {parameters.map((p) => (
          <tr
            role="row"
            key={p.parameter_id}
            className="grid grid-cols-[minmax(0,1fr)_auto] items-center gap-x-3 gap-y-0.5 py-2 @lg:table-row @lg:py-0"
          >
            <th role="rowheader" scope="row" className={`${cell} font-normal break-words text-slate-700`}>{p.parameter_name}</th>
            <td role="cell" className={`${cell} col-start-1 font-semibold tabular-nums text-ink`}>
              {String(p.value)} {p.unit && <span className="font-normal text-slate-600">{p.unit}</span>}
            </td>
            <td role="cell" className={`${cell} col-start-2 row-start-1 justify-self-end`}>
              <FlagBadge flag={p.flag} />
            </td>
            <td role="cell" className={`${cell} col-span-2 whitespace-nowrap tabular-nums text-slate-600`}>
              <span aria-hidden="true" className={rangeLabel}>Reference</span>
              {p.reference_range || "—"}
            </td>
            <td role="cell" className={`${cell} col-span-2 whitespace-nowrap tabular-nums text-slate-600 @lg:pr-0`}>
              <span aria-hidden="true" className={rangeLabel}>Critical</span>
              {p.critical_range || "—"}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  // biome-ignore-end lint/a11y/noRedundantRoles: the roles are the point, see above
}

/** One critical report: a selection checkbox, its status, and a disclosure with its critical values. */
export function ReportAccordion({
  report,
  checked,
  onCheckedChange,
  expanded,
  onExpandedChange,
  disabled,
}: {
  report: CriticalReport;
  checked: boolean;
  onCheckedChange: (checked: boolean) => void;
  expanded: boolean;
  onExpandedChange: (expanded: boolean) => void;
  disabled?: boolean;
}) {
  const id = useId();
  const lr = report.lab_report;
  const name = lr.reportID.testName;
  const count = report.critical_parameters.length;
  // The dialog renders in the browser only (its chunk loads on demand): no server render to match.
  const [initialNow] = useState(Date.now);
  return (
    <li className={`rounded-lg border bg-white ${checked ? "border-brand-600/50 ring-1 ring-brand-600/20" : "border-slate-200"}`}>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2">
        <input
          id={`${id}-cb`}
          type="checkbox"
          checked={checked}
          disabled={disabled}
          onChange={(e) => onCheckedChange(e.target.checked)}
          aria-describedby={`${id}-meta`}
          className="h-4 w-4 shrink-0 accent-brand-700"
        />
        <label htmlFor={`${id}-cb`} className="font-medium text-ink">
          {name}
        </label>
        <span id={`${id}-meta`} className="flex items-center gap-2 text-sm text-slate-600">
          <span>{lr.reportID.departmentName}</span>
          <StatusBadge status={lr.criticalValues} />
        </span>
        {report.clock && <ReportClock clock={report.clock} initialNow={initialNow} />}
        <button
          type="button"
          aria-expanded={expanded}
          aria-controls={`${id}-panel`}
          onClick={() => onExpandedChange(!expanded)}
          className="ml-auto inline-flex items-center gap-1 rounded px-1.5 py-1 text-sm text-slate-600 hover:bg-slate-100 hover:text-ink"
        >
          {count} critical {count === 1 ? "value" : "values"}
          <span className="sr-only"> of {name}</span>
          <ChevronIcon className={`h-4 w-4 transition-transform ${expanded ? "rotate-180" : ""}`} />
        </button>
      </div>
      <div id={`${id}-panel`} hidden={!expanded} className="border-t border-slate-100 px-3 pb-2 pt-1">
        <ParameterTable parameters={report.critical_parameters} caption={`Critical values of ${name}`} />
      </div>
    </li>
  );
}
