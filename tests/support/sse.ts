// Reads a Server-Sent Events response from a route handler, frame by frame, as EventSource would.
import { ORIGIN, setCredential } from "./http";

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

export interface SseFrame {
  event: string;
  data: unknown;
  id?: string;
}

export interface SseClient {
  status: number;
  response: Response;
  /** The next frame with an `event:` line (comments and `retry:` are skipped), or an error after the timeout. */
  next(timeoutMs?: number): Promise<SseFrame>;
  /** The next frame of this event kind, skipping others. */
  nextOf(event: string, timeoutMs?: number): Promise<SseFrame>;
  close(): void;
}

function parseFrame(block: string): SseFrame | null {
  const frame: Partial<SseFrame> = {};
  for (const line of block.split("\n")) {
    if (line.startsWith("event: ")) frame.event = line.slice(7);
    else if (line.startsWith("data: ")) frame.data = JSON.parse(line.slice(6));
    else if (line.startsWith("id: ")) frame.id = line.slice(4);
  }
  return frame.event ? (frame as SseFrame) : null;
}

export async function openSse(handler: Handler, path: string, cookie: string): Promise<SseClient> {
  const abort = new AbortController();
  const headers = new Headers({ host: "localhost:3000" });
  setCredential(headers, cookie);
  const req = new Request(`${ORIGIN}${path}`, { headers, signal: abort.signal });
  const response = await handler(req, { params: Promise.resolve({}) });
  const reader = response.body?.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  const frames: SseFrame[] = [];
  // One read in flight at a time, kept across timeouts, so no chunk is ever dropped.
  let pending: Promise<ReadableStreamReadResult<Uint8Array>> | undefined;

  async function next(timeoutMs = 2000): Promise<SseFrame> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const ready = frames.shift();
      if (ready) return ready;
      if (!reader) throw new Error(`not a stream (status ${response.status})`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no event within ${timeoutMs} ms`);
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timeout = new Promise<null>((resolve) => {
        timer = setTimeout(() => resolve(null), left);
      });
      pending ??= reader.read();
      const chunk = await Promise.race([pending, timeout]);
      clearTimeout(timer);
      if (chunk === null) throw new Error(`no event within ${timeoutMs} ms`);
      pending = undefined;
      if (chunk.done) throw new Error("stream ended");
      buffer += decoder.decode(chunk.value, { stream: true });
      let end = buffer.indexOf("\n\n");
      while (end >= 0) {
        const frame = parseFrame(buffer.slice(0, end));
        if (frame) frames.push(frame);
        buffer = buffer.slice(end + 2);
        end = buffer.indexOf("\n\n");
      }
    }
  }

  async function nextOf(event: string, timeoutMs = 2000): Promise<SseFrame> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const frame = await next(Math.max(1, deadline - Date.now()));
      if (frame.event === event) return frame;
    }
  }

  return {
    status: response.status,
    response,
    next,
    nextOf,
    close: () => {
      abort.abort();
      reader?.cancel().catch(() => {});
    },
  };
}
