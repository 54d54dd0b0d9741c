// Reads of the read-heavy routes (worklist, export, compliance, FHIR searches; DESIGN §13) go to the
// streaming replica named by DATABASE_REPLICA_URL, unless the request must see the primary: its
// session wrote in the last seconds, or an event made it refetch (READ_PRIMARY_COOKIE). A replica that
// cannot answer (stopped, unreachable, silent for half the request deadline, a query cancelled by
// recovery) is left for REPLICA_RETRY_MS and the read runs on the primary, so a stopped replica costs
// nothing but the primary's load.
import "server-only";
import { getDb, getReplicaDb, replicaUrl, requestTimeoutMs } from "@/db";
import type { Db } from "@/db/connect";
import { isDatabaseUnavailable, pgErrorCode } from "@/db/pg-error";
import { READ_PRIMARY_AFTER_WRITE_SECONDS, READ_PRIMARY_COOKIE } from "@/contracts/consistency";
import { ApiError } from "@/domain/errors";
import { log } from "@/server/log";
import { withinDeadline } from "@/server/api/deadline";

const REPLICA_RETRY_MS = 10_000;
const state = (globalThis as unknown as { __ccReplicaState?: { downUntil: number } }).__ccReplicaState ?? { downUntil: 0 };
(globalThis as unknown as { __ccReplicaState?: { downUntil: number } }).__ccReplicaState = state;

/** Whether the replica should be asked at all. */
export function replicaInUse(): boolean {
  return replicaUrl() !== undefined && Date.now() >= state.downUntil;
}

/** A failure that the primary would not have: the replica is gone or cancelled the read. */
function replicaFailed(err: unknown): boolean {
  return isDatabaseUnavailable(err) || pgErrorCode(err) === "40001";
}

/**
 * Runs a read-only `work` on the replica when one is configured, up and allowed (`primary` false),
 * else on the primary; a replica failure reruns it on the primary. `work` must not write.
 */
export async function readFromReplica<T>(work: (db: Db) => Promise<T>, opts: { primary: boolean }): Promise<T> {
  if (opts.primary || !replicaInUse()) return work(await getDb());
  let timedOut = false;
  try {
    // A replica that accepts connections and then says nothing gets half the request's time; the
    // primary has the rest.
    const ms = Math.floor(requestTimeoutMs() / 2);
    return await withinDeadline(async () => work(await getReplicaDb()), ms).catch((err) => {
      timedOut = err instanceof ApiError && err.code === "service_unavailable";
      throw err;
    });
  } catch (err) {
    if (!timedOut && !replicaFailed(err)) throw err;
    state.downUntil = Date.now() + REPLICA_RETRY_MS;
    log.warn({ err: String(err) }, "replica unavailable: reading the primary");
    return work(await getDb());
  }
}

/** The Set-Cookie that makes the author of a write read the primary for a while; none without a replica. */
export function readPrimaryCookie(): string | undefined {
  if (!replicaUrl()) return undefined;
  return `${READ_PRIMARY_COOKIE}=1; Path=/; SameSite=Lax; Max-Age=${READ_PRIMARY_AFTER_WRITE_SECONDS}`;
}

/** Tests only: forget that the replica failed. */
export function resetReplicaState() {
  state.downUntil = 0;
}
