// Maps any thrown value to the error envelope. Database outages become 503, never a stack trace.
import { ApiError } from "@/domain/errors";
import { isDatabaseUnavailable, pgErrorCode } from "@/db/pg-error";
import { log } from "@/server/log";

export function handleApiError(err: unknown, requestId: string): Response {
  let apiError: ApiError;
  if (err instanceof ApiError) {
    apiError = err;
  } else if (pgErrorCode(err)?.startsWith("22")) {
    // Data exceptions (NUL bytes, values out of range) are bad input that slipped past validation.
    apiError = new ApiError("bad_request", "The request contains a value that cannot be stored or compared");
  } else if (isDatabaseUnavailable(err)) {
    const message = pgErrorCode(err) === "57014" ? "The database did not answer in time; try again shortly" : "The database is unavailable; try again shortly";
    apiError = new ApiError("service_unavailable", message);
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
  if (apiError.allow) headers.allow = apiError.allow.join(", ");
  return Response.json(body, { status: apiError.status, headers });
}
