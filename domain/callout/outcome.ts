// The outcome of a callout action (DESIGN §9): why an attempt did not reach anyone, or how a done
// callout reached them. CAP asks that unsuccessful attempts be documented; the measures count the
// read-back of a `reached` outcome. Pure: the server and the callout form both read it.

export const ATTEMPT_OUTCOMES = ["no_answer", "busy", "wrong_number", "left_message", "recipient_unavailable", "other"] as const;
export const DONE_OUTCOMES = ["reached", "message_sent"] as const;
export const OUTCOME_CODES = [...ATTEMPT_OUTCOMES, ...DONE_OUTCOMES] as const;

export type AttemptOutcomeCode = (typeof ATTEMPT_OUTCOMES)[number];
export type DoneOutcomeCode = (typeof DONE_OUTCOMES)[number];
export type OutcomeCode = (typeof OUTCOME_CODES)[number];

export const OUTCOME_LABEL: Record<OutcomeCode, string> = {
  no_answer: "No answer",
  busy: "Line busy",
  wrong_number: "Wrong number",
  left_message: "Left a message",
  recipient_unavailable: "Recipient unavailable",
  other: "Other",
  reached: "Reached",
  message_sent: "Message sent",
};

/** The outcome as a client sends it (validated shape; the combination rules are below). */
export interface OutcomeInput {
  code: OutcomeCode;
  person?: string;
  role?: string;
  read_back?: boolean;
  note?: string;
}

/** The outcome as stored: in the activity log's dumped_json and the callout rows. */
export interface Outcome {
  code: OutcomeCode;
  person: string | null;
  role: string | null;
  read_back: boolean | null;
  note: string | null;
}

export const isAttemptOutcome = (code: string): code is AttemptOutcomeCode => (ATTEMPT_OUTCOMES as readonly string[]).includes(code);
export const isDoneOutcome = (code: string): code is DoneOutcomeCode => (DONE_OUTCOMES as readonly string[]).includes(code);

/** What the outcome of an action must satisfy; each broken rule as the API says it. */
export function outcomeProblems(outcome: OutcomeInput | null | undefined, isDraft: boolean): string[] {
  if (!outcome) return [];
  const problems: string[] = [];
  if (isDraft && !isAttemptOutcome(outcome.code)) problems.push(`outcome "${outcome.code}" is not an attempt outcome (${ATTEMPT_OUTCOMES.join(", ")})`);
  if (!isDraft && !isDoneOutcome(outcome.code)) problems.push(`outcome "${outcome.code}" is not a done outcome (${DONE_OUTCOMES.join(", ")})`);
  if (outcome.code === "reached") {
    if (!outcome.person?.trim()) problems.push("outcome reached needs the person who took the result");
    if (typeof outcome.read_back !== "boolean") problems.push("outcome reached needs read_back true or false");
  } else if (outcome.read_back !== undefined) {
    // Read-back is what the measures count; it only means something when a person took the result.
    problems.push("outcome read_back applies only to reached");
  }
  return problems;
}

interface PhoneCall {
  name: string;
  read_back: boolean;
}

const orNull = (s: string | undefined) => (s?.trim() ? s.trim() : null);

/**
 * The outcome stored for an action. Clients of the seed's contract send none: a done callout then
 * reached the person of the phone call already made (with its read-back), else sent a message; an
 * attempt is `other`.
 */
export function resolveOutcome(outcome: OutcomeInput | null | undefined, isDraft: boolean, phoneCall: PhoneCall | null | undefined): Outcome {
  if (outcome) {
    return {
      code: outcome.code,
      person: orNull(outcome.person),
      role: orNull(outcome.role),
      read_back: outcome.code === "reached" ? (outcome.read_back ?? null) : null,
      note: orNull(outcome.note),
    };
  }
  if (isDraft) return { code: "other", person: null, role: null, read_back: null, note: null };
  if (phoneCall) return { code: "reached", person: orNull(phoneCall.name), role: null, read_back: phoneCall.read_back, note: null };
  return { code: "message_sent", person: null, role: null, read_back: null, note: null };
}

/** "No answer", "Reached Dr. Rao (read back)", "Message sent". */
export function describeOutcome(o: Pick<Outcome, "code" | "person" | "read_back">): string {
  if (o.code !== "reached") return OUTCOME_LABEL[o.code];
  const who = o.person ? ` ${o.person}` : "";
  const readBack = o.read_back === true ? " (read back)" : o.read_back === false ? " (no read-back)" : "";
  return `Reached${who}${readBack}`;
}
