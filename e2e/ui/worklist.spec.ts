// The worklist as staff use it: tabs, filters kept in the URL (reload, back/forward), pagination, row
// click, the Excel export, scope per login, accessibility. Other suites may change callout statuses in
// the seed while this runs, so counts are compared with each other, not with seed numbers.
import AxeBuilder from "@axe-core/playwright";
import { expect, type Locator, type Page, test } from "@playwright/test";
import ExcelJS from "exceljs";
import { loginViaForm } from "../support";

const tabs = (page: Page) => page.getByRole("navigation", { name: "Worklist tabs" });
/** The count a tab link shows, once it shows one (the link is found by its `Name N` text). */
const countOf = async (link: Locator) => {
  await expect(link).toHaveText(/\d+\s*$/);
  return Number((await link.textContent())?.match(/(\d+)\s*$/)?.[1] ?? Number.NaN);
};
const bodyRows = (page: Page) => page.getByRole("table").locator("tbody tr");
const firstAccessionCell = (page: Page) => bodyRows(page).first().getByRole("cell").nth(1);
const firstAccession = async (page: Page) => (await firstAccessionCell(page).textContent())?.trim() ?? "";
const accessions = async (page: Page) => (await bodyRows(page).locator("td:nth-child(2)").allTextContents()).map((s) => s.trim());
/** The "Bill date (UTC)" cell of the newest bill in the list, read from the list sorted newest first. */
async function newestBillDate(page: Page): Promise<string> {
  const back = page.url();
  await page.goto("/worklist?sort=newest");
  const cell = bodyRows(page).first().locator("td:nth-child(6)");
  await expect(cell).toHaveText(/^\d{4}-\d{2}-\d{2}/);
  const text = ((await cell.textContent()) ?? "").trim();
  await page.goto(back);
  return text;
}

test("the tabs switch between Pending and Done and show their counts", async ({ page }) => {
  await loginViaForm(page, "support");
  const pending = tabs(page).getByRole("link", { name: /^Pending \d+$/ });
  const done = tabs(page).getByRole("link", { name: /^Done \d+$/ });
  await expect(pending).toHaveAttribute("aria-current", "page");
  expect(await countOf(pending)).toBeGreaterThan(0);
  expect(await countOf(done)).toBeGreaterThan(0);
  await expect(page.getByRole("table", { name: /Pending bills/ }).locator("tbody tr").first()).toBeVisible();
  await expect(page.getByRole("table", { name: /Pending bills/ })).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "Critical reports" })).toBeVisible();

  await done.click();
  await expect(page).toHaveURL(/[?&]tab=done/);
  await expect(done).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("table", { name: /Done bills/ })).toBeVisible();
  // A done bill has nothing open: no Pending or Attempted badge, no age column.
  await expect(page.getByRole("table").getByText(/^(Pending|Attempted) \d+$/)).toHaveCount(0);
  await expect(page.getByRole("columnheader", { name: /Waited/ })).toHaveCount(0);
  await expect(page.getByLabel("Status")).toHaveCount(0);

  await pending.click();
  await expect(page).not.toHaveURL(/tab=/);
  await expect(page.getByLabel("Status")).toBeVisible();
});

test("a filter changes the rows and survives reload and back/forward", async ({ page }) => {
  await loginViaForm(page, "support");
  const pending = tabs(page).getByRole("link", { name: /^Pending \d+$/ });
  const all = await countOf(pending);

  await page.getByLabel("Department").selectOption({ label: "Microbiology" });
  await expect(page).toHaveURL(/[?&]department=\d+/);
  await expect(page.getByRole("table", { name: /matching the filters/ })).toBeVisible();
  // The count changes once the filtered page has rendered: wait for it, do not read it once.
  await expect.poll(() => countOf(pending)).toBeLessThan(all);
  const micro = await countOf(pending);
  expect(micro).toBeGreaterThan(0);

  await page.reload();
  await expect(page.getByLabel("Department")).toHaveValue(/\d+/);
  await expect(page.getByLabel("Department").locator("option:checked")).toHaveText("Microbiology");
  await expect(pending).toHaveText(new RegExp(`^Pending\\s*${micro}$`));

  await page.getByLabel("Status").selectOption({ label: "Attempted" });
  await expect(page).toHaveURL(/status=attempted/);
  await expect(page.getByRole("table").getByText(/^Attempted \d+$/).first()).toBeVisible();
  const attemptedRows = await bodyRows(page).count();
  for (let i = 0; i < attemptedRows; i++) await expect(bodyRows(page).nth(i).getByText(/^Attempted \d+$/)).toBeVisible();

  await page.goBack();
  await expect(page).not.toHaveURL(/status=/);
  await expect(page.getByLabel("Status")).toHaveValue("");
  await page.goBack();
  await expect(page).not.toHaveURL(/department=/);
  await expect(page.getByLabel("Department")).toHaveValue("");
  await expect(pending).toHaveText(new RegExp(`^Pending\\s*${all}$`));
  await page.goForward();
  await expect(page).toHaveURL(/department=\d+/);
  await expect(page.getByLabel("Department").locator("option:checked")).toHaveText("Microbiology");
  await expect(pending).toHaveText(new RegExp(`^Pending\\s*${micro}$`));
});

