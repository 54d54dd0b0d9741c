import { z } from "zod";
import { idStringSchema } from "./ids";

export const reportParamsSchema = z.object({ reportId: idStringSchema });
export const signResponseSchema = z.object({ labReportId: z.number(), isSigned: z.boolean() });
export const signAllResponseSchema = z.object({ billId: z.number(), signed: z.array(z.number()) });
