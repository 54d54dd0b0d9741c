// Pending / Done, with counts under the current filters (and, for a doctor, To acknowledge, with the
// doctor's own words for the others). Links, not ARIA tabs: each is a URL.
import Link from "next/link";
import { type WorklistParams, worklistHref } from "@/client/worklist-url";

export function WorklistTabs({
  params,
  counts,
  toAcknowledge,
}: { params: WorklistParams; counts: { pending: number; done: number }; toAcknowledge?: number }) {
  const active = params.tab === "done" || params.tab === "ack" ? params.tab : "pending";
  const doctor = toAcknowledge !== undefined;
  const tabs = [
    { key: "pending", label: doctor ? "Waiting for callout" : "Pending", count: counts.pending },
    ...(doctor ? [{ key: "ack", label: "To acknowledge", count: toAcknowledge }] : []),
    { key: "done", label: doctor ? "Called out" : "Done", count: counts.done },
  ] as const;
  return (
    <nav aria-label="Worklist tabs" className="flex gap-1 border-b border-slate-200">
      {tabs.map((t) => {
        const current = t.key === active;
        return (
          <Link
            key={t.key}
            href={worklistHref(params, { tab: t.key })}
            aria-current={current ? "page" : undefined}
            className={`-mb-px inline-flex items-center gap-2 rounded-t-md border-b-2 px-4 py-2 text-sm font-medium ${
              current ? "border-brand-700 text-brand-800" : "border-transparent text-slate-600 hover:border-slate-300 hover:text-ink"
            }`}
          >
            {t.label}
            <span className={`rounded-full px-2 py-0.5 text-xs tabular-nums ${current ? "bg-brand-100 text-brand-800" : "bg-slate-100 text-slate-700"}`}>
              {t.count}
            </span>
          </Link>
        );
      })}
    </nav>
  );
}
