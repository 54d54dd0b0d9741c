// The compliance page's range, department and grouping: a plain GET form (works before any script)
// and links for the usual ranges.
import Link from "next/link";
import type { DayRange } from "@/domain/compliance/range";
import { type ComplianceParams, complianceHref } from "./href";

export const GROUP_LABEL = { month: "Month", week: "Week", department: "Department", test: "Test", shift: "Shift", recipient: "Recipient" } as const;

const field = "mt-1 block rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";

export function ComplianceFilters({
  params,
  departments,
  presets,
}: {
  params: ComplianceParams;
  departments: { id: number; name: string }[];
  presets: Record<"lastMonth" | "thisMonth" | "last12Months", DayRange>;
}) {
  const presetLinks = [
    ["Last month", presets.lastMonth],
    ["This month", presets.thisMonth],
    ["Last 12 months", presets.last12Months],
  ] as const;
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4">
      <form method="get" action="/compliance" className="flex flex-wrap items-end gap-4">
        <label className="text-sm font-medium text-slate-700">
          From
          <input type="date" name="from" defaultValue={params.from} required className={field} />
        </label>
        <label className="text-sm font-medium text-slate-700">
          Up to (not included)
          <input type="date" name="to" defaultValue={params.to} required className={field} />
        </label>
        <label className="text-sm font-medium text-slate-700">
          Department
          <select name="department_id" defaultValue={params.department_id ?? ""} className={field}>
            <option value="">All departments</option>
            {departments.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm font-medium text-slate-700">
          Break down by
          <select name="group_by" defaultValue={params.group_by ?? "department"} className={field}>
            {Object.entries(GROUP_LABEL).map(([k, v]) => (
              <option key={k} value={k}>
                {v}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800">
          Show
        </button>
      </form>
      <nav aria-label="Usual ranges" className="mt-3 flex flex-wrap gap-3 text-sm">
        {presetLinks.map(([label, r]) => {
          const current = r.from === params.from && r.to === params.to;
          return (
            <Link
              key={label}
              href={complianceHref({ ...params, ...r })}
              aria-current={current ? "page" : undefined}
              className={current ? "rounded-full bg-brand-700 px-3 py-1 font-medium text-white" : "rounded-full border border-slate-300 px-3 py-1 text-slate-700 hover:border-brand-600"}
            >
              {label}
            </Link>
          );
        })}
      </nav>
    </div>
  );
}
