// Closing the loop (DESIGN §10): a done callout's email reaches a real SMTP server; its recipient
// follows the link in a phone-sized browser (no login), acknowledges, and the technician's open callout
// dialog shows it within 2 s. A doctor login sees and clears its "To acknowledge" list.
import { once } from "node:events";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { expect, type Page, test } from "@playwright/test";
import { baseURL, smtpPort } from "../../playwright.config";
import { DEMO_PASSWORD, expectNoSeriousViolations, loginViaForm, warmUpServer } from "../support";

// Bill 170: referred by drref (Dr. Michael Brennan), a pending Hematology report the technician sees.
const BILL = 170;
const DOCTOR_EMAIL = "michael.brennan@clinic-mail.example";
const LIVE = { timeout: 2000 };

const inbox: ParsedMail[] = [];
let smtp: SMTPServer;

test.beforeAll(async ({ playwright }) => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, _session, done) {
      simpleParser(stream)
        .then((mail) => inbox.push(mail))
        .then(() => done(), done);
    },
  });
  smtp.listen(smtpPort, "127.0.0.1");
  await once(smtp.server, "listening");
  await warmUpServer(playwright, baseURL, "tech");
});
test.afterAll(() => new Promise<void>((resolve) => smtp.close(() => resolve())));

const toOf = (m: ParsedMail) => (Array.isArray(m.to) ? m.to : m.to ? [m.to] : []).flatMap((a) => a.value.map((v) => v.address));

async function mailTo(address: string, after: number): Promise<ParsedMail> {
  await expect.poll(() => inbox.slice(after).some((m) => toOf(m).includes(address)), { timeout: 30_000 }).toBe(true);
  return inbox.slice(after).find((m) => toOf(m).includes(address))!;
}

async function openCallout(page: Page) {
  await page.getByRole("button", { name: "Critical callout" }).click();
  const dialog = page.getByRole("dialog", { name: "Critical callout" });
  await expect(dialog.getByRole("group", { name: /Reports to call out/ }).getByRole("checkbox").first()).toBeVisible();
  return dialog;
}

test("the referral doctor acknowledges from the emailed link; the technician's open dialog shows it within 2 s", async ({ browser, playwright }) => {
  // The technician calls the result out by email (through the API, as the form would), then keeps the dialog open.
  const api = await playwright.request.newContext({ baseURL });
  expect((await api.post("/auth/login", { data: { username: "tech", password: DEMO_PASSWORD }, headers: { origin: baseURL } })).status()).toBe(200);
  const records = await (await api.get(`/report/${BILL}/critical/records`)).json();
  // Its critical reports (a done one may be called out again, so a second run on one database works too).
  const open = records.reports;
  expect(open.length).toBeGreaterThan(0);
  const sentBefore = inbox.length;
  const callout = await api.post(`/report/${BILL}/critical/callout`, {
    headers: { origin: baseURL },
    data: {
      lab_report_ids: open.map((r: { lab_report: { labReportId: number } }) => r.lab_report.labReportId),
      is_draft: false,
      recipients: ["Referral"],
      critical_callout_comment: "",
      critical_callout_meta: { communication_methods: ["email"] },
    },
  });
  expect(callout.status()).toBe(201);

  const techContext = await browser.newContext({ baseURL });
  const tech = await techContext.newPage();
  await loginViaForm(tech, "tech");
  await tech.goto(`/bills/${BILL}`);
  await expect(tech.getByText("Live", { exact: true })).toBeVisible();
  const dialog = await openCallout(tech);
  const timeline = dialog.getByRole("list", { name: "Callouts" });

  // The message as the SMTP server received it: the link alone on its line.
  const mail = await mailTo(DOCTOR_EMAIL, sentBefore);
  const link = /^(https?:\/\/\S+\/ack\/[A-Za-z0-9_-]{43})$/m.exec(mail.text ?? "")?.[1];
  expect(link, "the email's text carries the acknowledgement link on a line of its own").toBeTruthy();
  expect(new URL(link!).origin).toBe(baseURL);

  // The doctor opens it on a phone: no login, no JavaScript needed.
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, javaScriptEnabled: false });
  const doctor = await phone.newPage();
  const started = Date.now();
  const res = await doctor.goto(link!);
  expect(res?.status()).toBe(200);
  await expect(doctor.getByRole("heading", { name: "Confirm that you received this critical result" })).toBeVisible();
  await expect(doctor.getByText(open[0].lab_report.reportID.testName).first()).toBeVisible();
  await expect(doctor.getByLabel("Your name")).toHaveValue("Dr. Michael Brennan");
  await doctor.screenshot({ path: "e2e/screenshots/acknowledge-page-phone.png", fullPage: true });
  // The same page passes axe (axe runs as a script: a second phone with JavaScript; a visit uses nothing up).
  const scanner = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const scanned = await scanner.newPage();
  await scanned.goto(link!);
  await expectNoSeriousViolations(scanned, "the acknowledgement page");
  await scanner.close();
  await doctor.getByRole("button", { name: "Acknowledge receipt" }).click();
  await expect(doctor.getByRole("heading", { name: "Thank you — receipt acknowledged" })).toBeVisible();
  expect(Date.now() - started).toBeLessThan(60_000);

  // The technician's open dialog shows it, without a reload.
  await expect(timeline.locator(":scope > li").first()).toContainText("Acknowledged", LIVE);
  await expect(timeline.locator(":scope > li").first()).toContainText("Dr. Michael Brennan");

  // The link is single use.
  await doctor.goto(link!);
  await expect(doctor.getByRole("heading", { name: "Already acknowledged" })).toBeVisible();
  await phone.close();
  await techContext.close();
  await api.dispose();
});

