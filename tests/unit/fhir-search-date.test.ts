// FHIR date search values as the instants they bound: a date covers its whole precision (UTC).
import { describe, expect, it } from "vitest";
import { intersectBounds, parseDateSearch } from "../../domain/fhir/search-date";

const iso = (b: ReturnType<typeof parseDateSearch>) => b && { from: b.from?.toISOString(), to: b.to?.toISOString() };

describe("parseDateSearch", () => {
  it("reads a day, a month and a year as the interval they cover", () => {
    expect(iso(parseDateSearch("2026-10-05"))).toEqual({ from: "2026-10-05T00:00:00.000Z", to: "2026-10-06T00:00:00.000Z" });
    expect(iso(parseDateSearch("eq2026-12"))).toEqual({ from: "2026-12-01T00:00:00.000Z", to: "2027-01-01T00:00:00.000Z" });
    expect(iso(parseDateSearch("2026"))).toEqual({ from: "2026-01-01T00:00:00.000Z", to: "2027-01-01T00:00:00.000Z" });
  });

  it("applies the prefixes: ge/gt from the start/end, le/lt up to the end/start", () => {
    expect(iso(parseDateSearch("ge2026-10-05"))).toEqual({ from: "2026-10-05T00:00:00.000Z", to: undefined });
    expect(iso(parseDateSearch("gt2026-10-05"))).toEqual({ from: "2026-10-06T00:00:00.000Z", to: undefined });
    expect(iso(parseDateSearch("le2026-10-05"))).toEqual({ from: undefined, to: "2026-10-06T00:00:00.000Z" });
    expect(iso(parseDateSearch("lt2026-10-05"))).toEqual({ from: undefined, to: "2026-10-05T00:00:00.000Z" });
  });

  it("reads a time with its zone, to its precision", () => {
    expect(iso(parseDateSearch("ge2026-10-05T12:30:00+02:00"))).toEqual({ from: "2026-10-05T10:30:00.000Z", to: undefined });
    expect(iso(parseDateSearch("2026-10-05T12:30Z"))).toEqual({ from: "2026-10-05T12:30:00.000Z", to: "2026-10-05T12:31:00.000Z" });
  });

  it("refuses what is not a date: no day 30 in February, a time without zone, another prefix", () => {
    for (const v of ["2026-02-30", "2026-13", "2026-10-05T12:30", "ne2026-10-05", "yesterday", ""]) expect(parseDateSearch(v), v).toBeNull();
  });

  it("ANDs several values to the narrowest bounds", () => {
    const b = intersectBounds([parseDateSearch("ge2026-10-01")!, parseDateSearch("ge2026-10-03")!, parseDateSearch("lt2026-11")!, parseDateSearch("lt2026-10-20")!]);
    expect(iso(b)).toEqual({ from: "2026-10-03T00:00:00.000Z", to: "2026-10-20T00:00:00.000Z" });
  });
});
