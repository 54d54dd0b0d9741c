// Two people on one bill (DESIGN §8), each in their own browser context: each sees the other has the
// callout open, each sees the other's saves within 2 s without a reload, and a save based on what
// the other has since changed is refused and explained, with what was typed kept.
import { type Browser, expect, type Locator, type Page, test } from "@playwright/test";
import { baseURL } from "../../playwright.config";
import { loginViaForm, warmUpServer } from "../support";

const BILL = 291;
const LIVE = { timeout: 2000 };

test.beforeAll(({ playwright }) => warmUpServer(playwright, baseURL, "tech"));

async function signedIn(browser: Browser, username: string): Promise<Page> {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await loginViaForm(page, username);
  await page.goto(`/bills/${BILL}`);
  await expect(page.getByText("Live", { exact: true })).toBeVisible();
  return page;
}

async function openCallout(page: Page): Promise<Locator> {
  await page.getByRole("button", { name: "Critical callout" }).click();
  const dialog = page.getByRole("dialog", { name: "Critical callout" });
  await expect(reportsGroup(dialog).getByRole("checkbox").first()).toBeVisible();
  return dialog;
}

const reportsGroup = (dialog: Locator) => dialog.getByRole("group", { name: /Reports to call out/ });
const commentBox = (dialog: Locator) => dialog.getByRole("textbox", { name: /^Comment/ });
const timeline = (dialog: Locator) => dialog.getByRole("list", { name: "Callouts" });

async function saveAttemptOn(dialog: Locator, test: string, comment: string) {
  await reportsGroup(dialog).getByRole("button", { name: "Clear" }).click();
  await reportsGroup(dialog).getByRole("checkbox", { name: test, exact: true }).check();
  await dialog.getByRole("group", { name: "Recipients" }).getByRole("checkbox", { name: "Referral" }).check();
  await commentBox(dialog).fill(comment);
  await dialog.getByRole("button", { name: "Save attempt" }).click();
}

test("two people on one bill see each other, each other's saves, and never overwrite unseen work", async ({ browser }) => {
  const tech = await signedIn(browser, "tech");
  const support = await signedIn(browser, "support");

  const supportDialog = await openCallout(support);
  const techDialog = await openCallout(tech);
  await expect(techDialog.getByText(/has this callout open since/)).toContainText("Grace Okafor", LIVE);
  await expect(supportDialog.getByText(/has this callout open since/)).toContainText("Asha Patel", LIVE);

  const theirs = `Support: no answer on the ward line (${Date.now()})`;
  await saveAttemptOn(supportDialog, "Complete Blood Count", theirs);
  await expect(supportDialog.getByRole("status").filter({ hasText: "Attempt saved" })).toBeVisible();
  await expect(timeline(techDialog).locator(":scope > li").first()).toContainText(theirs, LIVE);

  // The technician's form was filled before the colleague's save: saving it is refused and explained.
  const mine = `Tech: paged the resident (${Date.now()})`;
  await saveAttemptOn(techDialog, "Complete Blood Count", mine);
  await expect(techDialog.getByRole("alert")).toContainText(/changed/);
  await expect(techDialog.getByRole("alert")).toContainText("Grace Okafor");
  await expect(commentBox(techDialog)).toHaveValue(mine);
  // Having been shown the change, the same save now goes through, and the colleague sees it.
  await techDialog.getByRole("button", { name: "Save attempt" }).click();
  await expect(techDialog.getByRole("status").filter({ hasText: "Attempt saved" })).toBeVisible();
  await expect(timeline(supportDialog).locator(":scope > li").first()).toContainText(mine, LIVE);

  // Closing the dialog ends the presence the other one sees.
  await support.keyboard.press("Escape");
  await expect(techDialog.getByText(/has this callout open since/)).toBeHidden(LIVE);

  // The bill page behind the dialog followed too, without a reload.
  await tech.keyboard.press("Escape");
  const row = tech.getByRole("table", { name: /^Reports/ }).getByRole("row").filter({ has: tech.getByRole("rowheader", { name: "Complete Blood Count" }) });
  await expect(row).toContainText("Attempted");
});

test("the worklist follows a colleague's write within 2 s, without a reload", async ({ browser, playwright }) => {
  const tech = await signedIn(browser, "tech");
  // The colleague works through the API, as another program of the lab might.
  const colleague = await playwright.request.newContext({ baseURL });
  await colleague.post("/auth/login", { data: { username: "support", password: "demo1234" }, headers: { origin: baseURL } });
  const records = await (await colleague.get(`/report/${BILL}/critical/records`)).json();
  type Entry = { lab_report: { labReportId: number; criticalValues: number; reportID: { departmentName: string } } };
  const open = (records.reports as Entry[]).find((r) => r.lab_report.reportID.departmentName === "Hematology" && [1, 4].includes(r.lab_report.criticalValues));
  expect(open, "an open Hematology report on the bill").toBeTruthy();
  const accession = (await tech.getByText(/^Accession/).textContent())?.match(/Accession\s+(\S+)/)?.[1];
  expect(accession).toBeTruthy();

  await tech.goto(`/worklist?q=${accession}`);
  await expect(tech.getByText("Live", { exact: true })).toBeVisible();
  const row = tech.getByRole("row").filter({ hasText: accession! });
  await expect(row).toBeVisible();
  const doneBefore = Number((await row.textContent())?.match(/Done (\d+)/)?.[1] ?? 0);

  const res = await colleague.post(`/report/${BILL}/critical/callout`, {
    headers: { origin: baseURL },
    data: {
      lab_report_ids: [open!.lab_report.labReportId],
      is_draft: false,
      recipients: [],
      critical_callout_comment: "worklist follows",
      critical_callout_meta: { communication_methods: [], already_notified: { phone_call: { name: "RN Ward 4", contact: "555-0104", read_back: true } } },
    },
  });
  expect(res.status()).toBe(201);
  await expect(row).toContainText(`Done ${doneBefore + 1}`, LIVE);
  await colleague.dispose();
});
