// Compliance as a supervisor uses it before an inspection: last month's figures against the target,
// the five slowest callouts (linked to their bills), the Excel export, the breakdown by keyboard, and
// no serious axe finding. Last month's history is written by plain SQL, as another program of the LIS
// would write it: only the database's own triggers put it in the summary. That needs the database,
// so the spec runs on PostgreSQL (E2E_DATABASE_URL, as CI runs it).
import { expect, test } from "@playwright/test";
import ExcelJS from "exceljs";
import postgres from "postgres";
import { expectNoSeriousViolations, loginViaForm } from "../support";

const url = process.env.E2E_DATABASE_URL;
test.skip(!url, "needs E2E_DATABASE_URL to write last month's history as another program would");

const now = new Date();
const lastMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
const at = (day: number, hour: number) => new Date(lastMonth.getTime() + ((day - 1) * 24 + hour) * 3_600_000);
const tag = Math.random().toString(36).slice(2, 7).toUpperCase();
/** Minutes to notification of last month's done reports; null: still open. */
const MINUTES = [3, 4, 5, 5, 6, 8, 9, 12, 15, 20, 25, 30, 45, 60, 75, 95, 130, 185, null];
const slowest: (number | "open")[] = ["open", 185, 130, 95, 75];
const accession = (i: number) => `CMP-${tag}-${String(i).padStart(2, "0")}`;

test.beforeAll(async () => {
  const sql = postgres(url!, { max: 1, onnotice: () => {} });
  try {
    const [patient] = await sql`select id from patients where lab_id = 1 order by id limit 1`;
    const tests = await sql`select id from tests where lab_id = 1 and not is_profile order by id limit 6`;
    for (const [i, minutes] of MINUTES.entries()) {
      const start = at(1 + i, 9 + (i % 10));
      const [bill] = await sql`insert into bills (lab_id, patient_id, accession_no, created_at) values (1, ${patient.id}, ${accession(i)}, ${start}) returning id`;
      const [report] = await sql`insert into lab_reports (lab_id, bill_id, test_id, patient_id, critical_values, sample_collected, sample_collected_at, approved_at, is_approved)
        values (1, ${bill.id}, ${tests[i % tests.length].id}, ${patient.id}, ${minutes === null ? 1 : 2}, true, ${start}, ${start}, true) returning id`;
      if (minutes === null) continue;
      const done = new Date(start.getTime() + minutes * 60_000);
      await sql`insert into critical_callouts (lab_id, bill_id, lab_report_id, is_draft, recipients, created_on, updated_on)
        values (1, ${bill.id}, ${report.id}, false, ${sql.json(["Referral"])}, ${done}, ${done})`;
      const outcome = { code: "reached", person: "Dr. On Call", role: null, read_back: i % 7 !== 0, note: null };
      await sql`insert into activity_logs (lab_id, bill_id, lab_report_id, lab_report_ids, log_category_id, lab_user_name, activity_text, activity_date, dumped_json)
        values (1, ${bill.id}, ${report.id}, ${[report.id]}, 648, 'LIS', 'Callout done by - LIS', ${done}, ${sql.json({ is_draft: false, outcome })})`;
    }
  } finally {
    await sql.end();
  }
});

// The other specs share this database: the open report from last month leaves their worklists
// (dismissed, as the LIS would), so their oldest-first lists start where they expect.
test.afterAll(async () => {
  const sql = postgres(url!, { max: 1, onnotice: () => {} });
  try {
    await sql`update lab_reports set dismissed = true from bills where bills.id = lab_reports.bill_id and bills.accession_no like ${`CMP-${tag}-%`}`;
  } finally {
    await sql.end();
  }
});

test("a supervisor sees last month's figures and the five slowest callouts, and exports them", async ({ page }) => {
  await loginViaForm(page, "support");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Compliance" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Compliance" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Last month" })).toHaveAttribute("aria-current", "page");

  const figures = page.getByRole("region", { name: "Against the target and published benchmarks" });
  await expect(figures.getByText(/Notified within 60 min \(target\)/)).toBeVisible();
  await expect(figures.getByText("Q-Probes 2008 (121 labs): median 5 min", { exact: false })).toBeVisible();
  await expect(figures.getByText("Howanitz 2002", { exact: false })).toBeVisible();

  const five = page.getByRole("list", { name: "The five slowest callouts" }).getByRole("listitem");
  await expect(five).toHaveCount(5);
  await expect(five.nth(0)).toContainText("Still open");
  for (const [i, m] of slowest.entries()) if (typeof m === "number") await expect(five.nth(i)).toContainText(`${m.toFixed(1)} min`);
  await expect(five.nth(1).getByRole("link", { name: `Bill ${accession(MINUTES.indexOf(185))}` })).toBeVisible();

  // Every chart has its table; the charts are real SVG charts once their code has loaded.
  await expect(page.getByRole("img", { name: /Histogram of minutes from result to notification/ })).toBeVisible();
  await expect(page.getByRole("img", { name: /share notified within target per month/ })).toBeVisible();
  await page.getByText("Histogram as a table").click();
  await expect(page.getByRole("table", { name: /by minutes from result to notification/ })).toBeVisible();
  await expectNoSeriousViolations(page, "/compliance");
  await page.screenshot({ path: "e2e/screenshots/compliance.png", fullPage: true });

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export to Excel" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^compliance_.+\.xlsx$/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(await file.path());
  const late = wb.getWorksheet("Out of target")!;
  expect(late.getRow(3).getCell(2).value).toBe(accession(MINUTES.indexOf(185)));
  expect(late.getRow(3).getCell(7).value).toBe(185);

  // The bill of a slow callout is one click away.
  await five.nth(1).getByRole("link").click();
  await expect(page).toHaveURL(/\/bills\/\d+$/);
  await expect(page.getByText(accession(MINUTES.indexOf(185))).first()).toBeVisible();
});

test("the breakdown is chosen by keyboard and kept in the address", async ({ page }) => {
  await loginViaForm(page, "support");
  await page.goto("/compliance");
  const groupBy = page.getByLabel("Break down by");
  await groupBy.focus();
  await groupBy.selectOption("shift");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Show" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/group_by=shift/);
  const table = page.getByRole("table", { name: "Measures by shift" });
  await expect(table.getByRole("rowheader", { name: "Day (07:00–15:00)" })).toBeVisible();
  await expect(table.getByRole("rowheader", { name: "All" })).toBeVisible();
});

test("on a phone (390 px) the figures, charts and slowest callouts fit the screen", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await loginViaForm(page, "support");
  await page.goto("/compliance");
  await expect(page.getByRole("heading", { level: 1, name: "Compliance" })).toBeVisible();
  await expect(page.getByRole("img", { name: /Histogram of minutes from result to notification/ })).toBeVisible();
  await expect(page.getByRole("list", { name: "The five slowest callouts" }).getByRole("listitem")).toHaveCount(5);
  // Nothing pushes the page sideways: a phone user would have to scroll to read a figure.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, "the page is wider than the phone's screen by this many px").toBeLessThanOrEqual(1);
  await page.screenshot({ path: "e2e/screenshots/compliance-phone.png", fullPage: true });
});