test("an unknown link gets its own page, which passes axe too", async ({ browser }) => {
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await phone.newPage();
  const res = await page.goto("/ack/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "This acknowledgement link was not found" })).toBeVisible();
  await expectNoSeriousViolations(page, "the acknowledgement page (unknown link)");
  await phone.close();
});

test("a doctor login sees and clears its To acknowledge list", async ({ page, playwright }) => {
  // Make sure there is something to acknowledge: a done callout to the referral doctor (fax: no email needed).
  const api = await playwright.request.newContext({ baseURL });
  await api.post("/auth/login", { data: { username: "support", password: DEMO_PASSWORD }, headers: { origin: baseURL } });
  const records = await (await api.get("/report/81/critical/records")).json();
  const ids = records.reports.map((r: { lab_report: { labReportId: number } }) => r.lab_report.labReportId);
  const done = await api.post("/report/81/critical/callout", {
    headers: { origin: baseURL },
    data: { lab_report_ids: ids, is_draft: false, recipients: ["Referral"], critical_callout_comment: "", critical_callout_meta: { communication_methods: ["fax"] } },
  });
  expect(done.status()).toBe(201);
  await api.dispose();

  await loginViaForm(page, "drref");
  await expect(page.getByRole("heading", { name: "Your critical results" })).toBeVisible();
  // His own name is not a column of his list.
  await expect(page.getByRole("columnheader", { name: "Referral doctor" })).toHaveCount(0);
  const tab = page.getByRole("navigation", { name: "Worklist tabs" }).getByRole("link", { name: /^To acknowledge \d+$/ });
  await tab.click();
  await expect(page).toHaveURL(/tab=ack/);
  const list = page.getByRole("table");
  const buttons = list.getByRole("button", { name: /^Acknowledge:/ });
  await expect(buttons.first()).toBeVisible();
  const before = await buttons.count();
  for (let i = 0; i < before; i++) {
    await buttons.first().click();
    await expect(buttons).toHaveCount(before - i - 1);
  }
  await expect(page.getByText("Nothing to acknowledge.")).toBeVisible();
  await expect(tab).toHaveAccessibleName("To acknowledge 0");
  await expectNoSeriousViolations(page, "the doctor's To acknowledge tab");
});
