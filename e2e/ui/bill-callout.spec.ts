// The bill page and the critical callout dialog, driven as a user would (roles and labels).
// Seed facts (db/seed.ts): bill 291 has 10 pending critical reports in 6 departments, of which `tech`
// (Hematology + Clinical Chemistry) sees 5; bill 271 holds an attempted draft; bill 200 was referred
// by another doctor than `drref`; lab 2 (`support2`, bill 561) requires a comment on every callout.
// The server's database is fresh per run, but other spec files may act on the same bills first, so
// no test here assumes a starting status: each sets the selection it needs and checks what follows.
import { expect, type Locator, type Page, test } from "@playwright/test";
import { baseURL } from "../../playwright.config";
import { loginViaForm, expectNoSeriousViolations, warmUpServer } from "../support";

const SCREENSHOTS = "e2e/screenshots";

test.beforeAll(({ playwright }) => warmUpServer(playwright, baseURL, "tech"));

async function openCallout(page: Page): Promise<Locator> {
  await page.getByRole("button", { name: "Critical callout" }).click();
  const dialog = page.getByRole("dialog", { name: "Critical callout" });
  await expect(dialog).toBeVisible();
  // Endpoint 1 has answered once the report checkboxes are there.
  await expect(reportsGroup(dialog).getByRole("checkbox").first()).toBeVisible();
  return dialog;
}

const reportsGroup = (dialog: Locator) => dialog.getByRole("group", { name: /Reports to call out/ });
const reportBox = (dialog: Locator, test: string) => reportsGroup(dialog).getByRole("checkbox", { name: test, exact: true });
const commentBox = (dialog: Locator) => dialog.getByRole("textbox", { name: /^Comment/ });
const timelineEntries = (dialog: Locator) => dialog.getByRole("list", { name: "Callouts" }).locator(":scope > li");
const billTable = (page: Page) => page.getByRole("table", { name: /^Reports/ });
const billRow = (page: Page, test: string) => billTable(page).getByRole("row").filter({ has: page.getByRole("rowheader", { name: test }) });

test("a technician saves an attempt, finds it restored, then marks it done", async ({ page }) => {
  await loginViaForm(page, "tech");
  await page.goto("/bills/291");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  // Only the reports of tech's two departments: the 5 critical ones and a dismissed Magnesium.
  await expect(billTable(page).getByRole("row")).toHaveCount(1 + 6);
  await expect(billRow(page, "Magnesium")).toContainText("dismissed");

  const trigger = page.getByRole("button", { name: "Critical callout" });
  let dialog = await openCallout(page);
  await expect(reportsGroup(dialog).getByRole("checkbox")).toHaveCount(5);

  await reportsGroup(dialog).getByRole("button", { name: "Clear" }).click();
  await reportBox(dialog, "Complete Blood Count").check();
  await reportBox(dialog, "Potassium").check();
  await dialog.getByRole("group", { name: "Recipients" }).getByRole("checkbox", { name: "Referral" }).check();
  await dialog.getByRole("group", { name: "Channels" }).getByRole("checkbox", { name: "Email" }).check();
  const comment = `Voicemail left for Dr. Brennan, callback requested (${Date.now()})`;
  await commentBox(dialog).fill(comment);

  await dialog.getByRole("button", { name: "Save attempt" }).click();
  await expect(dialog.getByRole("status").filter({ hasText: "Attempt saved for 2 reports" })).toBeVisible();
  await expect(timelineEntries(dialog).first()).toContainText("Attempted");
  await expect(timelineEntries(dialog).first()).toContainText(comment);
  await expect(reportsGroup(dialog).getByRole("listitem").filter({ hasText: "Potassium" }).first()).toContainText("Attempted");

  // Esc closes and gives focus back to the button; the server-rendered badges have followed.
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(trigger).toBeFocused();
  await expect(billRow(page, "Complete Blood Count")).toContainText("Attempted");
  await expect(billRow(page, "Potassium")).toContainText("Attempted");

  // Reopened at once, without a reload: the form shows the attempt just saved, not what the
  // dialog's first opening was filled from.
  dialog = await openCallout(page);
  await expect(commentBox(dialog)).toHaveValue(comment);
  await expect(reportBox(dialog, "Complete Blood Count")).toBeChecked();
  await expect(reportBox(dialog, "Potassium")).toBeChecked();
  for (const other of ["Sodium", "Glucose, Fasting", "Troponin I (hs)"]) await expect(reportBox(dialog, other)).not.toBeChecked();
  await expect(dialog.getByRole("group", { name: "Recipients" }).getByRole("checkbox", { name: "Referral" })).toBeChecked();

  await dialog.getByRole("button", { name: "Mark as done" }).click();
  await expect(dialog.getByRole("status").filter({ hasText: "Callout marked as done for 2 reports" })).toBeVisible();
  const newest = timelineEntries(dialog).first();
  await expect(newest).toContainText("Done");
  await expect(newest).toContainText(comment);
  await expect(newest).toContainText("Complete Blood Count, Potassium");
  await expect(billRow(page, "Complete Blood Count")).toContainText("Done");
  await expect(billRow(page, "Potassium")).toContainText("Done");

  // A technician reads the lab's notify configuration but cannot change it.
  await dialog.getByRole("tab", { name: "Notify configuration" }).click();
  await expect(dialog.getByText("only support users (lab supervisors) can change it")).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Save configuration" })).toHaveCount(0);
});

