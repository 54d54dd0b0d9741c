// The arithmetic of the compliance measures (DESIGN §11) that is not SQL: rounding, percentages,
// group labels, the lab's shifts in clock order and the histogram's bins. Pure, so the page, the
// export and the tests share it.

/** To one decimal, as the clock shows minutes (half away from zero for positive values). */
export const round1 = (x: number) => Math.round(x * 10 + Number.EPSILON * 10) / 10;

/** n of d as a percentage to one decimal; null when there is nothing to take a share of. */
export function pct(n: number, d: number): number | null {
  return d > 0 ? round1((n / d) * 100) : null;
}

export const minutesOrNull = (x: number | string | null | undefined) => (x == null ? null : round1(Number(x)));

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** "2026-11" → "November 2026". */
export function monthLabel(key: string): string {
  const [y, m] = key.split("-").map(Number);
  return `${MONTHS[m - 1] ?? key} ${y}`;
}

/** "2026-11-16" (the week's Monday) → "Week of 16 Nov 2026". */
export function weekLabel(key: string): string {
  const [y, m, d] = key.split("-").map(Number);
  return `Week of ${d} ${(MONTHS[m - 1] ?? "").slice(0, 3)} ${y}`;
}

export interface ShiftDef {
  name: string;
  start: string;
}

/** The shifts by start time, each with its end (the next one's start; the last wraps past midnight). */
export function shiftsInOrder(shifts: readonly ShiftDef[]): { index: number; name: string; start: string; end: string; label: string }[] {
  const sorted = [...shifts].sort((a, b) => a.start.localeCompare(b.start));
  return sorted.map((s, i) => {
    const end = sorted[(i + 1) % sorted.length].start;
    return { index: i, name: s.name, start: s.start, end, label: `${s.name} (${s.start}–${end})` };
  });
}

/** Histogram bins for a target: 12 bins covering twice the target, in whole minutes, then overflow. */
export function histogramWidth(targetMinutes: number): number {
  return Math.max(1, Math.ceil((targetMinutes * 2) / 12));
}
export const HISTOGRAM_BINS = 12;
