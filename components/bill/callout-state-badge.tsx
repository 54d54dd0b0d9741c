// The bill page's status column: the report's callout status, or why the callout dialog leaves it out.
import { MinusCircleIcon } from "@/components/critical-callout/icons";
import { StatusBadge } from "@/components/critical-callout/status-badge";
import { calloutState, type ReportFacts } from "./callout-state";

export function CalloutStateBadge({ report }: { report: ReportFacts }) {
  const state = calloutState(report);
  if (state.kind === "status") return <StatusBadge status={state.status} />;
  return (
    <span className="inline-flex items-center gap-1 whitespace-nowrap rounded-full border border-slate-200 bg-slate-50 px-2 py-0.5 text-xs font-medium text-slate-600">
      <MinusCircleIcon className="h-3.5 w-3.5 shrink-0" />
      {state.label}
    </span>
  );
}
