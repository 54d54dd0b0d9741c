// Shared e2e helpers: log in through the real form or API, as a user would.
import AxeBuilder from "@axe-core/playwright";
import { type APIRequestContext, expect, type Page, type PlaywrightWorkerArgs } from "@playwright/test";

export const DEMO_PASSWORD = "demo1234";

export async function loginViaForm(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/worklist/);
}

/** Logs an API context in; Playwright keeps the cookie for later requests of that context. */
export async function loginApi(request: APIRequestContext, baseURL: string, username: string, password = DEMO_PASSWORD) {
  const res = await request.post("/auth/login", { data: { username, password }, headers: { origin: baseURL } });
  expect(res.status()).toBe(200);
}

/** An axe-core scan (WCAG 2.1 A/AA) with no serious or critical violations. */
export async function expectNoSeriousViolations(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(
    serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`),
    `axe on ${what}`,
  ).toEqual([]);
}

/**
 * The first login on a fresh embedded database migrates and seeds it, which can outlast a page
 * assertion's timeout on a busy machine: specs pay that once in beforeAll, with room to spare.
 */
export async function warmUpServer(playwright: PlaywrightWorkerArgs["playwright"], baseURL: string, username: string) {
  const ctx = await playwright.request.newContext({ baseURL });
  try {
    const res = await ctx.post("/auth/login", { data: { username, password: DEMO_PASSWORD }, headers: { origin: baseURL }, timeout: 120_000 });
    expect(res.status()).toBe(200);
  } finally {
    await ctx.dispose();
  }
}
