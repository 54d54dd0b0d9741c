// Before the page's script has loaded (a slow link, a blocked chunk) the sign-in form must still post:
// the password goes in the body, never into a URL, a history entry or an access log.
import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, warmUpServer } from "../support";

test.use({ javaScriptEnabled: false });

test.beforeAll(async ({ playwright, baseURL }) => {
  await warmUpServer(playwright, baseURL!, "tech");
});

test("signs in with JavaScript disabled and no password reaches a URL", async ({ page }) => {
  const urls: string[] = [];
  page.on("request", (req) => urls.push(req.url()));
  await page.goto("/login");
  await page.getByLabel("Username").fill("tech");
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByLabel("Password").press("Enter");
  await expect(page).toHaveURL(/\/worklist$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(urls.length).toBeGreaterThan(1);
  expect(urls.filter((u) => u.includes(DEMO_PASSWORD) || u.includes("password="))).toEqual([]);
});

test("a wrong password comes back to the form with the reason, and not in the URL", async ({ page }) => {
  const urls: string[] = [];
  page.on("request", (req) => urls.push(req.url()));
  const wrong = "wrong-password-xyz";
  await page.goto("/login");
  await page.getByLabel("Username").fill("tech");
  await page.getByLabel("Password").fill(wrong);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/login\?error=unauthorized$/);
  await expect(page.getByRole("alert")).toHaveText("Wrong username or password");
  expect(urls.filter((u) => u.includes(wrong) || u.includes("password="))).toEqual([]);
});