test("a failed save shows the server's message, keeps what was typed, writes nothing, and each click has its own key", async ({ page }) => {
  await loginViaForm(page, "tech");
  // A real 409 from the server: an Idempotency-Key already used, by this user, for another request.
  // The test spends a key on a real attempt, then makes the browser's saves reuse it; the server
  // refuses each and stores nothing.
  const usedKey = crypto.randomUUID();
  const records = await page.request.get("/report/291/critical/records");
  expect(records.status()).toBe(200);
  const reports = (await records.json()).reports as { lab_report: { labReportId: number; criticalValues: number } }[];
  const first = reports.find((r) => [1, 4].includes(r.lab_report.criticalValues));
  if (!first) throw new Error("bill 291 has no open report left for tech");
  const earlierComment = `Earlier attempt under the reused key (${Date.now()})`;
  const earlier = await page.request.post("/report/291/critical/callout", {
    headers: { origin: baseURL, "idempotency-key": usedKey },
    data: {
      lab_report_ids: [first.lab_report.labReportId],
      is_draft: true,
      recipients: [],
      critical_callout_comment: earlierComment,
      critical_callout_meta: { communication_methods: [], notify_to_others: null, already_notified: null },
    },
  });
  expect(earlier.status()).toBe(201);

  // Each save is held until the test has seen the pending state, then sent on with the used key.
  const keys: string[] = [];
  const waiting: ((release: () => void) => void)[] = [];
  const nextSave = () => new Promise<() => void>((resolve) => waiting.push(resolve));
  await page.route("**/report/291/critical/callout", async (route) => {
    const headers = route.request().headers();
    keys.push(headers["idempotency-key"] ?? "");
    const announce = waiting.shift();
    if (!announce) throw new Error("a save the test did not expect");
    await new Promise<void>((release) => announce(release));
    await route.continue({ headers: { ...headers, "idempotency-key": usedKey } });
  });

  await page.goto("/bills/291");
  let dialog = await openCallout(page);
  await expect(commentBox(dialog)).toHaveValue(earlierComment);
  await commentBox(dialog).fill("Line busy");
  const attempt = dialog.getByRole("button", { name: "Save attempt" });
  for (let i = 0; i < 2; i++) {
    const held = nextSave();
    await attempt.click();
    const release = await held;
    await expect(dialog.getByRole("button", { name: "Saving attempt…" })).toBeDisabled();
    await expect(dialog.getByRole("button", { name: "Mark as done" })).toBeDisabled();
    release();
    await expect(dialog.getByRole("alert")).toContainText("This Idempotency-Key was already used for a different request");
    await expect(dialog.getByRole("alert")).toContainText("Your entries are kept");
    await expect(commentBox(dialog)).toHaveValue("Line busy");
  }
  expect(keys).toHaveLength(2);
  expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
  expect(keys[1]).not.toBe(keys[0]);
  expect(keys).not.toContain(usedKey);

  // Nothing was written: reopened, the draft and the newest history entry are the earlier attempt.
  await page.unroute("**/report/291/critical/callout");
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  dialog = await openCallout(page);
  await expect(commentBox(dialog)).toHaveValue(earlierComment);
  await expect(timelineEntries(dialog).first()).toContainText(earlierComment);
  await expect(timelineEntries(dialog).filter({ hasText: "Line busy" })).toHaveCount(0);
});

test("a referral doctor sees 'not found' for a bill he did not refer", async ({ page }) => {
  await loginViaForm(page, "drref");
  const res = await page.goto("/bills/200");
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Bill not found" })).toBeVisible();
  // His own bill opens.
  await page.goto("/bills/291");
  await expect(page.getByRole("button", { name: "Critical callout" })).toBeVisible();
});

test("both actions wait for a comment when the lab requires one", async ({ page }) => {
  await loginViaForm(page, "support2");
  await page.goto("/bills/561");
  const dialog = await openCallout(page);
  // Another spec may already have called these reports out: pick one so only the comment is missing.
  await reportsGroup(dialog).getByRole("checkbox").first().check();
  const attempt = dialog.getByRole("button", { name: "Save attempt" });
  const done = dialog.getByRole("button", { name: "Mark as done" });
  await expect(attempt).toBeDisabled();
  await expect(done).toBeDisabled();
  await expect(dialog.getByText("A comment is required by the lab's notify configuration.")).toBeVisible();
  await commentBox(dialog).fill("Paged the on-call physician");
  await expect(attempt).toBeEnabled();
});

test("the bill page and the open dialog pass axe; screenshots", async ({ page }) => {
  await loginViaForm(page, "support");
  await page.goto("/bills/271");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectNoSeriousViolations(page, "the bill page");
  await page.screenshot({ path: `${SCREENSHOTS}/bill-page.png`, fullPage: true });

  const dialog = await openCallout(page);
  await expect(timelineEntries(dialog).first()).toBeVisible();
  await expectNoSeriousViolations(page, "the callout dialog");
  await page.screenshot({ path: `${SCREENSHOTS}/callout-modal.png` });
  await commentBox(dialog).scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENSHOTS}/callout-modal-form.png` });

  // Tab stays inside the dialog.
  for (let i = 0; i < 40; i++) await page.keyboard.press("Tab");
  expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);

  // Support users may edit the lab's notify configuration.
  await dialog.getByRole("tab", { name: "Notify configuration" }).click();
  await expect(dialog.getByRole("button", { name: "Save configuration" })).toBeVisible();
  await expectNoSeriousViolations(page, "the notify configuration tab");
  await page.screenshot({ path: `${SCREENSHOTS}/notify-configuration.png` });
});
