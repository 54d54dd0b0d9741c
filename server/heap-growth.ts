// How far V8 lets the heap grow past what is live before its next full collection. V8's own rule
// reserves up to about four times the live heap on a busy server: here ~50 MB live became ~225 MB
// reserved and a 370 MB process under a c32 soak. At 1.5x the same soak stays at ~230 MB, for a few
// percent of throughput (bench/NOTES.md, "Server memory").
import { setFlagsFromString } from "node:v8";

export const DEFAULT_HEAP_GROWING_PERCENT = 50;

/** The percent of HEAP_GROWING_PERCENT: unset gives the default, 0 leaves V8's own rule; null when invalid. */
export function heapGrowingPercent(raw: string | undefined): number | null {
  if (raw === undefined || raw.trim() === "") return DEFAULT_HEAP_GROWING_PERCENT;
  const n = Number(raw);
  return Number.isInteger(n) && n >= 0 && n <= 1000 ? n : null;
}

/** Applies it to this process; returns the percent applied (0: V8's own rule). */
export function applyHeapGrowth(raw = process.env.HEAP_GROWING_PERCENT): number {
  const percent = heapGrowingPercent(raw);
  if (percent === null) throw new Error(`HEAP_GROWING_PERCENT must be a whole number from 0 to 1000, not "${raw}"`);
  // V8 reads the flag whenever it sets the next collection's limit, so setting it after start works.
  if (percent > 0) setFlagsFromString(`--heap-growing-percent=${percent}`);
  return percent;
}
