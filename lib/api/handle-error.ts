// Maps any thrown value to the error envelope. Database outages become 503, never a stack trace.
import { ApiError } from "@/lib/errors";
import { log } from "@/lib/log";

const PG_UNAVAILABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "CONNECT_TIMEOUT",
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "57P01", // admin_shutdown
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now
  "53300", // too_many_connections
]);

function errorChain(err: unknown): unknown[] {
  const chain: unknown[] = [];
  let cur: unknown = err;
  while (cur && chain.length < 6) {
    chain.push(cur);
    cur = (cur as { cause?: unknown }).cause;
  }
  return chain;
}

export function isDatabaseUnavailable(err: unknown): boolean {
  return errorChain(err).some((e) => {
    const code = (e as { code?: unknown }).code;
    if (typeof code !== "string") return false;
    return PG_UNAVAILABLE_CODES.has(code) || code.startsWith("08");
  });
}

export function pgErrorCode(err: unknown): string | undefined {
  for (const e of errorChain(err)) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

export function handleApiError(err: unknown, requestId: string): Response {
  let apiError: ApiError;
  if (err instanceof ApiError) {
    apiError = err;
  } else if (pgErrorCode(err)?.startsWith("22")) {
    // Data exceptions (NUL bytes, values out of range) are bad input that slipped past validation.
    apiError = new ApiError("bad_request", "The request contains a value that cannot be stored or compared");
  } else if (isDatabaseUnavailable(err)) {
    apiError = new ApiError("service_unavailable", "The database is unavailable; try again shortly");
    apiError.retryAfterSeconds = 5;
    log.warn({ request_id: requestId, err: String(err) }, "database unavailable");
  } else {
    log.error({ request_id: requestId, err }, "unhandled error");
    apiError = new ApiError("internal", "Something went wrong on our side");
  }
  const body = apiError.toBody();
  body.error.request_id = requestId;
  const headers: Record<string, string> = { "x-request-id": requestId, "cache-control": "no-store" };
  if (apiError.retryAfterSeconds) headers["retry-after"] = String(Math.ceil(apiError.retryAfterSeconds));
  return Response.json(body, { status: apiError.status, headers });
}
