"use client";
// Follows GET /api/events (DESIGN §8) with the browser's own EventSource (no library, nothing added to
// the page's weight). EventSource reconnects by itself after a dropped connection; when the server
// refused it outright (a restart answering 503, an expired session) it is opened again after a pause.
// Whatever happened while it was away is unknown, so every reopening counts as "refetch everything".
import { useEffect, useRef, useState } from "react";
import type { CalloutEvent, PresenceList } from "@/contracts/events";

// The stream's data shapes are the server's contracts; type-only, so no zod reaches the page.
export type CalloutEventData = CalloutEvent;
export type PresenceEntry = PresenceList[number];

export interface EventStreamHandlers {
  onCallout?: (event: CalloutEventData) => void;
  onPresence?: (people: PresenceEntry[]) => void;
  /** The stream was away (dropped, refused, or the server lost its own listen): refetch. */
  onResync?: () => void;
}

export type StreamState = "connecting" | "live" | "reconnecting";

const REOPEN_AFTER_MS = 3000;

function parse<T>(event: Event): T | null {
  try {
    return JSON.parse((event as MessageEvent<string>).data) as T;
  } catch {
    return null;
  }
}

export function useEventStream(url: string | null, handlers: EventStreamHandlers): StreamState {
  const latest = useRef(handlers);
  latest.current = handlers;
  const [state, setState] = useState<StreamState>("connecting");
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!url) return;
    const source = new EventSource(url);
    let reopen: ReturnType<typeof setTimeout> | undefined;
    const opened = { before: attempt > 0 };
    source.addEventListener("open", () => {
      if (opened.before) latest.current.onResync?.();
      opened.before = true;
      setState("live");
    });
    source.addEventListener("error", () => {
      setState("reconnecting");
      if (source.readyState === EventSource.CLOSED) reopen = setTimeout(() => setAttempt((n) => n + 1), REOPEN_AFTER_MS);
    });
    source.addEventListener("callout", (e) => {
      const data = parse<CalloutEventData>(e);
      if (data) latest.current.onCallout?.(data);
    });
    source.addEventListener("presence", (e) => {
      const data = parse<PresenceEntry[]>(e);
      if (data) latest.current.onPresence?.(data);
    });
    source.addEventListener("resync", () => latest.current.onResync?.());
    return () => {
      clearTimeout(reopen);
      source.close();
    };
  }, [url, attempt]);

  return state;
}
