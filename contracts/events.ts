// The live event stream (DESIGN §8): GET /api/events[?bill_id=N][&presence=1] as text/event-stream.
import { z } from "zod";

export const eventsQuerySchema = z.strictObject({
  bill_id: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  /** 1: this stream announces that its user has the bill's callout open (needs bill_id). */
  presence: z.enum(["0", "1"]).optional(),
});

export const CALLOUT_EVENT_KINDS = ["attempt", "done", "acknowledgement", "escalation", "sign"] as const;

/** `event: callout` — a write on a bill, naming only the reports the session may see. */
export const calloutEventSchema = z.object({
  bill_id: z.number(),
  lab_report_ids: z.array(z.number()),
  kind: z.enum(CALLOUT_EVENT_KINDS),
  by: z.string(),
  at: z.string(),
  version: z.number(),
});
export type CalloutEvent = z.infer<typeof calloutEventSchema>;

/** `event: presence` — everyone else who has the bill's callout open, the earliest first. */
export const presenceEventSchema = z.array(z.object({ user_id: z.number(), name: z.string(), since: z.string() }));
export type PresenceList = z.infer<typeof presenceEventSchema>;
