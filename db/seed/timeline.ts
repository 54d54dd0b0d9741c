// The demo's clock. The plan is laid out over a week before `now` (bills, collection, approval and
// callout gaps in realistic minutes), then every instant is drawn toward `now` by one factor when it
// is written, so that open critical results are minutes to hours old on first start. One monotone map
// keeps every order the plan made (bill, report, log and callout ids follow time), whatever `now` is.

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** The plan's week is shown as the last day: a 7-day-old plan instant reads as 24 h old. */
const COMPRESSION = 7;

export interface Timeline {
  /** "Now" of the demo, epoch ms: the plan's instants are all before it. */
  now: number;
  /** The instant written to the database for a plan instant. */
  shown(planMs: number): Date;
}

export function timeline(now: Date): Timeline {
  const end = now.getTime();
  if (!Number.isFinite(end)) throw new Error("seed: now is not a valid date");
  return { now: end, shown: (planMs) => new Date(Math.round(end - (end - planMs) / COMPRESSION)) };
}

export function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
