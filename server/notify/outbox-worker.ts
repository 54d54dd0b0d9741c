// Delivers the outbox after commit. Runs inside the app (no extra process): started when the database
// opens, woken after every done callout, and polling every few seconds for retries. A message is
// leased (next_attempt_at pushed forward) before sending, so a crash mid-send only delays it.
import { and, asc, eq, inArray, lte, sql } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { idempotencyKeys, outboundMessages, sessions } from "@/db/schema";
import { log } from "@/server/log";
import { transportFor } from "./transports";

export const MAX_ATTEMPTS = 8;
const LEASE_SECONDS = 60;
const BATCH = 20;

/** Backoff after the n-th failed attempt: 5 s, 10 s, 20 s … capped at 15 min. */
export function backoffSeconds(attempts: number): number {
  return Math.min(5 * 2 ** Math.max(0, attempts - 1), 900);
}

export async function deliverDueMessages(db: Db): Promise<{ sent: number; retried: number; failed: number }> {
  const due = db
    .select({ id: outboundMessages.id })
    .from(outboundMessages)
    .where(and(eq(outboundMessages.status, "pending"), lte(outboundMessages.nextAttemptAt, sql`now()`)))
    .orderBy(asc(outboundMessages.id))
    .limit(BATCH)
    .for("update", { skipLocked: true });
  const claimed = await db
    .update(outboundMessages)
    .set({
      attempts: sql`${outboundMessages.attempts} + 1`,
      nextAttemptAt: sql`now() + make_interval(secs => ${LEASE_SECONDS})`,
    })
    .where(inArray(outboundMessages.id, due))
    .returning();
  const result = { sent: 0, retried: 0, failed: 0 };
  for (const message of claimed) {
    const transport = transportFor(message.channel);
    if (!transport) {
      await db
        .update(outboundMessages)
        .set({ status: "no_provider", lastError: `no ${message.channel} provider configured` })
        .where(eq(outboundMessages.id, message.id));
      continue;
    }
    const outcome = await transport.send(message);
    if (outcome.ok) {
      result.sent++;
      await db
        .update(outboundMessages)
        .set({ status: "sent", sentAt: sql`now()`, providerResponse: outcome.response, transport: transport.name, lastError: null })
        .where(eq(outboundMessages.id, message.id));
    } else if (message.attempts >= MAX_ATTEMPTS) {
      result.failed++;
      await db
        .update(outboundMessages)
        .set({ status: "failed", lastError: outcome.error, transport: transport.name })
        .where(eq(outboundMessages.id, message.id));
    } else {
      result.retried++;
      await db
        .update(outboundMessages)
        .set({
          lastError: outcome.error,
          transport: transport.name,
          nextAttemptAt: sql`now() + make_interval(secs => ${backoffSeconds(message.attempts)})`,
        })
        .where(eq(outboundMessages.id, message.id));
    }
  }
  return result;
}

/** Housekeeping: idempotency keys are kept 48 h (≥ 24 h promised), dead sessions 7 days. */
export async function purgeExpired(db: Db) {
  await db.delete(idempotencyKeys).where(lte(idempotencyKeys.createdAt, sql`now() - interval '48 hours'`));
  await db.delete(sessions).where(lte(sessions.expiresAt, sql`now() - interval '7 days'`));
}

interface WorkerState {
  lastPurge?: number;
  timer?: ReturnType<typeof setInterval>;
  running?: Promise<unknown>;
  again?: boolean;
  getDb?: () => Promise<Db>;
}
const state = (globalThis as unknown as { __ccOutbox?: WorkerState }).__ccOutbox ?? {};
(globalThis as unknown as { __ccOutbox?: WorkerState }).__ccOutbox = state;

async function runOnce() {
  if (!state.getDb) return;
  if (state.running) {
    state.again = true;
    return;
  }
  state.running = (async () => {
    do {
      state.again = false;
      const db = await state.getDb!();
      if (!state.lastPurge || Date.now() - state.lastPurge > 3600_000) {
        state.lastPurge = Date.now();
        await purgeExpired(db);
      }
      const r = await deliverDueMessages(db);
      if (r.sent + r.retried + r.failed === BATCH) state.again = true;
    } while (state.again);
  })()
    .catch((err) => log.warn({ err: String(err) }, "outbox delivery failed"))
    .finally(() => {
      state.running = undefined;
    });
}

/** Starts the in-app worker once per process (OUTBOX_WORKER=0 turns it off, e.g. in tests). */
export function startOutboxWorker(getDb: () => Promise<Db>) {
  if (process.env.OUTBOX_WORKER === "0" || state.timer) return;
  state.getDb = getDb;
  state.timer = setInterval(runOnce, Number(process.env.OUTBOX_POLL_MS ?? 5000));
  state.timer.unref?.();
  void runOnce();
}

/** Wakes the worker right after a callout commits, so mail leaves in milliseconds, not at the next poll. */
export function kickOutbox() {
  if (state.timer) setImmediate(runOnce);
}
