// FHIR date search values (`sent=ge2026-03-01`, `_lastUpdated=lt2026-03-01T12:00:00Z`): a prefix and a
// date of any precision, read as the interval the value covers. Dates without a time are UTC days.

export const DATE_PREFIXES = ["eq", "gt", "lt", "ge", "le"] as const;
export type DatePrefix = (typeof DATE_PREFIXES)[number];

/** Instants bounding a search: `from` inclusive, `to` exclusive; either may be open. */
export interface DateBounds {
  from?: Date;
  to?: Date;
}

const VALUE = /^(eq|gt|lt|ge|le)?(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2}))?)?)?$/;

/** The interval [start, end) that a date of that precision covers, or null when it is no date. */
function interval(m: RegExpExecArray): { start: Date; end: Date } | null {
  const [, , y, mo, d, h, mi, s, frac, zone] = m;
  const year = Number(y);
  if (h !== undefined) {
    const iso = `${y}-${mo}-${d}T${h}:${mi}:${s ?? "00"}${frac ?? ""}${zone}`;
    const start = new Date(iso);
    if (Number.isNaN(start.getTime())) return null;
    const stepMs = frac ? 1 : s ? 1000 : 60_000;
    return { start, end: new Date(start.getTime() + stepMs) };
  }
  const month = mo === undefined ? 0 : Number(mo) - 1;
  const day = d === undefined ? 1 : Number(d);
  const start = new Date(Date.UTC(year, month, day));
  if (start.getUTCMonth() !== month || start.getUTCDate() !== day) return null; // 2026-02-30
  const end = d !== undefined ? new Date(Date.UTC(year, month, day + 1)) : mo !== undefined ? new Date(Date.UTC(year, month + 1, 1)) : new Date(Date.UTC(year + 1, 0, 1));
  return { start, end };
}

/** The bounds one search value sets, or null when it is not a FHIR date search value. */
export function parseDateSearch(value: string): DateBounds | null {
  const m = VALUE.exec(value);
  if (!m) return null;
  const range = interval(m);
  if (!range) return null;
  const prefix = (m[1] ?? "eq") as DatePrefix;
  switch (prefix) {
    case "eq":
      return { from: range.start, to: range.end };
    case "ge":
      return { from: range.start };
    case "gt":
      return { from: range.end };
    case "le":
      return { to: range.end };
    case "lt":
      return { to: range.start };
  }
}

/** Several values of one parameter are ANDed: the narrowest bounds they all allow. */
export function intersectBounds(all: DateBounds[]): DateBounds {
  const out: DateBounds = {};
  for (const b of all) {
    if (b.from && (!out.from || b.from > out.from)) out.from = b.from;
    if (b.to && (!out.to || b.to < out.to)) out.to = b.to;
  }
  return out;
}
