// The worklist: the order-level queue of bills holding critical reports (DESIGN §6).
import { z } from "zod";
import { idStringSchema } from "./ids";

export const WORKLIST_PAGE_SIZE = 25;
/** Reports per Excel export: past this the export answers 400 and asks for narrower filters. */
export const WORKLIST_EXPORT_LIMIT = 10_000;
export const WORKLIST_SORTS = ["oldest", "newest", "accession", "patient"] as const;

/** A calendar date; round-tripped so that 2026-02-30 (which Date.parse accepts) is refused before SQL sees it. */
export const dateString = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be YYYY-MM-DD")
  .refine((s) => {
    const t = Date.parse(`${s}T00:00:00Z`);
    return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === s;
  }, "is not a date");
const emptyToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);

export const worklistQuerySchema = z.object({
  tab: z.enum(["pending", "done"]).default("pending"),
  department: z.preprocess(emptyToUndefined, idStringSchema.optional()),
  status: z.preprocess(emptyToUndefined, z.enum(["pending", "attempted"]).optional()),
  from: z.preprocess(emptyToUndefined, dateString.optional()),
  to: z.preprocess(emptyToUndefined, dateString.optional()),
  q: z.preprocess(emptyToUndefined, z.string().trim().max(100).optional()),
  sort: z.preprocess(emptyToUndefined, z.enum(WORKLIST_SORTS).optional()),
  /** "1": only bills with an open report past the lab's notification target (Pending only). */
  overdue: z.preprocess(emptyToUndefined, z.literal("1", "must be 1").optional()),
  page: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(10_000).default(1)),
}).refine((q) => !q.from || !q.to || q.from <= q.to, { path: ["to"], message: "must be on or after from" });
export type WorklistQuery = z.infer<typeof worklistQuerySchema>;

export const worklistRowSchema = z.object({
  billId: z.number(),
  accessionNo: z.string(),
  billCreatedAt: z.string(),
  patientName: z.string(),
  referralName: z.string().nullable(),
  orgName: z.string().nullable(),
  pending: z.number(),
  attempted: z.number(),
  done: z.number(),
  oldestOpenApprovedAt: z.string().nullable(),
  /** Open reports of the bill escalated (DESIGN §9), and the highest level among them (0 none). */
  escalatedOpen: z.number(),
  escalationLevel: z.number(),
});
export type WorklistRow = z.infer<typeof worklistRowSchema>;

export const worklistResponseSchema = z.object({
  rows: z.array(worklistRowSchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  counts: z.object({ pending: z.number(), done: z.number() }),
  /** The lab's notification target: the clock each open bill is shown against. */
  targetMinutes: z.number(),
});
export type WorklistResponse = z.infer<typeof worklistResponseSchema>;
