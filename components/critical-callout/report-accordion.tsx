"use client";

import { useId } from "react";
import type { CriticalParameterDto, CriticalRecordsResponse } from "@/contracts/critical";
import { ChevronIcon } from "./icons";
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

function ParameterTable({ parameters, caption }: { parameters: CriticalParameterDto[]; caption: string }) {
  return (
    <table className="w-full text-left text-sm">
      <caption className="sr-only">{caption}</caption>
      <thead className="text-xs text-slate-500">
        <tr>
          <th scope="col" className="py-1 pr-3 font-medium">Parameter</th>
          <th scope="col" className="py-1 pr-3 font-medium">Result</th>
          <th scope="col" className="py-1 pr-3 font-medium">Flag</th>
          <th scope="col" className="py-1 pr-3 font-medium">Reference range</th>
          <th scope="col" className="py-1 font-medium">Critical range</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {parameters.map((p) => (
          <tr key={p.parameter_id}>
            <th scope="row" className="py-1.5 pr-3 font-normal text-slate-700">{p.parameter_name}</th>
            <td className="py-1.5 pr-3 font-semibold tabular-nums text-ink">
              {String(p.value)} {p.unit && <span className="font-normal text-slate-600">{p.unit}</span>}
            </td>
            <td className="py-1.5 pr-3">
              <FlagBadge flag={p.flag} />
            </td>
            <td className="py-1.5 pr-3 tabular-nums text-slate-600">{p.reference_range || "—"}</td>
            <td className="py-1.5 tabular-nums text-slate-600">{p.critical_range || "—"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
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
