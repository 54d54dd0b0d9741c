import { z } from "zod";

export const loginBodySchema = z.strictObject({
  username: z.string().trim().min(1, "is required").max(100),
  password: z.string().min(1, "is required").max(200),
});

export const meSchema = z.object({
  user: z.object({
    id: z.number(),
    username: z.string(),
    displayName: z.string(),
    kind: z.enum(["lab_user", "doctor", "support"]),
    labId: z.number(),
    labName: z.string(),
    docType: z.number().nullable(),
  }),
});
export type Me = z.infer<typeof meSchema>;
