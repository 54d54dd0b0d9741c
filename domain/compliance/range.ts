// The compliance page's date ranges, as calendar days of the lab's time zone ([from, to), to
// exclusive, as the API takes them). Pure.

/** Today's date (YYYY-MM-DD) in a time zone. */
export function todayIn(timeZone: string, now: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

const monthStart = (y: number, m: number) => new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 10);

export interface DayRange {
  from: string;
  to: string;
}

/** The previous calendar month, this month so far (to tomorrow), and the twelve months up to this one. */
export function presetRanges(timeZone: string, now: Date): { lastMonth: DayRange; thisMonth: DayRange; last12Months: DayRange } {
  const today = todayIn(timeZone, now);
  const [y, m] = today.split("-").map(Number);
  const tomorrow = new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return {
    lastMonth: { from: monthStart(y, m - 2), to: monthStart(y, m - 1) },
    thisMonth: { from: monthStart(y, m - 1), to: tomorrow },
    last12Months: { from: monthStart(y, m - 12), to: tomorrow },
  };
}

/** "1–30 November 2026" style text of [from, to). */
export function describeRange(r: DayRange): string {
  const last = new Date(Date.parse(`${r.to}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  return r.from === last ? r.from : `${r.from} to ${last}`;
}
