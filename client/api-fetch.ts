// The browser's fetcher for the app's own API: JSON in and out, the session cookie (same origin),
// the server's error envelope rethrown as the ApiError the server threw, and every success parsed
// with the contract's zod schema, so a drifted response fails loudly here rather than deep in a view.
import type { z } from "zod";
import { ApiError, type ErrorCode, ERROR_STATUS, isErrorBody } from "@/domain/errors";

export interface ApiRequest {
  method?: "GET" | "POST" | "PUT" | "DELETE";
  /** Sent as JSON. */
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/** The error code of a status without an envelope (a proxy's 502, an HTML error page). */
function codeForStatus(status: number): ErrorCode {
  const known = (Object.entries(ERROR_STATUS) as [ErrorCode, number][]).find(([, s]) => s === status);
  if (known) return known[0];
  return status >= 500 ? "internal" : "bad_request";
}

async function readJsonOrNull(res: Response): Promise<unknown> {
  try {
    return await res.json();
  } catch {
    return null;
  }
}

export async function apiFetch<S extends z.ZodType>(path: string, schema: S, req: ApiRequest = {}): Promise<z.infer<S>> {
  const headers: Record<string, string> = { accept: "application/json", ...req.headers };
  if (req.body !== undefined) headers["content-type"] = "application/json";
  let res: Response;
  try {
    res = await fetch(path, {
      method: req.method ?? (req.body === undefined ? "GET" : "POST"),
      headers,
      body: req.body === undefined ? undefined : JSON.stringify(req.body),
      // The session is an httpOnly cookie; the browser adds Origin to writes, which the API checks.
      credentials: "same-origin",
      cache: "no-store",
      signal: req.signal,
    });
  } catch (err) {
    if (req.signal?.aborted) throw err; // React Query cancelled it; not an error to show
    throw new ApiError("service_unavailable", "The server could not be reached. Check the connection and try again.");
  }

  const json = await readJsonOrNull(res);
  if (!res.ok) {
    if (isErrorBody(json)) {
      const { code, message, details } = json.error;
      throw new ApiError(code, message, details);
    }
    throw new ApiError(codeForStatus(res.status), `The server answered ${res.status} ${res.statusText}`.trim());
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    console.error("Unexpected response", path, parsed.error.issues);
    throw new ApiError("internal", "The server sent an answer this page does not understand; reload the page");
  }
  return parsed.data;
}

/** A fresh Idempotency-Key. randomUUID needs a secure context (https or localhost); a lab intranet
 * served over plain http has only getRandomValues, so build a v4 UUID from that. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
