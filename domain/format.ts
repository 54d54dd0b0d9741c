// Small formatters shared by pages, messages and the Excel export (pure; safe on server and client).
import type { CriticalParameter } from "@/domain/critical/evaluate";

const MINUTE = 60_000;

/** Elapsed time for a queue: "42 min", "3 h 12 min", "2 d 5 h" (coarser as it grows, as staff read it). */
export function formatAge(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / MINUTE));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ${minutes % 60} min`;
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}

/** "2026-11-20 07:12" (or "…07:12:05" to the second) in UTC; say "UTC" next to it, or use formatUtc. */
export function utcTime(d: Date | string, precision: "minute" | "second" = "minute"): string {
  return new Date(d)
    .toISOString()
    .slice(0, precision === "minute" ? 16 : 19)
    .replace("T", " ");
}

/** "2026-11-20 07:12 UTC": the server does not know the lab's time zone, so say which one this is. */
export function formatUtc(d: Date | string): string {
  return `${utcTime(d)} UTC`;
}

/** "1 report", "3 reports". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "Potassium 7.2 mmol/L HH (ref 3.5 - 5.1)"; text results read "Culture result Growth detected AA". */
export function formatCriticalParameter(p: CriticalParameter): string {
  const value = [p.parameter_name, String(p.value).trim(), p.unit, p.flag].filter(Boolean).join(" ");
  return p.reference_range ? `${value} (ref ${p.reference_range})` : value;
}

/** Lowercase words joined by hyphens, for file names: "Northfield Clinical Laboratory" → "northfield-clinical-laboratory". */
export function slugify(s: string): string {
  return (
    s
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60) || "lab"
  );
}
