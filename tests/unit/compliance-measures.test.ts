// The pure parts of the compliance measures: rounding, shares, labels, shifts and the page's ranges.
import { describe, expect, it } from "vitest";
import { histogramWidth, monthLabel, pct, round1, shiftsInOrder, weekLabel } from "../../domain/compliance/measures";
import { describeRange, presetRanges, todayIn } from "../../domain/compliance/range";

describe("measures", () => {
  it("rounds shares and minutes to one decimal, and has no share of nothing", () => {
    expect(pct(4, 7)).toBe(57.1);
    expect(pct(2, 3)).toBe(66.7);
    expect(pct(0, 5)).toBe(0);
    expect(pct(0, 0)).toBeNull();
    expect(round1(84.85)).toBe(84.9);
    expect(round1(0.05)).toBe(0.1);
  });

  it("labels months and weeks", () => {
    expect(monthLabel("2026-11")).toBe("November 2026");
    expect(weekLabel("2026-11-16")).toBe("Week of 16 Nov 2026");
  });

  it("orders shifts by start, the last one running past midnight", () => {
    expect(shiftsInOrder([{ name: "Night", start: "23:00" }, { name: "Day", start: "07:00" }, { name: "Evening", start: "15:00" }]).map((s) => s.label)).toEqual([
      "Day (07:00–15:00)",
      "Evening (15:00–23:00)",
      "Night (23:00–07:00)",
    ]);
  });

  it("bins the histogram over twice the target", () => {
    expect(histogramWidth(60)).toBe(10);
    expect(histogramWidth(5)).toBe(1);
  });
});

describe("ranges in the lab's time zone", () => {
  it("takes today from the zone, not from UTC", () => {
    const lateUtc = new Date("2026-11-30T23:30:00Z");
    expect(todayIn("UTC", lateUtc)).toBe("2026-11-30");
    expect(todayIn("Europe/Berlin", lateUtc)).toBe("2026-12-01");
  });

  it("offers last month, this month and the last twelve months, to exclusive", () => {
    const r = presetRanges("Europe/Berlin", new Date("2026-11-30T23:30:00Z")); // 1 Dec in Berlin
    expect(r.lastMonth).toEqual({ from: "2026-11-01", to: "2026-12-01" });
    expect(r.thisMonth).toEqual({ from: "2026-12-01", to: "2026-12-02" });
    expect(r.last12Months).toEqual({ from: "2026-01-01", to: "2026-12-02" }); // twelve months, this one included
    expect(presetRanges("UTC", new Date("2026-01-15T12:00:00Z")).lastMonth).toEqual({ from: "2025-12-01", to: "2026-01-01" });
    expect(describeRange(r.lastMonth)).toBe("2026-11-01 to 2026-11-30");
  });
});
