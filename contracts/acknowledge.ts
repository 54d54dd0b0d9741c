// Acknowledgement of receipt (DESIGN §10): a doctor login's in-app acknowledgement, and the form of
// the public acknowledgement page.
import { z } from "zod";
import { ACKNOWLEDGER_NAME_MAX } from "@/domain/callout/acknowledgement";
import { idSchema } from "./ids";

export const MAX_ACK_REPORT_IDS = 500;

export const acknowledgeBodySchema = z.strictObject({
  lab_report_ids: z.array(idSchema).min(1, "select at least one report").max(MAX_ACK_REPORT_IDS, `at most ${MAX_ACK_REPORT_IDS} ids`),
});
export type AcknowledgeBody = z.infer<typeof acknowledgeBodySchema>;

export const acknowledgeResponseSchema = z.object({
  acknowledgement: z.object({
    bill_id: z.number(),
    lab_report_ids: z.array(z.number()),
    acknowledged_by: z.string(),
    acknowledged_at: z.string(),
    activity_log_id: z.number(),
  }),
  /** The bill's callout version after the write (the next If-Match). */
  version: z.number(),
});
export type AcknowledgeResponse = z.infer<typeof acknowledgeResponseSchema>;

/** The public page's form: the acknowledger's name. */
export const ackFormSchema = z.object({
  name: z
    .string({ error: "is required" })
    .trim()
    .min(1, "Please enter your name")
    .max(ACKNOWLEDGER_NAME_MAX, `at most ${ACKNOWLEDGER_NAME_MAX} characters`),
});

/** A token as it may appear in a path (anything else is unknown without a lookup). */
export const ackTokenParamsSchema = z.object({ token: z.string().max(200) });

/** One bill of a doctor's "To acknowledge" list. */
export interface AckListRow {
  billId: number;
  accessionNo: string;
  patientName: string;
  orgName: string | null;
  reportIds: number[];
  testNames: string[];
  /** The oldest unacknowledged done callout of the bill's reports. */
  calledOutAt: string;
}
