// The bill page counts and labels reports as the callout dialog lists them (endpoint 1): a pending
// report the dialog leaves out says why instead of "Pending", and "N open critical reports" is the
// dialog's own open count.
// Seed facts (db/seed.ts): bill 291 has, besides its critical reports, a dismissed pending Magnesium
// and an uncollected pending Ionized Calcium; `support` sees every report of it.
import { expect, type Page, test } from "@playwright/test";
import { baseURL } from "../../playwright.config";
import { loginViaForm, warmUpServer } from "../support";

test.beforeAll(({ playwright }) => warmUpServer(playwright, baseURL, "support"));

const billRow = (page: Page, name: string) =>
  page.getByRole("table", { name: /^Reports/ }).getByRole("row").filter({ has: page.getByRole("rowheader", { name }) });
/** The row's "Callout status" cell (after Department). */
const statusCell = (page: Page, name: string) => billRow(page, name).getByRole("cell").nth(1);

test("the header's open count and the status column agree with what the dialog can act on", async ({ page }) => {
  await loginViaForm(page, "support");
  await page.goto("/bills/291");
  await expect(statusCell(page, "Magnesium")).toHaveText("Dismissed");
  await expect(statusCell(page, "Ionized Calcium")).toHaveText("Not collected");
  const header = page.getByText(/^\d+ open critical reports?$/);
  const pageOpen = Number((await header.textContent())?.match(/^\d+/)?.[0]);

  await page.getByRole("button", { name: "Critical callout" }).click();
  const dialog = page.getByRole("dialog", { name: "Critical callout" });
  const legend = dialog.getByRole("group", { name: /Reports to call out/ });
  await expect(legend.getByRole("checkbox").first()).toBeVisible();
  const dialogOpen = Number((await legend.getByText(/\d+ open\)/).textContent())?.match(/(\d+) open/)?.[1]);
  expect(pageOpen).toBe(dialogOpen);
  // Neither left-out report is offered in the dialog; every report it offers has a Pending,
  // Attempted or Done row on the page.
  for (const name of ["Magnesium", "Ionized Calcium"]) await expect(legend.getByRole("checkbox", { name, exact: true })).toHaveCount(0);
  const offered = await legend.getByRole("checkbox").evaluateAll((boxes) => boxes.map((b) => (b as HTMLInputElement).labels?.[0]?.textContent ?? ""));
  await page.keyboard.press("Escape");
  for (const name of offered) await expect(statusCell(page, name), name).toHaveText(/^(Pending|Attempted|Done)$/);
  const openRows = await page.getByRole("table", { name: /^Reports/ }).getByRole("cell", { name: /^(Pending|Attempted)$/ }).count();
  expect(openRows).toBe(pageOpen);
});
