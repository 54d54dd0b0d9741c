// Report callout status: CriticalValuesEnum of the original system, stored in
// lab_reports.critical_values. The one source for the server, the seed and the browser.
export const CriticalValues = {
  NORMAL: 0,
  CALLOUT_PENDING: 1,
  CALLOUT_DONE: 2,
  ABNORMAL: 3,
  CALLOUT_ATTEMPTED: 4,
} as const;
export type CriticalValue = (typeof CriticalValues)[keyof typeof CriticalValues];

/** Reports that still need a callout: pending, or attempted without reaching anyone. */
export function isOpenStatus(v: number): boolean {
  return v === CriticalValues.CALLOUT_PENDING || v === CriticalValues.CALLOUT_ATTEMPTED;
}

export const STATUS_LABEL = {
  0: "Normal",
  1: "Pending",
  2: "Done",
  3: "Abnormal",
  4: "Attempted",
} as const satisfies Record<CriticalValue, string>;

export function statusLabel(v: number): string {
  return STATUS_LABEL[v as CriticalValue] ?? `Status ${v}`;
}
