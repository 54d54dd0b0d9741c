"use client";
// A timestamp in the reader's own time zone. The server does not know it, so the server render (and
// hydration) shows UTC, labelled as such, and the browser swaps in local time right after.

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};
const utc = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export function LocalTime({ iso, className }: { iso: string; className?: string }) {
  const isClient = useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
  const date = new Date(iso);
  const text = isClient
    ? date.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" })
    : `${utc.format(date)} UTC`;
  return (
    <time dateTime={iso} className={className}>
      {text}
    </time>
  );
}
