// Sign-in throttling (DESIGN §3): 5 failures per username and 30 per client address in 15 minutes
// give 429 with Retry-After, counted in PostgreSQL (db/queries/throttle.ts) so the limit holds across
// every app instance. A try is counted before the password is checked (concurrent tries cannot pass
// together); a successful sign-in clears its username's failures and gives its address's try back.
import type { Queryable } from "@/db/connect";
import { clearTries, forgiveTry, resetCounters, takeTry } from "@/db/queries/throttle";
import { ApiError } from "@/domain/errors";

const WINDOW_SECONDS = 15 * 60;
export const LIMITS = { username: 5, address: 30 } as const;

export function clientAddress(req: Request): string {
  const forwarded = req.headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || req.headers.get("x-real-ip") || "local";
}

const usernameKey = (username: string) => `u:${username.trim().toLowerCase()}`;
const addressKey = (address: string) => `a:${address}`;

export interface SignInTry {
  /** The sign-in succeeded: its username starts afresh, and it does not count against its address. */
  succeeded(): Promise<void>;
}

/** Counts a sign-in try; throws 429 when this username or address has failed too often recently. */
export async function takeSignInTry(db: Queryable, username: string, address: string): Promise<SignInTry> {
  const rules = [
    { key: usernameKey(username), limit: LIMITS.username },
    { key: addressKey(address), limit: LIMITS.address },
  ];
  const counted = await takeTry(db, rules, WINDOW_SECONDS);
  if (counted.retryAfterSeconds !== null) {
    const err = new ApiError("too_many_requests", "Too many failed sign-ins; wait a few minutes and try again");
    err.retryAfterSeconds = counted.retryAfterSeconds;
    throw err;
  }
  return {
    async succeeded() {
      await clearTries(db, usernameKey(username));
      await forgiveTry(db, addressKey(address), counted.buckets[addressKey(address)]);
    },
  };
}

/** A counted try of an acknowledgement link (DESIGN §10), from one address. */
export interface LinkTry {
  /** The token was a real link: the try was no guess, so it is given back. */
  wasKnown(): Promise<void>;
}

/**
 * Counts a try of an acknowledgement link against its address, as a failed sign-in would be: 5 per
 * address under its own key and the address's 30 of the sign-in throttle, so tokens cannot be guessed
 * at speed. Throws 429 while the address is over either limit.
 */
export async function takeLinkTry(db: Queryable, address: string): Promise<LinkTry> {
  const rules = [
    { key: `ack-link@${address}`, limit: LIMITS.username },
    { key: addressKey(address), limit: LIMITS.address },
  ];
  const counted = await takeTry(db, rules, WINDOW_SECONDS);
  if (counted.retryAfterSeconds !== null) {
    const err = new ApiError("too_many_requests", "Too many unknown links from this address; wait a few minutes and try again");
    err.retryAfterSeconds = counted.retryAfterSeconds;
    throw err;
  }
  return {
    async wasKnown() {
      for (const rule of rules) await forgiveTry(db, rule.key, counted.buckets[rule.key]);
    },
  };
}

/** Tests only. */
export async function resetThrottle(db: Queryable) {
  await resetCounters(db);
}
