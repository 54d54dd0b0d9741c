// A critical report's clock (DESIGN §9): how long the result has waited to be called out, against the
// lab's target. It starts at approval (sample collection when not approved) and stops at the first
// done callout. Pure, so the server computes it for endpoint 1 and the screens keep counting with the
// same arithmetic between refreshes.
import { CriticalValues } from "./status";

const MINUTE_MS = 60_000;

/** What the clock is computed from, as loaded for one report. */
export interface ClockFacts {
  criticalValues: number;
  approvedAt: Date | null;
  sampleCollectedAt: Date | null;
  /** The report's first done (non-draft) callout. */
  firstDoneAt: Date | null;
  /** Attempts recorded for it: activity log rows of attempted callouts that name it. */
  attempts: number;
  /** Its escalations, any order. */
  escalations: { level: number; at: Date }[];
  /** The first acknowledgement of receipt of the report (DESIGN §10), if any. */
  acknowledgedAt?: Date | null;
}

export interface ReportClock {
  started_at: string | null;
  notified_at: string | null;
  minutes: number | null;
  target_minutes: number;
  overdue: boolean | null;
  attempts: number;
  escalated_at: string | null;
  escalation_level: number;
  /** The first acknowledgement of receipt (DESIGN §10): by an emailed link or a doctor in the app. */
  acknowledged_at: string | null;
}

export const clockStart = (f: Pick<ClockFacts, "approvedAt" | "sampleCollectedAt">): Date | null => f.approvedAt ?? f.sampleCollectedAt;

/** Minutes from start to `end`, to one decimal, never negative (clocks of other tools may disagree). */
export function elapsedMinutes(start: Date, end: Date): number {
  return Math.max(0, Math.round((end.getTime() - start.getTime()) / MINUTE_MS * 10) / 10);
}

/** Above target (exactly at target is still in time). */
export const isOverdue = (minutes: number, targetMinutes: number) => minutes > targetMinutes;

/**
 * A report at "done" without a done callout row (legacy data) has no notification time: it is neither
 * notified nor open, so its clock is unknown rather than running.
 */
export function computeClock(f: ClockFacts, targetMinutes: number, now: Date): ReportClock {
  const start = clockStart(f);
  const legacyDone = f.firstDoneAt === null && f.criticalValues === CriticalValues.CALLOUT_DONE;
  const end = f.firstDoneAt ?? (legacyDone ? null : now);
  const minutes = start && end ? elapsedMinutes(start, end) : null;
  const first = [...f.escalations].sort((a, b) => a.at.getTime() - b.at.getTime())[0];
  return {
    started_at: start?.toISOString() ?? null,
    notified_at: f.firstDoneAt?.toISOString() ?? null,
    minutes,
    target_minutes: targetMinutes,
    overdue: minutes === null ? null : isOverdue(minutes, targetMinutes),
    attempts: f.attempts,
    escalated_at: first?.at.toISOString() ?? null,
    escalation_level: f.escalations.reduce((max, e) => Math.max(max, e.level), 0),
    acknowledged_at: f.acknowledgedAt?.toISOString() ?? null,
  };
}

/** A clock as the screens show it at `now`: a running one keeps counting from its start. */
export function liveMinutes(clock: Pick<ReportClock, "started_at" | "notified_at" | "minutes">, now: Date): number | null {
  if (clock.notified_at || !clock.started_at || clock.minutes === null) return clock.minutes;
  return elapsedMinutes(new Date(clock.started_at), now);
}
