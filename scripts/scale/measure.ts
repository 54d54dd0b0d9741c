// Measurements of the two-instance test: throughput with autocannon, the replica's lag from
// pg_stat_replication, and an event stream read over HTTP.
import autocannon from "autocannon";
import type postgres from "postgres";

interface Run {
  "2xx": number;
  errors: number;
  timeouts: number;
  non2xx: number;
  latency: { p50: number };
}

export interface Target {
  baseURL: string;
  cookie: string;
}

/** A write for autocannon: its path and JSON body, picked per request. */
export type WriteRequest = () => { path: string; body: unknown };

/** Req/s of GET `path` (or of POSTs from `write`) over all targets at once (16 connections each), for `seconds`. */
export async function measureThroughput(targets: Target[], path: string, seconds: number, write?: WriteRequest) {
  const results = await Promise.all(
    targets.map(
      (t) =>
        new Promise<Run>((resolve, reject) => {
          const headers = { cookie: t.cookie, origin: t.baseURL, "content-type": "application/json" };
          const requests = write
            ? [
                {
                  setupRequest: (req: object) => {
                    const w = write();
                    return { ...req, method: "POST", path: w.path, headers, body: JSON.stringify(w.body) };
                  },
                },
              ]
            : undefined;
          autocannon({ url: `${t.baseURL}${path}`, connections: 16, duration: seconds, headers, requests }, (err, res) => (err ? reject(err) : resolve(res)));
        }),
    ),
  );
  const ok = results.reduce((n, r) => n + r["2xx"], 0);
  return {
    rps: ok / seconds,
    p50: Math.max(...results.map((r) => r.latency.p50)),
    errors: results.reduce((n, r) => n + r.errors + r.timeouts + r.non2xx, 0),
  };
}

/** Samples the replica's lag on the primary every 50 ms until stopped. */
export function sampleReplicaLag(primary: postgres.Sql) {
  const bytes: number[] = [];
  const replayMs: number[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const rows = await primary<{ bytes: string | null; replay_ms: number | null }[]>`
        select pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn)::bigint as bytes,
               extract(epoch from replay_lag) * 1000 as replay_ms
        from pg_stat_replication`;
      for (const r of rows) {
        if (r.bytes !== null) bytes.push(Number(r.bytes));
        if (r.replay_ms !== null) replayMs.push(Number(r.replay_ms));
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      const sorted = [...replayMs].sort((x, y) => x - y);
      return {
        samples: bytes.length,
        maxBytes: bytes.length ? Math.max(...bytes) : 0,
        maxReplayMs: sorted.length ? Math.round(sorted.at(-1)! * 10) / 10 : 0,
        medianReplayMs: sorted.length ? Math.round(sorted[Math.floor(sorted.length / 2)] * 10) / 10 : 0,
      };
    },
  };
}

export interface Frame {
  event: string;
  data: unknown;
}

/** GET an event stream over HTTP and read its frames as EventSource would. */
export async function openEventStream(baseURL: string, path: string, cookie: string) {
  const abort = new AbortController();
  const res = await fetch(`${baseURL}${path}`, { headers: { cookie, accept: "text/event-stream" }, signal: abort.signal });
  if (res.status !== 200 || !res.body) throw new Error(`event stream: ${res.status}`);
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  const frames: Frame[] = [];
  let pending: Promise<ReadableStreamReadResult<Uint8Array>> | undefined;
  async function nextOf(event: string, timeoutMs: number): Promise<Frame> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const i = frames.findIndex((f) => f.event === event);
      if (i >= 0) return frames.splice(i, 1)[0];
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no ${event} event within ${timeoutMs} ms`);
      pending ??= reader.read();
      const chunk = await Promise.race([pending, new Promise<null>((r) => setTimeout(() => r(null), left))]);
      if (chunk === null) continue;
      pending = undefined;
      if (chunk.done) throw new Error("the event stream ended");
      buffer += decoder.decode(chunk.value, { stream: true });
      for (let end = buffer.indexOf("\n\n"); end >= 0; end = buffer.indexOf("\n\n")) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const ev = /^event: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (ev) frames.push({ event: ev, data: data ? JSON.parse(data) : undefined });
      }
    }
  }
  return { nextOf, close: () => abort.abort() };
}
