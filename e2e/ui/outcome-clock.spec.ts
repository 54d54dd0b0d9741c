// Outcomes and the clock (DESIGN §9) as a technician meets them: "no answer" recorded by the one
// click on Save attempt (the outcome is preset), the report's attempt count going up, its clock in
// the report header, the outcome in the timeline, and the worklist's wait against the target.
// Bill 291 (db/seed.ts): `tech` sees its Sodium report; other specs may act on it first, so the
// test reads the count it starts from.
import { expect, test } from "@playwright/test";
import { baseURL } from "../../playwright.config";
import { loginViaForm, warmUpServer } from "../support";

test.beforeAll(({ playwright }) => warmUpServer(playwright, baseURL, "tech"));

test("a technician records no answer in one click and sees the attempt count go up; the clock shows", async ({ page }) => {
  await loginViaForm(page, "tech");
  await page.goto("/bills/291");
  await page.getByRole("button", { name: "Critical callout" }).click();
  const dialog = page.getByRole("dialog", { name: "Critical callout" });
  const reports = dialog.getByRole("group", { name: /Reports to call out/ });
  const sodium = reports.getByRole("checkbox", { name: "Sodium", exact: true });
  await expect(sodium).toBeVisible();
  const item = reports.getByRole("listitem").filter({ has: sodium });
  const count = item.getByTestId("attempt-count");
  await expect(count).toHaveText(/^\d+ attempts?$/);
  const before = Number((await count.textContent())?.match(/\d+/)?.[0]);
  // The clock: waited against the lab's 60-minute target, in words.
  await expect(item.getByTestId("wait-clock")).toContainText(/of 60 min/);
  await expect(item.getByTestId("wait-clock")).toContainText(/left|Overdue by|Notified/);

  await reports.getByRole("button", { name: "Clear" }).click();
  await sodium.check();
  await expect(dialog.getByRole("radio", { name: "No answer" })).toBeChecked();
  await dialog.getByRole("button", { name: "Save attempt" }).click();
  await expect(dialog.getByRole("status").filter({ hasText: /Attempt saved/ })).toBeVisible();
  await expect(count).toHaveText(`${before + 1} attempt${before + 1 === 1 ? "" : "s"}`);
  const newest = dialog.getByRole("list", { name: "Callouts" }).locator(":scope > li").first();
  await expect(newest).toContainText("Attempted");
  await expect(newest).toContainText("No answer");

  await page.keyboard.press("Escape");
  await page.goto("/worklist");
  await expect(page.getByRole("columnheader", { name: /Waited \(target 60 min\)/ })).toBeVisible();
  await expect(page.getByTestId("wait-clock").first()).toContainText(/of 60 min/);
  await page.getByRole("checkbox", { name: "Overdue only" }).check();
  await expect(page).toHaveURL(/overdue=1/);
});
