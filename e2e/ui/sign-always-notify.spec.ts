// Signing on the bill page, with the lab's always_notify off and on (DESIGN §6).
// Seed facts (db/seed.ts), bills no other spec uses:
// - lab 1 (always_notify = 0, user `support`): bill 214 has aPTT pending (critical_values 1), unsigned;
// - lab 2 (always_notify = 1, mandatory comments, user `support2`): bill 390 has Phosphorus and
//   Platelet Count pending and unsigned; bill 352 has Blood Culture pending and 2 more, all unsigned.
// The API side (200 / 409 callout_required / sign-all exempt) is covered by tests/integration.
import { expect, type Locator, type Page, test } from "@playwright/test";
import { baseURL } from "../../playwright.config";
import { loginViaForm, expectNoSeriousViolations, warmUpServer } from "../support";

const SCREENSHOTS = "e2e/screenshots";
const CALLOUT_REQUIRED = "This report has critical values. Record the callout first; it will be signed when the callout is marked done.";

test.beforeAll(({ playwright }) => warmUpServer(playwright, baseURL, "support"));

const billTable = (page: Page) => page.getByRole("table", { name: /^Reports/ });
const billRow = (page: Page, test: string) => billTable(page).getByRole("row").filter({ has: page.getByRole("rowheader", { name: test }) });
const signButton = (page: Page, test: string) => billRow(page, test).getByRole("button", { name: `Sign ${test}` });
const calloutDialog = (page: Page) => page.getByRole("dialog", { name: "Critical callout" });
const reportsGroup = (dialog: Locator) => dialog.getByRole("group", { name: /Reports to call out/ });
const pageStatus = (page: Page) => page.getByRole("status").filter({ hasText: /signed|signing/i });

test("always_notify off: Sign on a pending critical report signs it directly", async ({ page }) => {
  await loginViaForm(page, "support");
  await page.goto("/bills/214");
  await expect(billRow(page, "aPTT")).toContainText("Pending");
  await expect(page.getByText("“Sign all” and auto-approval do not require a callout first")).toBeVisible();
  await expect(page.getByText("This lab requires a done callout")).toHaveCount(0);

  await signButton(page, "aPTT").click();
  await expect(pageStatus(page)).toHaveText("aPTT is signed.");
  await expect(billRow(page, "aPTT")).toContainText("Signed");
  await expect(signButton(page, "aPTT")).toHaveCount(0);
  await expect(calloutDialog(page)).toHaveCount(0);
  // Focus did not fall to <body> with the button that went away.
  expect(await page.evaluate(() => document.activeElement !== document.body)).toBe(true);
  // The callout status is untouched, and the sign is stored (not only shown).
  await expect(billRow(page, "aPTT")).toContainText("Pending");
  await page.reload();
  await expect(billRow(page, "aPTT")).toContainText("Signed");
  await expect(signButton(page, "D-Dimer")).toBeVisible();
});

test("always_notify on: Sign opens the callout first, and signs once the callout is done", async ({ page }) => {
  await loginViaForm(page, "support2");
  await page.goto("/bills/390");
  await expect(page.getByText("This lab requires a done callout before a report with open critical values is signed.")).toBeVisible();

  // 1. Sign is refused: the dialog opens with the reason and the report selected; closing it signs nothing.
  await signButton(page, "Phosphorus").click();
  let dialog = calloutDialog(page);
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("status").filter({ hasText: CALLOUT_REQUIRED })).toContainText("Phosphorus is not signed yet.");
  await expect(reportsGroup(dialog).getByRole("checkbox", { name: "Phosphorus", exact: true })).toBeChecked();
  await expect(reportsGroup(dialog).getByRole("checkbox", { name: "Platelet Count", exact: true })).not.toBeChecked();
  await expectNoSeriousViolations(page, "the callout dialog opened by Sign");
  await page.screenshot({ path: `${SCREENSHOTS}/bill-sign-callout.png` });

  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(signButton(page, "Phosphorus")).toBeFocused();
  await expect(pageStatus(page)).toContainText("Phosphorus was not signed.");
  await expect(pageStatus(page)).toContainText("stays unsigned");
  await expect(billRow(page, "Phosphorus")).not.toContainText("Signed");
  await expect(signButton(page, "Phosphorus")).toBeVisible();

  // 2. Again at once, without a reload, this time the callout is marked done: the sign is retried by
  // itself and goes through.
  await signButton(page, "Phosphorus").click();
  dialog = calloutDialog(page);
  await expect(dialog.getByRole("status").filter({ hasText: CALLOUT_REQUIRED })).toBeVisible();
  await expect(reportsGroup(dialog).getByRole("checkbox", { name: "Phosphorus", exact: true })).toBeChecked();
  await dialog.getByRole("group", { name: "Recipients" }).getByRole("checkbox", { name: "Referral" }).check();
  const channels = dialog.getByRole("group", { name: "Channels" });
  await expect(channels.getByRole("checkbox", { name: "Fax" })).toHaveAccessibleDescription(/recorded, not sent/);
  await channels.getByRole("checkbox", { name: "Email" }).check();
  await channels.getByRole("checkbox", { name: "Fax" }).check();
  await dialog.getByRole("textbox", { name: /^Comment/ }).fill("Dr. Mendoza informed by phone, read back confirmed");
  await dialog.getByRole("button", { name: "Mark as done" }).click();

  await expect(dialog.getByRole("status").filter({ hasText: "Callout done and Phosphorus signed." })).toBeVisible();
  await expect(billRow(page, "Phosphorus")).toContainText("Signed");
  await expect(billRow(page, "Phosphorus")).toContainText("Done");
  // Nothing claims the fax went out: there is no fax provider.
  const newest = dialog.getByRole("list", { name: "Callouts" }).locator(":scope > li").first();
  await expect(newest).toContainText("Fax to Dr. Carlos Mendoza: not sent, no provider configured");
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(pageStatus(page)).toHaveText("Callout done and Phosphorus signed.");
  await expect(billRow(page, "Phosphorus")).toContainText("Signed");
  await page.screenshot({ path: `${SCREENSHOTS}/bill-sign.png`, fullPage: true });

  // The other pending report was not part of it: still unsigned and still needing its own callout.
  await page.reload();
  await expect(billRow(page, "Phosphorus")).toContainText("Signed");
  await expect(signButton(page, "Platelet Count")).toBeVisible();
});

test("always_notify on: “Sign all” signs without a callout, as in the original; the page passes axe", async ({ page }) => {
  await loginViaForm(page, "support2");
  await page.goto("/bills/352");
  await expect(billRow(page, "Blood Culture")).toContainText("Pending");
  await expect(page.getByText("“Sign all” and auto-approval do not require a callout first, as in the original system.")).toBeVisible();
  await expectNoSeriousViolations(page, "the bill page with its sign controls");

  await page.getByRole("button", { name: "Sign all" }).click();
  await expect(pageStatus(page)).toHaveText("Signed 3 reports with “Sign all”.");
  await expect(calloutDialog(page)).toHaveCount(0);
  for (const test of ["aPTT", "Platelet Count", "Blood Culture"]) await expect(billRow(page, test)).toContainText("Signed");
  await expect(billTable(page).getByRole("button", { name: /^Sign / })).toHaveCount(0);
  await expect(billRow(page, "Blood Culture")).toContainText("Pending");
  await expect(page.getByRole("button", { name: "Sign all" })).toHaveAttribute("aria-disabled", "true");
  await expect(page.getByText("All reports are signed")).toBeVisible();
  await expectNoSeriousViolations(page, "the bill page after “Sign all”");
});
