// The measures of DESIGN §11 as columns: the breakdown table, the trend table and the Excel export
// show them in this order under these headers.
export const COMPLIANCE_MEASURE_COLUMNS = [
  { key: "critical_reports", header: "Critical reports", unit: "" },
  { key: "notified", header: "Notified", unit: "" },
  { key: "notified_pct", header: "Notified %", unit: "%" },
  { key: "within_target", header: "Within target", unit: "" },
  { key: "within_target_pct", header: "Within target %", unit: "%" },
  { key: "median_minutes", header: "Median min", unit: " min" },
  { key: "p90_minutes", header: "90th pct min", unit: " min" },
  { key: "open_overdue", header: "Open overdue", unit: "" },
  { key: "unable_to_reach_pct", header: "Unable to reach %", unit: "%" },
  { key: "read_back_pct", header: "Read back %", unit: "%" },
  { key: "acknowledged_pct", header: "Acknowledged %", unit: "%" },
  { key: "median_ack_minutes", header: "Median ack min", unit: " min" },
] as const;
export type ComplianceMeasureKey = (typeof COMPLIANCE_MEASURE_COLUMNS)[number]["key"];

/** A measure as text: "–" for nothing measured; unit "%" or " min" (suffixed), "min" (one decimal, no
 * suffix: the column header names it), "" (a count). */
export function formatMeasure(value: number | null | undefined, unit: string): string {
  if (value == null) return "–";
  if (unit === "%") return `${value.toFixed(1)}%`;
  if (unit === "min") return value.toFixed(1);
  return unit ? `${value.toFixed(1)}${unit}` : String(value);
}