test("search and bill date narrow the list, and Clear filters resets them", async ({ page }) => {
  await loginViaForm(page, "support");
  const pending = tabs(page).getByRole("link", { name: /^Pending \d+$/ });
  const all = await countOf(pending);
  const accession = await firstAccession(page);
  expect(accession).not.toBe("");
  await page.getByLabel("Search patient or accession").fill(accession);
  await expect(page).toHaveURL(new RegExp(`q=${accession}`));
  await expect(bodyRows(page)).toHaveCount(1);
  await expect(bodyRows(page).first()).toContainText(accession);

  await page.getByRole("link", { name: "Clear filters" }).click();
  await expect(page).not.toHaveURL(/q=/);
  await expect(page.getByLabel("Search patient or accession")).toHaveValue("");

  // The seed dates bills relative to the server's first start: filter from the newest bill's day,
  // which keeps some bills and drops most.
  const from = (await newestBillDate(page)).slice(0, 10);
  // Typed before the reloaded page has hydrated, a date changes nothing: type it again until the
  // filter takes it, as a user would.
  await expect(async () => {
    await page.getByLabel("Bill date from").fill("");
    await page.getByLabel("Bill date from").fill(from);
    await expect(page).toHaveURL(new RegExp(`from=${from}`), { timeout: 2000 });
  }).toPass({ timeout: 15_000 });
  await expect.poll(() => countOf(pending)).toBeLessThan(all);
  expect(await countOf(pending)).toBeGreaterThan(0);
  await page.getByRole("link", { name: "Bill date (UTC)" }).click(); // newest first, to read bill dates
  await expect(page).toHaveURL(/sort=newest/);
  const billDates = async () => (await bodyRows(page).locator("td:nth-child(6)").allTextContents()).map((d) => d.trim());
  // Newest first and none before that day, once the sorted page has rendered.
  await expect
    .poll(async () => {
      const dates = await billDates();
      return dates.length > 0 && dates.every((d, i) => d >= from && (i === 0 || dates[i - 1] >= d));
    })
    .toBe(true);
  await page.getByLabel("Bill date from").fill("2030-01-01");
  await expect(page.getByText(/No bills match these filters/)).toBeVisible();
});

test("pages through the list with previous/next links kept in the URL", async ({ page }) => {
  await loginViaForm(page, "support");
  const total = await countOf(tabs(page).getByRole("link", { name: /^Pending \d+$/ }));
  test.skip(total <= 25, "needs more than one page of pending bills");
  const pages = Math.ceil(total / 25);
  const pagination = page.getByRole("navigation", { name: "Pagination" });
  await expect(pagination.getByText(`Page 1 of ${pages}`)).toBeVisible();
  await expect(bodyRows(page)).toHaveCount(25);
  const first = await firstAccession(page);

  await pagination.getByRole("link", { name: "Next" }).click();
  await expect(page).toHaveURL(/[?&]page=2/);
  await expect(pagination.getByText(`Page 2 of ${pages}`)).toBeVisible();
  await expect(firstAccessionCell(page)).not.toHaveText(first);
  const secondPageFirst = await firstAccession(page);
  await page.reload();
  await expect(pagination.getByText(`Page 2 of ${pages}`)).toBeVisible();
  await expect(firstAccessionCell(page)).toHaveText(secondPageFirst);

  await pagination.getByRole("link", { name: "Previous" }).click();
  await expect(pagination.getByText(`Page 1 of ${pages}`)).toBeVisible();
  await expect(firstAccessionCell(page)).toHaveText(first);
});

