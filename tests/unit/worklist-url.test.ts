// The worklist's URL state and formatters: pure helpers shared by the server page and the filter bar.
import { describe, expect, it } from "vitest";
import { worklistQuerySchema } from "../../contracts/worklist";
import { STATUS_LABEL } from "../../domain/critical/status";
import { formatAge, formatCriticalParameter, formatUtc, slugify } from "../../domain/format";
import { applyChanges, exportHref, hasFilters, paramsOf, pickParams, toSearch, worklistHref } from "../../client/worklist-url";

describe("worklist URL state", () => {
  it("keeps only worklist keys, first value of repeated ones", () => {
    expect(pickParams({ tab: "done", q: ["a", "b"], page: "", utm: "x" })).toEqual({ tab: "done", q: "a" });
  });

  it("canonicalizes a parsed query: defaults and a Done tab's status dropped", () => {
    const q = worklistQuerySchema.parse({ tab: "done", status: "attempted", page: "1", department: "3" });
    expect(paramsOf(q)).toEqual({ tab: "done", department: "3" });
  });

  it("goes back to page 1 on any change but a page change", () => {
    const current = { department: "2", page: "3", sort: "accession" };
    expect(applyChanges(current, { q: "lopez" })).toEqual({ department: "2", q: "lopez", sort: "accession" });
    expect(applyChanges(current, { page: "4" })).toEqual({ department: "2", page: "4", sort: "accession" });
    expect(worklistHref(current, { page: "1" })).toBe("/worklist?department=2&sort=accession");
  });

  it("drops status and sort when the tab changes, not when the same tab is chosen", () => {
    expect(applyChanges({ status: "pending", sort: "oldest", from: "2026-11-01" }, { tab: "done" })).toEqual({ tab: "done", from: "2026-11-01" });
    expect(applyChanges({ status: "pending", sort: "patient" }, { tab: "pending" })).toEqual({ status: "pending", sort: "patient" });
  });

  it("writes every set key of a Pending query, and only those", () => {
    const q = worklistQuerySchema.parse({ status: "attempted", department: "3", from: "2026-11-01", to: "2026-11-20", q: "lopez", sort: "accession", page: "2" });
    expect(paramsOf(q)).toEqual({ department: "3", status: "attempted", from: "2026-11-01", to: "2026-11-20", q: "lopez", sort: "accession", page: "2" });
    expect(paramsOf(worklistQuerySchema.parse({}))).toEqual({});
  });

  it("leaves empty values out of the URL", () => {
    expect(toSearch({ q: "", department: "2" })).toBe("?department=2");
    expect(applyChanges({ department: "2" }, { department: "" })).toEqual({});
    expect(toSearch({})).toBe("");
  });

  it("says whether a filter narrows the list (tab, sort and page do not)", () => {
    expect(hasFilters({ tab: "done", sort: "newest", page: "2" })).toBe(false);
    for (const key of ["department", "status", "from", "to", "q"] as const) expect(hasFilters({ [key]: "x" }), key).toBe(true);
  });

  it("exports the same filters and sort without the page", () => {
    expect(exportHref({ tab: "done", q: "a b", page: "2", sort: "newest" })).toBe("/api/worklist/export?tab=done&q=a+b&sort=newest");
    expect(exportHref({})).toBe("/api/worklist/export");
  });
});

describe("worklist formatters", () => {
  it.each([
    [0, "0 min"],
    [59 * 60_000, "59 min"],
    [60 * 60_000, "1 h 0 min"],
    [(23 * 60 + 59) * 60_000, "23 h 59 min"],
    [24 * 3_600_000, "1 d 0 h"],
    [(3 * 60 + 12) * 60_000, "3 h 12 min"],
    [(2 * 24 + 5) * 3_600_000 + 59_000, "2 d 5 h"],
    [-5_000, "0 min"],
  ])("formats an age of %i ms as %s", (ms, text) => {
    expect(formatAge(ms)).toBe(text);
  });

  it("says which time zone a timestamp is in", () => {
    expect(formatUtc("2026-11-20T07:12:59.000Z")).toBe("2026-11-20 07:12 UTC");
  });

  it("reads a critical parameter as staff write it", () => {
    const base = { parameter_id: 1, critical_range: "", unit: "mmol/L" };
    expect(formatCriticalParameter({ ...base, parameter_name: "Potassium", value: 7.2, reference_range: "3.5 - 5.1", flag: "HH" })).toBe(
      "Potassium 7.2 mmol/L HH (ref 3.5 - 5.1)",
    );
    expect(formatCriticalParameter({ ...base, unit: "", parameter_name: "Culture result", value: "Growth detected", reference_range: "", flag: "AA" })).toBe(
      "Culture result Growth detected AA",
    );
  });

  it("trims a text value and labels each status", () => {
    const base = { parameter_id: 1, critical_range: "", unit: "", reference_range: "", flag: "AA" as const };
    expect(formatCriticalParameter({ ...base, parameter_name: "Growth", value: "  Growth detected " })).toBe("Growth Growth detected AA");
    expect([STATUS_LABEL[1], STATUS_LABEL[4], STATUS_LABEL[2]]).toEqual(["Pending", "Attempted", "Done"]);
  });

  it("slugs lab names for file names", () => {
    expect(slugify("--Lab  North--")).toBe("lab-north");
    expect(slugify("É".repeat(80))).toBe("e".repeat(60));
    expect(slugify("Northfield Clinical Laboratory")).toBe("northfield-clinical-laboratory");
    expect(slugify("Labo Médical — Sainte-Anne")).toBe("labo-medical-sainte-anne");
    expect(slugify("!!!")).toBe("lab");
  });
});
