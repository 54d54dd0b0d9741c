// The report callout status (CriticalValuesEnum) for client code. db/schema.ts holds the one source
// of truth, but importing its values would ship drizzle to the browser; `satisfies` ties this copy
// to it at compile time, so the two cannot drift.
import type { CriticalValue, CriticalValues as SchemaCriticalValues } from "@/db/schema";

export const CriticalStatus = {
  NORMAL: 0,
  CALLOUT_PENDING: 1,
  CALLOUT_DONE: 2,
  ABNORMAL: 3,
  CALLOUT_ATTEMPTED: 4,
} as const satisfies typeof SchemaCriticalValues;

export type { CriticalValue };

/** Reports that still need a callout: pending, or attempted without reaching anyone. */
export function isOpenStatus(v: number): boolean {
  return v === CriticalStatus.CALLOUT_PENDING || v === CriticalStatus.CALLOUT_ATTEMPTED;
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
