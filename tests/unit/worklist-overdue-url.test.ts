// The worklist's Overdue filter in the URL: Pending only, dropped on a tab change, counted as a filter.
import { describe, expect, it } from "vitest";
import { applyChanges, hasFilters, paramsOf } from "../../client/worklist-url";
import { worklistQuerySchema } from "../../contracts/worklist";

describe("overdue in the worklist URL", () => {
  it("is kept on Pending and dropped on Done", () => {
    expect(paramsOf(worklistQuerySchema.parse({ overdue: "1" }))).toEqual({ overdue: "1" });
    expect(paramsOf(worklistQuerySchema.parse({ tab: "done", overdue: "1" }))).toEqual({ tab: "done" });
  });

  it("goes with a tab change, and back to page 1 when set", () => {
    expect(applyChanges({ overdue: "1", page: "3" }, { tab: "done" })).toEqual({ tab: "done" });
    expect(applyChanges({ page: "3" }, { overdue: "1" })).toEqual({ overdue: "1" });
  });

  it("counts as a filter, and only 1 is a value", () => {
    expect(hasFilters({ overdue: "1" })).toBe(true);
    expect(worklistQuerySchema.safeParse({ overdue: "true" }).success).toBe(false);
    expect(worklistQuerySchema.parse({ overdue: "" }).overdue).toBeUndefined();
  });
});
