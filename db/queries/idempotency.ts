// Idempotency-Key handling of the callout write: the first answer is stored with the key, per user,
// and a repeat of the same request gets it back byte for byte.
import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { PostCalloutResponse } from "@/contracts/critical";
import { ApiError } from "@/domain/errors";
import type { Tx } from "../connect";
import { idempotencyKeys } from "../schema";

export interface StoredAnswer {
  status: number;
  body: PostCalloutResponse;
}

/** What makes two requests "the same request" for one key: the bill and the whole body. */
export function requestHash(billId: number, input: unknown): string {
  return createHash("sha256").update(JSON.stringify({ billId, input })).digest("hex");
}

/**
 * Claims (user, key) inside the transaction. A concurrent request with the same key blocks on the
 * primary key until this one commits (then it replays the stored answer) or rolls back (then it runs).
 * Returns the stored answer of an earlier request, or null when this request is the first.
 */
export async function claimIdempotencyKey(tx: Tx, userId: number, key: string, hash: string): Promise<StoredAnswer | null> {
  const claimed = await tx
    .insert(idempotencyKeys)
    .values({ userId, key, requestHash: hash, status: 0, body: "" })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  if (claimed.length > 0) return null;
  const [prev] = await tx
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key)));
  // The claiming request rolled back between our insert and select: retry as a serialization failure.
  if (!prev) throw Object.assign(new Error("idempotency key vanished"), { code: "40001" });
  if (prev.requestHash !== hash) {
    throw new ApiError("conflict", "This Idempotency-Key was already used for a different request");
  }
  return { status: prev.status, body: JSON.parse(prev.body) as PostCalloutResponse };
}

/** Stores the answer on the claimed key, in the same transaction as the write it describes. */
export async function storeIdempotentAnswer(tx: Tx, userId: number, key: string, answer: StoredAnswer): Promise<void> {
  await tx
    .update(idempotencyKeys)
    .set({ status: answer.status, body: JSON.stringify(answer.body) })
    .where(and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key)));
}
