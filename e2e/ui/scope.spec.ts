// Scope as each kind of user sees it on one bill: support sees every department, a technician only
// theirs. Bill 291 (seed): 10 critical reports in 6 departments; `tech` sees Hematology and Clinical
// Chemistry only. Read-only: opens the dialog, saves nothing.
import { expect, test } from "@playwright/test";
import { loginViaForm } from "../support";

async function departmentsInDialog(page: import("@playwright/test").Page) {
  await page.goto("/bills/291");
  await page.getByRole("button", { name: "Critical callout" }).click();
  const dialog = page.getByRole("dialog", { name: "Critical callout" });
  const reports = dialog.getByRole("group", { name: /Reports to call out/ });
  await expect(reports.getByRole("checkbox").first()).toBeVisible();
  return { count: await reports.getByRole("checkbox").count(), text: (await reports.textContent()) ?? "" };
}

test("a support user sees the critical reports of every department of the bill", async ({ page }) => {
  await loginViaForm(page, "support");
  const { count, text } = await departmentsInDialog(page);
  expect(count).toBe(10);
  for (const dept of ["Hematology", "Clinical Chemistry", "Microbiology", "Coagulation"]) expect(text).toContain(dept);
});

test("a technician sees only the reports of their departments", async ({ page }) => {
  await loginViaForm(page, "tech");
  const { count, text } = await departmentsInDialog(page);
  expect(count).toBe(5);
  expect(text).not.toContain("Microbiology");
  expect(text).not.toContain("Coagulation");
});
