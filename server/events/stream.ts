// One Server-Sent Events stream (DESIGN §8): the session's share of every bill event, presence of a
// bill's callout, and a comment line every 15 s that keeps proxies from closing an idle stream.
import "server-only";
import { randomUUID } from "node:crypto";
import type { Db } from "@/db/connect";
import { type BillEvent, visibleReportIds } from "@/db/queries/bill-events";
import { joinPresence, leavePresence, listPresence, renewPresence } from "@/db/queries/presence";
import type { SessionContext } from "@/domain/auth/session-context";
import type { CalloutEvent } from "@/contracts/events";
import { log } from "@/server/log";
import { type HubMessage, subscribe } from "./hub";

export const KEEP_ALIVE_MS = 15_000;

export interface EventStreamOptions {
  db: Db;
  session: SessionContext;
  /** Only this bill's events (and its presence); absent: every bill the session may see. */
  billId?: number;
  /** This stream says its user has the bill's callout open. */
  announcePresence: boolean;
  signal: AbortSignal;
}

function frame(event: string, data: unknown, id?: string): string {
  return `${id ? `id: ${id}\n` : ""}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

export function openEventStream(opts: EventStreamOptions): Response {
  const { db, session, billId, announcePresence, signal } = opts;
  const encoder = new TextEncoder();
  const streamId = randomUUID();
  let closed = false;
  let work: Promise<void> = Promise.resolve();
  let unsubscribe: (() => void) | undefined;
  let keepAlive: ReturnType<typeof setInterval> | undefined;
  let write: (text: string) => void = () => {};

  // Messages are handled one after another, so the client sees them in the order they were heard.
  const enqueue = (job: () => Promise<void>) => {
    work = work.then(job).catch((err) => log.warn({ err: String(err), stream: streamId }, "event stream job failed"));
  };
  // Presence is re-read on every change announced for the bill, but sent only when it differs from
  // what this stream last sent (a stream's own arrival changes nothing it shows).
  let lastPresence: string | undefined;
  const sendPresence = async () => {
    if (billId === undefined) return;
    const text = frame("presence", await listPresence(db, session, billId));
    if (text !== lastPresence) write(text);
    lastPresence = text;
  };
  const sendCallout = async (event: BillEvent) => {
    if (billId !== undefined && event.bill_id !== billId) return;
    const ids = await visibleReportIds(db, session, event);
    if (ids.length === 0) return;
    const data: CalloutEvent = { bill_id: event.bill_id, lab_report_ids: ids, kind: event.kind, by: event.by, at: event.at, version: event.version };
    write(frame("callout", data, `${event.bill_id}-${event.version}`));
  };
  const onMessage = (message: HubMessage) => {
    if (message.type === "resync") return enqueue(async () => write(frame("resync", {})));
    if (message.lab_id !== session.labId) return;
    if (message.type === "presence") {
      if (message.bill_id === billId) enqueue(sendPresence);
      return;
    }
    enqueue(() => sendCallout(message));
  };

  const close = () => {
    if (closed) return;
    closed = true;
    clearInterval(keepAlive);
    unsubscribe?.();
    if (announcePresence && billId !== undefined) {
      leavePresence(db, session, billId, streamId).catch((err) => log.warn({ err: String(err) }, "presence not cleared"));
    }
  };

  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      write = (text) => {
        if (closed) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          close();
        }
      };
      signal.addEventListener("abort", close, { once: true });
      write(`retry: 2000\n\n`);
      const stop = await subscribe(onMessage);
      // The client may hang up while the stream is still starting: then nothing may be left behind.
      if (closed) return stop();
      unsubscribe = stop;
      if (announcePresence && billId !== undefined) {
        await joinPresence(db, session, billId, streamId);
        if (closed) return void leavePresence(db, session, billId, streamId).catch(() => {});
      }
      enqueue(sendPresence);
      keepAlive = setInterval(() => {
        write(": keep-alive\n\n");
        if (announcePresence) enqueue(() => renewPresence(db, streamId));
      }, KEEP_ALIVE_MS);
    },
    cancel: close,
  });

  return new Response(body, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-store",
      "x-accel-buffering": "no",
    },
  });
}
