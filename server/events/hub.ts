// One LISTEN per app process, fanned out to the event streams open in it. Every instance listens, so
// a write through any instance reaches subscribers of all of them.
import "server-only";
import { getDbHandle } from "@/db";
import type { DbHandle } from "@/db/connect";
import { BILL_EVENTS_CHANNEL, type WireEvent } from "@/db/queries/bill-events";
import { log } from "@/server/log";

/** `resync`: the listen was re-made after a dropped connection; what was sent meanwhile is unknown. */
export type HubMessage = WireEvent | { type: "resync" };
type Listener = (message: HubMessage) => void;

interface HubState {
  listeners: Set<Listener>;
  handle?: DbHandle;
  listening?: Promise<void>;
}
const globalForHub = globalThis as unknown as { __ccEventHub?: HubState };
globalForHub.__ccEventHub ??= { listeners: new Set() };
const hub: HubState = globalForHub.__ccEventHub;

function dispatch(message: HubMessage) {
  for (const listener of hub.listeners) {
    try {
      listener(message);
    } catch (err) {
      log.warn({ err: String(err) }, "event listener failed");
    }
  }
}

function onPayload(raw: string) {
  try {
    dispatch(JSON.parse(raw) as WireEvent);
  } catch {
    log.warn({ payload: raw.slice(0, 200) }, "unreadable bill event");
  }
}

async function ensureListening(): Promise<void> {
  const handle = await getDbHandle();
  if (hub.handle === handle && hub.listening) return hub.listening;
  hub.handle = handle;
  let first = true;
  const listening = handle
    .listen(BILL_EVENTS_CHANNEL, onPayload, () => {
      if (!first) dispatch({ type: "resync" });
      first = false;
    })
    .then(() => undefined);
  listening.catch(() => {
    if (hub.listening === listening) hub.listening = undefined;
  });
  hub.listening = listening;
  return listening;
}

/** Starts hearing every bill event of this process; returns the function that stops it. */
export async function subscribe(listener: Listener): Promise<() => void> {
  await ensureListening();
  hub.listeners.add(listener);
  return () => {
    hub.listeners.delete(listener);
  };
}

/** Open streams in this process (the README's monitoring section points at it). */
export function subscriberCount(): number {
  return hub.listeners.size;
}
