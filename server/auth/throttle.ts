// Login throttling: failed sign-ins are counted per username and per client address in a sliding
// window; past the limit, sign-in answers 429 with Retry-After. In memory: one app process holds
// the counters (a multi-instance deployment would move them to the database or Redis).
import { ApiError } from "@/domain/errors";

const WINDOW_MS = 15 * 60 * 1000;
export const LIMITS = { username: 5, address: 30 } as const;

const failures = new Map<string, number[]>();

function recent(key: string, now: number): number[] {
  const list = (failures.get(key) ?? []).filter((t) => now - t < WINDOW_MS);
  if (list.length) failures.set(key, list);
  else failures.delete(key);
  return list;
}

export function clientAddress(req: Request): string {
  const forwarded = req.headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || req.headers.get("x-real-ip") || "local";
}

function keys(username: string, address: string) {
  return [
    { key: `u:${username.toLowerCase()}`, limit: LIMITS.username },
    { key: `a:${address}`, limit: LIMITS.address },
  ];
}

/** Throws 429 when this username or address has failed too often recently. */
export function assertNotThrottled(username: string, address: string, now = Date.now()) {
  for (const { key, limit } of keys(username, address)) {
    const list = recent(key, now);
    if (list.length >= limit) {
      const err = new ApiError("too_many_requests", "Too many failed sign-ins; wait a few minutes and try again");
      err.retryAfterSeconds = Math.max(1, Math.ceil((list[0] + WINDOW_MS - now) / 1000));
      throw err;
    }
  }
}

export function recordLoginFailure(username: string, address: string, now = Date.now()) {
  for (const { key } of keys(username, address)) failures.set(key, [...recent(key, now), now]);
}

export function clearLoginFailures(username: string) {
  failures.delete(`u:${username.toLowerCase()}`);
}

/** Tests only. */
export function resetThrottle() {
  failures.clear();
}
