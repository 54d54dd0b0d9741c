// When an open critical report is escalated (DESIGN §9). Level 1 once the escalation delay has passed
// on its clock, or once its unsuccessful attempts reach the lab's maximum; level 2 ("target missed")
// once it is overdue. Each level happens once per report; a report past both gets both at once.
import { clockStart, type ClockFacts, elapsedMinutes, isOverdue } from "./clock";
import { isOpenStatus } from "./status";

export type EscalationReason = "delay" | "attempts" | "target_missed";

export interface DueEscalation {
  level: 1 | 2;
  reason: EscalationReason;
  minutesWaited: number;
}

export interface EscalationPolicy {
  notify_target_minutes: number;
  escalation_after_minutes: number;
  max_attempts: number;
}

/** Open: status 1 or 4 and not yet notified (a done callout stops the clock, whatever the status says). */
export const isOpenCritical = (f: Pick<ClockFacts, "criticalValues" | "firstDoneAt">) => isOpenStatus(f.criticalValues) && f.firstDoneAt === null;

export function dueEscalations(f: ClockFacts, policy: EscalationPolicy, now: Date): DueEscalation[] {
  const start = clockStart(f);
  if (!isOpenCritical(f) || !start) return [];
  const minutesWaited = elapsedMinutes(start, now);
  const done = new Set(f.escalations.map((e) => e.level));
  const due: DueEscalation[] = [];
  if (!done.has(1)) {
    if (minutesWaited >= policy.escalation_after_minutes) due.push({ level: 1, reason: "delay", minutesWaited });
    else if (f.attempts >= policy.max_attempts) due.push({ level: 1, reason: "attempts", minutesWaited });
  }
  if (!done.has(2) && isOverdue(minutesWaited, policy.notify_target_minutes)) due.push({ level: 2, reason: "target_missed", minutesWaited });
  return due;
}

export const ESCALATION_REASON_TEXT: Record<EscalationReason, (p: EscalationPolicy) => string> = {
  delay: (p) => `not called out within ${p.escalation_after_minutes} min`,
  attempts: (p) => `${p.max_attempts} unsuccessful attempts`,
  target_missed: (p) => `target of ${p.notify_target_minutes} min missed`,
};

/** The activity log entry of one escalation level on one bill, by "System" (DESIGN §9). */
export interface EscalationActivityInput {
  billId: number;
  level: 1 | 2;
  reason: EscalationReason;
  policy: EscalationPolicy;
  reports: { labReportId: number; testName: string; minutesWaited: number; attempts: number }[];
  emails: readonly string[];
  version: number;
}

export function escalationActivityText(a: EscalationActivityInput): string {
  return [
    `Escalated by - System`,
    `Level - ${a.level} (${ESCALATION_REASON_TEXT[a.reason](a.policy)})`,
    `Callout for - ${a.reports.map((r) => r.testName).join(", ")}`,
    `Notified - ${a.emails.join(", ") || "nobody (no escalation emails configured)"}`,
  ].join(", ");
}

export function escalationActivityJson(a: EscalationActivityInput) {
  return {
    kind: "escalation",
    level: a.level,
    reason: a.reason,
    reason_text: ESCALATION_REASON_TEXT[a.reason](a.policy),
    bill_id: a.billId,
    lab_report_ids: a.reports.map((r) => r.labReportId),
    callout_for: a.reports.map((r) => r.testName),
    reports: a.reports.map((r) => ({ lab_report_id: r.labReportId, test_name: r.testName, minutes_waited: r.minutesWaited, attempts: r.attempts })),
    escalation_emails: [...a.emails],
    callout_done_by: "System",
    version: a.version,
  };
}
