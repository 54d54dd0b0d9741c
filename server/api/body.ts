// Reads and validates a JSON body: size cap (413), JSON syntax and schema (400), field paths in details.
import type { z } from "zod";
import { ApiError } from "@/domain/errors";

export const MAX_BODY_BYTES = 64 * 1024;

export async function readJson<S extends z.ZodType>(req: Request, schema: S): Promise<z.infer<S>> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES) throw new ApiError("payload_too_large", `Body exceeds ${MAX_BODY_BYTES} bytes`);
  const type = req.headers.get("content-type") ?? "";
  if (!/^application\/json\b/i.test(type)) throw new ApiError("bad_request", "Content-Type must be application/json");
  const text = await readTextLimited(req, MAX_BODY_BYTES);
  // PostgreSQL text cannot hold NUL; refuse it here rather than deep in a query.
  if (text.includes("\\u0000") || text.includes("\u0000")) throw new ApiError("bad_request", "Body contains a NUL character");
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ApiError("bad_request", "Body is not valid JSON");
  }
  return parseInput(schema, json);
}

/** Reads an HTML form post (application/x-www-form-urlencoded) under the same cap, validated like JSON. */
export async function readForm<S extends z.ZodType>(req: Request, schema: S): Promise<z.infer<S>> {
  const fields = Object.fromEntries(new URLSearchParams(await readTextLimited(req, MAX_BODY_BYTES)));
  if (Object.values(fields).some((v) => v.includes("\u0000"))) throw new ApiError("bad_request", "Body contains a NUL character");
  return parseInput(schema, fields);
}

/** Reads the body as a stream and stops at the cap: a chunked body without Content-Length is no way around it. */
async function readTextLimited(req: Request, max: number): Promise<string> {
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => {});
      throw new ApiError("payload_too_large", `Body exceeds ${max} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
    const first = issues[0];
    throw new ApiError("bad_request", first ? `${first.path || "body"}: ${first.message}` : "Invalid input", { issues });
  }
  return parsed.data;
}

/** A response whose body is JSON text written elsewhere (PostgreSQL): handed on as it is. */
export function jsonTextResponse(text: string, init?: ResponseInit): Response {
  const headers = new Headers(init?.headers);
  headers.set("content-type", "application/json");
  return new Response(text, { ...init, headers });
}
