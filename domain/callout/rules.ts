// What a callout action must carry before it can be saved. The server enforces these rules (a 400
// naming the field) and the callout form shows them as reasons its buttons are disabled; both read
// them from here so the two cannot disagree.
import type { CommunicationMethod, Recipient } from "./activity";
import { type OutcomeInput, outcomeProblems } from "./outcome";

/** The parts of an endpoint-4 body the rules read (the request body satisfies it). */
export interface CalloutAction {
  is_draft: boolean;
  recipients: readonly Recipient[];
  critical_callout_comment?: string;
  critical_callout_meta: {
    communication_methods: readonly CommunicationMethod[];
    notify_to_others?: { name: string } | null;
    already_notified?: { phone_call?: object | null; fax?: object | null } | null;
    outcome?: OutcomeInput | null;
  };
}

/** The notify settings the rules depend on (notify configuration, DESIGN §3). */
export interface CalloutRuleSettings {
  mandatory_comments: number;
  is_email: number;
}

export interface CalloutRuleViolation {
  /** The request field the problem is in. */
  field: "critical_callout_comment" | "critical_callout_meta" | "recipients";
  /** What is wrong, as the API says it (after `field: `). */
  problem: string;
  /** What the user can do about it, as the form says it. */
  hint: string;
  /** `done` rules bind only "Mark as done"; `both` rules bind drafts too. */
  appliesTo: "both" | "done";
}

const rule = (field: CalloutRuleViolation["field"], appliesTo: CalloutRuleViolation["appliesTo"], problem: string, hint: string) => ({
  field,
  appliesTo,
  problem,
  hint,
});
const COMMENT_REQUIRED = rule(
  "critical_callout_comment",
  "both",
  "a comment is required by the lab's notify configuration",
  "A comment is required by the lab's notify configuration.",
);
const EMAIL_OFF = rule(
  "critical_callout_meta",
  "both",
  "email is turned off in the lab's notify configuration",
  "Email is turned off in the lab's notify configuration.",
);
const NEEDS_CHANNEL = rule(
  "critical_callout_meta",
  "done",
  "a done callout needs a communication method or a record of who was already notified",
  "Choose a channel, or record the phone call or fax already made.",
);
const NEEDS_RECIPIENT = rule("recipients", "done", "a done callout needs at least one recipient", "Choose at least one recipient.");

/** A contact already made (phone call or fax) counts as having reached someone. */
export function alreadyReached(action: CalloutAction): boolean {
  const notified = action.critical_callout_meta.already_notified;
  return !!(notified?.phone_call || notified?.fax);
}

/**
 * Every rule the action breaks, in the order the API reports them. `done` rules are checked as if
 * the action were done when `asDone` is set (the form asks "could this be marked as done?").
 */
export function calloutRuleViolations(
  action: CalloutAction,
  settings: CalloutRuleSettings | undefined,
  asDone = !action.is_draft,
): CalloutRuleViolation[] {
  const meta = action.critical_callout_meta;
  const reached = alreadyReached(action);
  const violations: CalloutRuleViolation[] = [];
  if (settings?.mandatory_comments === 1 && !action.critical_callout_comment?.trim()) violations.push(COMMENT_REQUIRED);
  if (settings?.is_email === 0 && meta.communication_methods.includes("email")) violations.push(EMAIL_OFF);
  if (asDone && meta.communication_methods.length === 0 && !reached) violations.push(NEEDS_CHANNEL);
  if (asDone && action.recipients.length === 0 && !meta.notify_to_others?.name.trim() && !reached) violations.push(NEEDS_RECIPIENT);
  // The outcome is judged against the action it is sent with (the form sends each button its own).
  for (const problem of outcomeProblems(meta.outcome, action.is_draft)) {
    violations.push(rule("critical_callout_meta", action.is_draft ? "both" : "done", problem, `${problem[0].toUpperCase()}${problem.slice(1)}.`));
  }
  return violations;
}
