// Query keys of the critical-callout feature (bulletproof-react's features/*/api). Kept apart from
// api.ts, which carries zod, so the bill page's trigger can name keys without shipping zod.

/** Ids in a stable order, so the same set of reports is one cache entry whatever order it came in. */
const sortedIds = (ids: readonly number[]) => [...new Set(ids)].sort((a, b) => a - b);

export const criticalCalloutKeys = {
  all: ["critical-callout"] as const,
  records: (billId: number) => [...criticalCalloutKeys.all, "records", billId] as const,
  logs: (reportIds: readonly number[]) => [...criticalCalloutKeys.all, "logs", sortedIds(reportIds)] as const,
  settings: () => [...criticalCalloutKeys.all, "settings"] as const,
  /** The mutation key of endpoint 4 on a bill, so a reopened dialog can wait for a save still in flight. */
  save: (billId: number) => [...criticalCalloutKeys.all, "save", billId] as const,
};
