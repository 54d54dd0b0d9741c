"use client";
// How long a critical result has waited against the lab's target (DESIGN §9), counting while it is
// open: "42 min of 60 · 18 min left", "Overdue by 12 min", "Escalated". Every state is said in words
// beside its colour, and nothing moves (the text changes once a tick; no animation to reduce).
import { formatAge } from "@/domain/format";
import { elapsedMinutes, isOverdue } from "@/domain/critical/clock";
import { useNow } from "./use-now";

export interface WaitClockProps {
  startedAt: string | null;
  /** Set once called out: the clock is stopped there. */
  notifiedAt?: string | null;
  targetMinutes: number;
  escalationLevel?: number;
  /** The server's time of the render (the first client render shows the same). */
  initialNow: number;
  className?: string;
}

const badge = "inline-flex items-center rounded border px-1.5 py-0.5 text-xs font-semibold whitespace-nowrap";

export function WaitClock({ startedAt, notifiedAt = null, targetMinutes, escalationLevel = 0, initialNow, className = "" }: WaitClockProps) {
  const now = useNow(initialNow);
  if (!startedAt) {
    return (
      <span className="text-slate-500">
        <span aria-hidden="true">—</span>
        <span className="sr-only">No clock</span>
      </span>
    );
  }
  const end = notifiedAt ? new Date(notifiedAt) : new Date(now);
  const minutes = elapsedMinutes(new Date(startedAt), end);
  const overdue = isOverdue(minutes, targetMinutes);
  const left = targetMinutes - Math.floor(minutes);
  return (
    <span className={`inline-flex flex-wrap items-center gap-1.5 ${className}`} data-testid="wait-clock" data-overdue={overdue ? "true" : "false"}>
      <time dateTime={startedAt} className={`tabular-nums ${overdue ? "font-semibold text-red-800" : "text-slate-800"}`} title={`Waiting since ${startedAt.slice(0, 16).replace("T", " ")} UTC`}>
        {formatAge(minutes * 60_000)} of {targetMinutes} min
      </time>
      {notifiedAt ? (
        <span className={`${badge} border-emerald-300 bg-emerald-50 text-emerald-800`}>{overdue ? "Notified late" : "Notified in time"}</span>
      ) : overdue ? (
        <span className={`${badge} border-red-300 bg-red-50 text-red-800`}>Overdue by {formatAge(Math.max(60_000, (minutes - targetMinutes) * 60_000))}</span>
      ) : (
        <span className="text-xs text-slate-600">{formatAge(left * 60_000)} left</span>
      )}
      {escalationLevel > 0 && (
        <span className={`${badge} border-dashed border-purple-400 bg-purple-50 text-purple-900`}>
          {escalationLevel >= 2 ? "Escalated · target missed" : "Escalated"}
        </span>
      )}
    </span>
  );
}
