"use client";
// A critical report's clock in its accordion header (DESIGN §9): its wait against the lab's target,
// counting while open, its attempts so far, and "Escalated" once the worker escalated it.
import type { ReportClockDto } from "@/contracts/critical";
import { WaitClock } from "@/components/ui/wait-clock";

export function ReportClock({ clock, initialNow }: { clock: ReportClockDto; initialNow: number }) {
  return (
    <span className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs">
      <WaitClock
        startedAt={clock.started_at}
        notifiedAt={clock.notified_at}
        targetMinutes={clock.target_minutes}
        escalationLevel={clock.escalation_level}
        initialNow={initialNow}
      />
      <span className="whitespace-nowrap text-slate-700" data-testid="attempt-count">
        {clock.attempts === 1 ? "1 attempt" : `${clock.attempts} attempts`}
      </span>
    </span>
  );
}
