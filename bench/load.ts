// Load generation: HTTP through autocannon (closed loop, N connections, keep-alive), and the raw SQL
// loop with the same shape (N concurrent workers calling the query functions). Latencies are kept per
// request in milliseconds with sub-millisecond precision (autocannon's own histogram rounds to 1 ms).
import autocannon from "autocannon";

export interface Stats {
  /** Completed requests (HTTP: 2xx only are timed). */
  n: number;
  p50: number;
  p99: number;
  mean: number;
  /** Requests per second over the measured window. */
  rps: number;
  errors: number;
  non2xx: number;
}

/** One measured slice: per-request latencies over `seconds`. */
export interface Sample {
  latencies: number[];
  seconds: number;
  errors: number;
  non2xx: number;
}

/** Merges slices (interleaved HTTP and raw slices share the machine's background noise). */
export function merge(samples: Sample[]): Stats {
  const all = samples.flatMap((x) => x.latencies);
  const seconds = samples.reduce((t, x) => t + x.seconds, 0);
  return summarize(all, seconds, samples.reduce((t, x) => t + x.errors, 0), samples.reduce((t, x) => t + x.non2xx, 0));
}

export function summarize(latencies: number[], seconds: number, errors = 0, non2xx = 0): Stats {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] : Number.NaN);
  return {
    n: sorted.length,
    p50: at(0.5),
    p99: at(0.99),
    mean: sorted.reduce((s, x) => s + x, 0) / Math.max(1, sorted.length),
    rps: sorted.length / seconds,
    errors,
    non2xx,
  };
}

export interface HttpRequest {
  method: "GET" | "POST";
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
}

/** Runs `request(i)` (i = 0, 1, 2, … across all connections) against the server for `seconds`. */
export function httpLoad(opts: {
  baseURL: string;
  cookie: string;
  connections: number;
  seconds: number;
  request: (i: number) => HttpRequest;
  /** First request number (so that successive slices do not repeat idempotency keys). */
  offset?: number;
  /** Called with the first failing response, to say why. */
  onFailure?: (status: number, body: string) => void;
  /** Which statuses count as answers (timed); default 2xx. */
  ok?: (status: number) => boolean;
}): Promise<Sample> {
  const ok = opts.ok ?? ((status: number) => status >= 200 && status < 300);
  let i = opts.offset ?? 0;
  const latencies: number[] = [];
  let reported = false;
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const instance = autocannon(
      {
        url: opts.baseURL,
        connections: opts.connections,
        duration: opts.seconds,
        timeout: 30,
        requests: [
          {
            setupRequest: (req) => {
              const r = opts.request(i++);
              return {
                ...req,
                method: r.method,
                path: r.path,
                headers: {
                  cookie: opts.cookie,
                  origin: opts.baseURL,
                  ...(r.body === undefined ? {} : { "content-type": "application/json" }),
                  ...r.headers,
                },
                ...(r.body === undefined ? {} : { body: JSON.stringify(r.body) }),
              };
            },
            onResponse: (status, body) => {
              if (!ok(status) && !reported) {
                reported = true;
                opts.onFailure?.(status, body);
              }
            },
          },
        ],
      },
      (err, result) => {
        if (err) return reject(err);
        const seconds = (performance.now() - started) / 1000;
        resolve({
          latencies,
          seconds: Math.min(seconds, result.duration || seconds),
          errors: result.errors + result.timeouts,
          non2xx: opts.ok ? 0 : result.non2xx,
        });
      },
    );
    instance.on("response", (_client: unknown, status: number, _bytes: number, ms: number) => {
      if (ok(status)) latencies.push(ms);
    });
  });
}

/** `concurrency` workers call `fn(i)` back to back for `seconds`; each call timed. */
export async function rawLoad(opts: { concurrency: number; seconds: number; fn: (i: number) => Promise<unknown>; offset?: number }): Promise<Sample> {
  const latencies: number[] = [];
  let i = opts.offset ?? 0;
  let errors = 0;
  let firstError: unknown;
  const started = performance.now();
  const deadline = started + opts.seconds * 1000;
  const worker = async () => {
    while (performance.now() < deadline) {
      const t0 = performance.now();
      try {
        await opts.fn(i++);
        latencies.push(performance.now() - t0);
      } catch (err) {
        errors++;
        firstError ??= err;
        if (errors > 20) throw err;
      }
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency }, worker));
  if (firstError) console.error("  raw loop error:", (firstError as Error).message ?? firstError);
  return { latencies, seconds: (performance.now() - started) / 1000, errors, non2xx: 0 };
}
