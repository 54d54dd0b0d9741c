// GET /api/bench/floor (app/api/bench/floor/route.ts): the size of the constant answer `npm run bench`
// measures as the floor for an endpoint's answer of that size.
import { z } from "zod";

export const benchFloorQuerySchema = z.object({
  bytes: z.coerce.number().int().min(16).max(1_000_000),
  /** memory (default): a constant built once; database: written by PostgreSQL in one round trip. */
  from: z.enum(["memory", "database"]).default("memory"),
});

export const benchFloorResponseSchema = z.object({ pad: z.string() });

/** How many `x` make a `{"pad":"x…"}` answer exactly `bytes` long. */
export const benchFloorPadding = (bytes: number) => bytes - '{"pad":""}'.length;
