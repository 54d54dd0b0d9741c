// Escalates open critical reports (DESIGN §9) from inside the app, like the outbox worker: a first
// pass when the server starts, then one at least every 30 s. Every instance runs it; the database
// (unique report/level rows under the bill's lock) makes sure each report is escalated once per level.
import type { Db } from "@/db/connect";
import { billsDueForEscalation, escalateBill } from "@/db/queries/escalation";
import { allLabsNotifySettings } from "@/db/queries/settings";
import { kickOutbox } from "@/server/notify/outbox-worker";
import { transportFor } from "@/server/notify/transports";
import { log } from "@/server/log";

/** The design's bound: a worker that looks less often could let a report wait unescalated too long. */
export const MAX_POLL_MS = 30_000;

export interface EscalationPass {
  bills: number;
  escalations: number;
  failed: number;
}

/** One pass over every lab: each due bill in its own transaction, so one failing bill stops no other. */
export async function escalateDueReports(db: Db, now = new Date()): Promise<EscalationPass> {
  const labs = await allLabsNotifySettings(db);
  const byLab = new Map(labs.map((l) => [l.labId, l]));
  const due = await billsDueForEscalation(db, labs, now);
  const pass: EscalationPass = { bills: 0, escalations: 0, failed: 0 };
  for (const { labId, billId } of due) {
    try {
      const written = await escalateBill(db, byLab.get(labId)!, billId, now, transportFor);
      if (written) {
        pass.bills++;
        pass.escalations += written;
      }
    } catch (err) {
      pass.failed++;
      log.warn({ err: String(err), billId }, "escalation failed; the next pass tries again");
    }
  }
  return pass;
}

interface WorkerState {
  timer?: ReturnType<typeof setInterval>;
  running?: Promise<unknown>;
  getDb?: () => Promise<Db>;
}
const state = (globalThis as unknown as { __ccEscalation?: WorkerState }).__ccEscalation ?? {};
(globalThis as unknown as { __ccEscalation?: WorkerState }).__ccEscalation = state;

async function runOnce() {
  if (!state.getDb || state.running) return;
  state.running = (async () => {
    const pass = await escalateDueReports(await state.getDb!());
    if (pass.escalations) {
      log.info(pass, "escalated open critical results");
      kickOutbox();
    }
  })()
    .catch((err) => log.warn({ err: String(err) }, "escalation pass failed"))
    .finally(() => {
      state.running = undefined;
    });
}

/** The poll interval: ESCALATION_POLL_MS (tests use less), never more than 30 s. */
export function escalationPollMs(env = process.env.ESCALATION_POLL_MS): number {
  const ms = Number(env);
  return Number.isFinite(ms) && ms >= 100 ? Math.min(ms, MAX_POLL_MS) : MAX_POLL_MS;
}

/** Starts the worker once per process (ESCALATION_WORKER=0 turns it off, e.g. in tests). */
export function startEscalationWorker(getDb: () => Promise<Db>) {
  if (process.env.ESCALATION_WORKER === "0" || state.timer) return;
  state.getDb = getDb;
  state.timer = setInterval(runOnce, escalationPollMs());
  state.timer.unref?.();
  void runOnce();
}
