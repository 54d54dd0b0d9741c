// What a timeline entry says about outcomes and escalations (DESIGN §9), read from a log row's
// dumped_json. Rows of older tools carry neither; a field that does not parse is left out.
import { z } from "zod";
import { describeOutcome, OUTCOME_CODES } from "@/domain/callout/outcome";

const outcomeSchema = z.object({
  code: z.enum(OUTCOME_CODES),
  person: z.string().nullish().catch(null),
  read_back: z.boolean().nullish().catch(null),
  note: z.string().nullish().catch(null),
});

const escalationSchema = z.object({
  kind: z.literal("escalation"),
  level: z.number().catch(1),
  reason_text: z.string().catch(""),
  escalation_emails: z.array(z.string()).catch([]),
});

export interface TimelineOutcome {
  /** "No answer", "Reached Dr. Rao (read back)". */
  text: string;
  note: string | null;
}

export interface TimelineEscalation {
  level: number;
  reason: string;
  emails: string[];
}

export function outcomeOf(meta: Record<string, unknown>): TimelineOutcome | null {
  const parsed = outcomeSchema.safeParse(meta.outcome);
  if (!parsed.success) return null;
  const o = parsed.data;
  return { text: describeOutcome({ code: o.code, person: o.person ?? null, read_back: o.read_back ?? null }), note: o.note?.trim() || null };
}

export function escalationOf(meta: Record<string, unknown>): TimelineEscalation | null {
  const parsed = escalationSchema.safeParse(meta);
  return parsed.success ? { level: parsed.data.level, reason: parsed.data.reason_text, emails: parsed.data.escalation_emails } : null;
}
