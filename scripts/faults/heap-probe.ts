// Retained heap of a server process, read through its inspector after full garbage collections.
// RSS only says how much memory V8 has reserved, and V8 grows its heap in steps while it warms up;
// the heap that survives a full GC is what a leak makes grow. Needs the server started with
// `--inspect=127.0.0.1:<port>` and this process run with a WebSocket (Node 20: --experimental-websocket).

type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void };

export interface HeapProbe {
  /** Bytes of JavaScript heap still reachable after two full collections. */
  retainedBytes(): Promise<number>;
  /** The server's own `process.memoryUsage()`, as it is (no collection first). */
  memoryUsage(): Promise<NodeJS.MemoryUsage>;
  close(): void;
}

export async function openHeapProbe(inspectPort: number): Promise<HeapProbe> {
  if (typeof WebSocket === "undefined") throw new Error("heap probe: run with NODE_OPTIONS=--experimental-websocket (Node 20)");
  const targets = (await (await fetch(`http://127.0.0.1:${inspectPort}/json/list`)).json()) as { webSocketDebuggerUrl: string }[];
  if (!targets.length) throw new Error(`heap probe: no inspector target on port ${inspectPort}`);
  const socket = new WebSocket(targets[0].webSocketDebuggerUrl);
  await new Promise<void>((resolve, reject) => {
    socket.onopen = () => resolve();
    socket.onerror = () => reject(new Error(`heap probe: cannot connect to the inspector on port ${inspectPort}`));
  });
  const pending = new Map<number, Pending>();
  let nextId = 1;
  socket.onmessage = (event) => {
    const message = JSON.parse(String(event.data)) as { id?: number; result?: unknown; error?: { message: string } };
    const waiter = message.id === undefined ? undefined : pending.get(message.id);
    if (!waiter) return;
    pending.delete(message.id as number);
    if (message.error) waiter.reject(new Error(`inspector: ${message.error.message}`));
    else waiter.resolve(message.result);
  };
  const call = (method: string, params?: object) =>
    new Promise<unknown>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      socket.send(JSON.stringify({ id, method, params }));
    });
  return {
    async retainedBytes() {
      await call("HeapProfiler.collectGarbage");
      await call("HeapProfiler.collectGarbage");
      const usage = (await call("Runtime.getHeapUsage")) as { usedSize: number };
      return usage.usedSize;
    },
    async memoryUsage() {
      const answer = (await call("Runtime.evaluate", { expression: "JSON.stringify(process.memoryUsage())", returnByValue: true })) as {
        result: { value: string };
      };
      return JSON.parse(answer.result.value) as NodeJS.MemoryUsage;
    },
    close: () => socket.close(),
  };
}
