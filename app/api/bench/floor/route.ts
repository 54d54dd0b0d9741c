// GET /api/bench/floor?bytes=N → a constant JSON text of N bytes for a signed-in user: the route wrapper,
// the session and a body of an endpoint's size, and nothing else. `npm run bench` measures it beside
// endpoints 1–3 (bench/size-floor.ts) as this stack's floor for an answer of that size. Served only by a
// server started with BENCH_FLOOR_ROUTE=1; on any other it is a 404.
import { benchFloorPadding, benchFloorQuerySchema } from "@/contracts/bench";
import { paddedTextFromDatabase } from "@/db/queries/bench-floor";
import { ApiError } from "@/domain/errors";
import { jsonTextResponse, parseInput } from "@/server/api/body";
import { withSession } from "@/server/api/handler";
import { otherMethods } from "@/server/api/methods";

const texts = new Map<number, string>();

/** `{"pad":"xx…"}` of exactly `bytes` bytes, built once per size. */
function paddedText(bytes: number): string {
  let text = texts.get(bytes);
  if (text === undefined) {
    text = `{"pad":"${"x".repeat(benchFloorPadding(bytes))}"}`;
    texts.set(bytes, text);
  }
  return text;
}

export const GET = withSession(async ({ req, db }) => {
  const url = new URL(req.url);
  if (process.env.BENCH_FLOOR_ROUTE !== "1") throw new ApiError("not_found", `No such endpoint: GET ${url.pathname}`);
  const { bytes, from } = parseInput(benchFloorQuerySchema, {
    bytes: url.searchParams.get("bytes") ?? undefined,
    from: url.searchParams.get("from") ?? undefined,
  });
  return jsonTextResponse(from === "database" ? await paddedTextFromDatabase(db, bytes) : paddedText(bytes));
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
