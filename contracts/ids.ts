// Id parsing shared by every edge: ids are positive int4 integers, written as plain digits.
import { z } from "zod";

export const MAX_INT4 = 2147483647;

export const idSchema = z.number().int().min(1).max(MAX_INT4);

/** A path or query id: digits only (no sign, decimal point, blanks or exponent), within int4. */
export const idStringSchema = z
  .string()
  .regex(/^\d+$/, "must be a positive integer")
  .transform(Number)
  .pipe(z.number().int().min(1, "must be a positive integer").max(MAX_INT4, "is out of range"));

/** A comma-separated id list, e.g. `report_ids=1,2,3`; every element must be digits. */
export function idListSchema(max: number) {
  return z
    .string({ error: "is required" })
    .min(1, "is required")
    .transform((s) => s.split(","))
    .pipe(z.array(idStringSchema).max(max, `at most ${max} ids`))
    .transform((ids) => [...new Set(ids)]);
}

export const billParamsSchema = z.object({ billId: idStringSchema });
