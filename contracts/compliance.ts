// Compliance (DESIGN §11): the lab's critical-value reporting measured — Q-Tracks QT10 and Q-Probes
// measures plus the closed loop — overall and per group, for reports whose clock started in
// [from, to) in the lab's time zone.
import { z } from "zod";
import { idStringSchema } from "./ids";
import { dateString } from "./worklist";

export const COMPLIANCE_GROUPS = ["month", "week", "department", "test", "shift", "recipient"] as const;
export type ComplianceGroupBy = (typeof COMPLIANCE_GROUPS)[number];
/** The longest range one request may ask for (two years; the bench measures one). */
export const COMPLIANCE_MAX_DAYS = 731;

const emptyToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);
const days = (from: string, to: string) => (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;

export const complianceQuerySchema = z
  .object({
    /** First day counted (lab's time zone). */
    from: dateString,
    /** First day no longer counted (exclusive). */
    to: dateString,
    department_id: z.preprocess(emptyToUndefined, idStringSchema.optional()),
    group_by: z.preprocess(emptyToUndefined, z.enum(COMPLIANCE_GROUPS).optional()),
  })
  .refine((q) => q.from < q.to, { path: ["to"], message: "must be after from (to is exclusive)" })
  .refine((q) => days(q.from, q.to) <= COMPLIANCE_MAX_DAYS, { path: ["to"], message: `at most ${COMPLIANCE_MAX_DAYS} days after from` });
export type ComplianceQuery = z.infer<typeof complianceQuerySchema>;

const pct = z.number().min(0).max(100).nullable().describe("percent to one decimal; null when its denominator is 0");
const minutes = z.number().min(0).nullable().describe("minutes to one decimal; null when nothing was measured");

export const complianceMeasuresSchema = z.object({
  critical_reports: z.number().int(),
  notified: z.number().int(),
  notified_pct: pct,
  /** Notified within notify_target_minutes (at target is within); the percentage is of all. */
  within_target: z.number().int(),
  within_target_pct: pct,
  /** Of notified reports, from clock start to the first done callout; percentile_cont. */
  median_minutes: minutes,
  p90_minutes: minutes,
  /** Still open (1 or 4, not notified) and past the target now. */
  open_overdue: z.number().int(),
  /** Reached max_attempts unsuccessful attempts, or escalated for them. */
  unable_to_reach_pct: pct,
  /** Of `reached` outcomes, those read back. */
  read_back_pct: pct,
  /** Of notified reports, those acknowledged. */
  acknowledged_pct: pct,
  median_ack_minutes: minutes,
});
export type ComplianceMeasures = z.infer<typeof complianceMeasuresSchema>;

export const complianceGroupSchema = complianceMeasuresSchema.extend({ key: z.string(), label: z.string() });
export type ComplianceGroup = z.infer<typeof complianceGroupSchema>;

export const complianceResponseSchema = z.object({
  target_minutes: z.number().int(),
  measures: complianceMeasuresSchema,
  groups: z.array(complianceGroupSchema),
});
export type ComplianceResponse = z.infer<typeof complianceResponseSchema>;

/** A report out of target: notified after the target, or still open past it. */
export interface OutOfTargetReport {
  labReportId: number;
  billId: number;
  accessionNo: string;
  testName: string;
  departmentName: string;
  startedAt: string;
  notifiedAt: string | null;
  /** To notification, or so far for an open one; one decimal. */
  minutes: number;
  attempts: number;
}

/** Minutes to notification in bins of `width` minutes; the last bin holds everything from `overflowFrom`. */
export interface NotifyHistogram {
  width: number;
  overflowFrom: number;
  bins: { from: number; to: number | null; count: number }[];
}

/** Published anchors shown beside the lab's own figures. */
export const ANCHORS = {
  medianMinutes: { value: 5, source: "Q-Probes 2008 (121 labs): median 5 min from result to notification" },
  readBackPct: { value: 96, source: "Q-Probes 2008: 96% of calls read back" },
  abandonedPct: { value: 5, source: "Howanitz 2002: over 5% of calls abandoned" },
} as const;
