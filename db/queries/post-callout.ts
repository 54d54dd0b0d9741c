// Endpoint 4 (BulkCriticalCalloutManager.process_callout): an attempted or done callout, whole or not
// at all, in one transaction. With an Idempotency-Key, a repeat from the same user replays the first
// answer; two writers colliding on one bill are retried, then told to reload.
import type { PostCalloutBody, PostCalloutResponse } from "@/contracts/critical";
import type { SessionContext } from "@/domain/auth/session-context";
import { ApiError } from "@/domain/errors";
import type { TransportLookup } from "@/domain/notify/outbox-messages";
import type { Db } from "../connect";
import { pgErrorCode } from "../pg-error";
import { writeCallout } from "./callout-write";
import { claimIdempotencyKey, requestHash, storeIdempotentAnswer } from "./idempotency";
import { getNotifySettings } from "./settings";

export interface PostCalloutResult {
  status: number;
  body: PostCalloutResponse;
  replayed: boolean;
}

const RETRYABLE = new Set(["40P01", "40001", "23505"]); // deadlock, serialization, unique (draft/key race)
const MAX_RETRIES = 3;

export async function postCallout(
  db: Db,
  session: SessionContext,
  billId: number,
  input: PostCalloutBody,
  idempotencyKey: string | null,
  transportFor: TransportLookup,
  /** If-Match: the bill version the writer saw; null (no header) writes on whatever the bill holds. */
  expectedVersion: number | null = null,
  /** The app's origin, for the acknowledgement links in the messages; null sends none. */
  ackBaseUrl: string | null = null,
): Promise<PostCalloutResult> {
  const settings = await getNotifySettings(db, session.labId);
  const hash = requestHash(billId, input);
  return retryOnCollision(() =>
    db.transaction(async (tx): Promise<PostCalloutResult> => {
      if (idempotencyKey) {
        const replay = await claimIdempotencyKey(tx, session.userId, idempotencyKey, hash);
        if (replay) return { ...replay, replayed: true };
      }
      const answer = { status: 201, body: await writeCallout(tx, { session, billId, input, settings, transportFor, expectedVersion, ackBaseUrl }) };
      if (idempotencyKey) await storeIdempotentAnswer(tx, session.userId, idempotencyKey, answer);
      return { ...answer, replayed: false };
    }),
  );
}

/** Runs the transaction again when it collided with another writer; a 409 after MAX_RETRIES retries. */
async function retryOnCollision<T>(transaction: () => Promise<T>): Promise<T> {
  for (let retries = 0; ; retries++) {
    try {
      return await transaction();
    } catch (err) {
      const code = pgErrorCode(err);
      if (!code || !RETRYABLE.has(code)) throw err;
      if (retries >= MAX_RETRIES) {
        throw new ApiError("conflict", "Someone else saved a callout on this bill at the same moment; reload and try again");
      }
    }
  }
}
