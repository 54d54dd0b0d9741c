// Reads PostgreSQL error codes off driver errors (postgres.js and PGlite wrap them in causes).
// The write path retries on some codes; the HTTP layer maps others to 400 or 503.
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
  "57014", // query_canceled: statement_timeout passed (a lock, a stuck server)
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

