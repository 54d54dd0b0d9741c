"use client";
// The current time for clocks on screen, renewed every `everyMs` (30 s: the clocks show whole
// minutes). Starts at the server's `initial` so the first render hydrates unchanged.
import { useEffect, useState } from "react";

export const CLOCK_TICK_MS = 30_000;

export function useNow(initial: number, everyMs = CLOCK_TICK_MS): number {
  const [now, setNow] = useState(initial);
  useEffect(() => {
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
