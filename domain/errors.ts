// One error type for the API and its client: a code, a message, optional details.
// Wire shape: {"error": {"code", "message", "details"?, "request_id"?}}. Safe to import from client code.

export const ERROR_STATUS = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  /** The path exists but not with this method; the answer carries `Allow`. */
  method_not_allowed: 405,
  conflict: 409,
  /** A write named a bill version (If-Match) that is no longer the bill's. */
  bill_changed: 412,
  payload_too_large: 413,
  too_many_requests: 429,
  internal: 500,
  service_unavailable: 503,
} as const;
export type ErrorCode = keyof typeof ERROR_STATUS;

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown; request_id?: string };
}

export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;
  /** Sent as Retry-After (429, 503). */
  retryAfterSeconds?: number;
  /** Sent as Allow (405): the methods the path answers. */
  allow?: string[];
  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = "ApiError";
    this.code = code;
    this.details = details;
  }
  get status(): number {
    return ERROR_STATUS[this.code];
  }
  toBody(): ErrorBody {
    return { error: { code: this.code, message: this.message, ...(this.details === undefined ? {} : { details: this.details }) } };
  }
}

export function isErrorBody(value: unknown): value is ErrorBody {
  if (!value || typeof value !== "object" || !("error" in value)) return false;
  const e = (value as { error: unknown }).error;
  return !!e && typeof e === "object" && typeof (e as { code?: unknown }).code === "string";
}

export const notFound = (what = "Not found") => new ApiError("not_found", what);
