// A report's callout state on the bill page. The page's status column and its "N open critical
// reports" come from this one function, and both follow what the callout dialog can act on: the
// server marks each report that endpoint 1 lists (`inCallout`), and a pending or attempted report
// it leaves out says why instead of "Pending". No hooks: rendered by the server page and the
// client table alike.
import type { BillReportDto } from "@/contracts/bill";
import { CriticalValues, isOpenStatus } from "@/domain/critical/status";

export type ReportFacts = Pick<BillReportDto, "criticalValues" | "inCallout" | "dismissed" | "sampleCollected">;

export type CalloutState =
  | { kind: "status"; status: number; open: boolean }
  | { kind: "excluded"; label: "Dismissed" | "Not collected" | "No longer critical" };

export function calloutState(r: ReportFacts): CalloutState {
  if (isOpenStatus(r.criticalValues) && !r.inCallout) {
    // Endpoint 1's filters, in the order it applies them; a report that passes the first two was
    // left out by the critical-value rule.
    const label = r.dismissed ? "Dismissed" : !r.sampleCollected ? "Not collected" : "No longer critical";
    return { kind: "excluded", label };
  }
  return { kind: "status", status: r.criticalValues, open: isOpenStatus(r.criticalValues) };
}

/** The header's counts, from the same states the status column shows. */
export function calloutCounts(reports: readonly ReportFacts[]): { open: number; done: number } {
  const states = reports.map(calloutState);
  return {
    open: states.filter((s) => s.kind === "status" && s.open).length,
    done: states.filter((s) => s.kind === "status" && s.status === CriticalValues.CALLOUT_DONE).length,
  };
}