test("sorting by a column header reorders the rows", async ({ page }) => {
  await loginViaForm(page, "support");
  await expect(bodyRows(page).first()).toBeVisible();
  const byDefault = await accessions(page);
  // The default order (oldest open report first) is not accession order, so sorting must move rows.
  expect(byDefault.length).toBeGreaterThan(1);
  expect(byDefault).not.toEqual([...byDefault].sort());
  // What the server says the first page in accession order is (the page's own session).
  const api = await page.request.get("/api/worklist?sort=accession");
  expect(api.status()).toBe(200);
  const expected = ((await api.json()) as { rows: { accessionNo: string }[] }).rows.map((r) => r.accessionNo);
  expect(expected).toEqual([...expected].sort());

  await page.getByRole("link", { name: "Accession" }).click();
  await expect(page).toHaveURL(/sort=accession/);
  await expect(page.getByRole("columnheader", { name: /Accession/ })).toHaveAttribute("aria-sort", "ascending");
  await expect.poll(() => accessions(page)).toEqual(expected);
});

test("a row click and the accession link open the bill", async ({ page }) => {
  await loginViaForm(page, "support");
  const row = bodyRows(page).first();
  await expect(row.getByRole("cell").first()).toHaveText(/^\s*\d+\s*$/);
  const billId = (await row.getByRole("cell").first().textContent())!.trim();
  await row.getByRole("cell").nth(2).click(); // the patient's name: plain text, not a link
  await expect(page).toHaveURL(new RegExp(`/bills/${billId}$`));
  await page.goBack();
  await expect(page).toHaveURL(/\/worklist/);
  const accession = bodyRows(page).first().getByRole("cell").nth(1).getByRole("link");
  await accession.click();
  await expect(page).toHaveURL(new RegExp(`/bills/${billId}$`));
});

test("each login sees its scope: departments offered and bills listed", async ({ page }) => {
  await loginViaForm(page, "support");
  const supportTotal = await countOf(tabs(page).getByRole("link", { name: /^Pending \d+$/ }));
  await expect(page.getByLabel("Department").getByRole("option", { name: "Microbiology" })).toHaveCount(1);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login$/); // signing out lands on the sign-in page
  await loginViaForm(page, "tech");
  await expect(page.getByLabel("Department").getByRole("option")).toHaveText(["All departments", "Clinical Chemistry", "Hematology"]);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await loginViaForm(page, "drref");
  // A doctor's worklist speaks to a doctor: their open results are "Waiting for callout".
  const drrefTotal = await countOf(tabs(page).getByRole("link", { name: /^Waiting for callout \d+$/ }));
  expect(drrefTotal).toBeLessThan(supportTotal);
});

test("Export to Excel downloads the filtered reports with a Callout Status column", async ({ page }) => {
  await loginViaForm(page, "support");
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export to Excel" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("critical-callouts_northfield-clinical-laboratory_all-dates.xlsx");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(await download.path());
  const sheet = wb.getWorksheet("Critical reports")!;
  const header = (sheet.getRow(1).values as unknown[]).slice(1);
  expect(header).toEqual(expect.arrayContaining(["Bill", "Accession", "Patient", "Test", "Department", "Critical parameters", "Callout Status", "Latest callout (UTC)", "Called out by", "Recipients", "Methods", "Comment"]));
  const statusCol = header.indexOf("Callout Status") + 1;
  const statuses = new Set<string>();
  sheet.eachRow((row, n) => {
    if (n > 1) statuses.add(String(row.getCell(statusCol).value));
  });
  expect(sheet.rowCount).toBeGreaterThan(1);
  expect([...statuses].every((s) => ["Pending", "Attempted", "Done"].includes(s))).toBe(true);
  expect(statuses.has("Pending")).toBe(true);

  // The Done tab's export: every report done, each with its latest callout.
  await tabs(page).getByRole("link", { name: /^Done/ }).click();
  await expect(page).toHaveURL(/tab=done/);
  const doneDownloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export to Excel" }).click();
  const doneWb = new ExcelJS.Workbook();
  await doneWb.xlsx.readFile(await (await doneDownloading).path());
  const doneSheet = doneWb.getWorksheet("Critical reports")!;
  const byCol = header.indexOf("Called out by") + 1;
  expect(doneSheet.rowCount, "the Done export has report rows").toBeGreaterThan(1);
  doneSheet.eachRow((row, n) => {
    if (n === 1) return;
    expect(row.getCell(statusCol).value).toBe("Done");
    expect(String(row.getCell(byCol).value ?? "")).not.toBe("");
  });
});

test("has no serious or critical accessibility violations, and looks right", async ({ page }) => {
  await loginViaForm(page, "support");
  await expect(page.getByRole("table")).toBeVisible();
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`)).toEqual([]);
  await page.screenshot({ path: "e2e/screenshots/worklist.png", fullPage: true });

  await page.goto("/worklist?tab=done");
  const done = await new AxeBuilder({ page }).analyze();
  expect(done.violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);
});
