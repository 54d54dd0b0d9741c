// Every request has a deadline (DESIGN §13): statement_timeout makes the server cancel a slow
// statement, but a database that accepts connections and then never answers (a stalled host, a
// half-open connection) answers nothing at all, so the wrapper races the request against a timer.
import "server-only";
import { requestTimeoutMs } from "@/db";
import { ApiError } from "@/domain/errors";

/** The 503 of a request whose database did not answer within the deadline. */
export function deadlinePassed(ms: number): ApiError {
  const err = new ApiError("service_unavailable", `The database did not answer within ${Math.round(ms / 100) / 10} s; try again shortly`);
  err.retryAfterSeconds = 5;
  return err;
}

/**
 * `work`, or a 503 once the request deadline passes. The work itself is not stopped (a statement on
 * a silent connection cannot be cancelled); its answer, when it comes, is dropped. A write that
 * commits after its deadline is found by retrying with the same Idempotency-Key.
 */
export async function withinDeadline<T>(work: () => Promise<T>, ms = requestTimeoutMs()): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(deadlinePassed(ms)), ms);
  });
  const running = work();
  running.catch(() => {}); // a late failure after the deadline is nobody's to handle
  try {
    return await Promise.race([running, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
