// Security headers on every response of the production server, and a Secure session cookie.
import { expect, test } from "@playwright/test";

// Documents get a nonce-based policy (proxy.ts); JSON answers a fixed one that allows nothing at all.
const DOCUMENTS = ["/login", "/worklist", "/api/docs"];
const JSON_PATHS = [
  "/auth/me",
  "/report/291/critical/records",
  "/report/bulk/critical-notification/logs?report_ids=x",
  "/api/worklist",
  "/fhir/r4/metadata",
  "/settings/critical-notification",
];

for (const path of [...DOCUMENTS, ...JSON_PATHS]) {
  test(`security headers on ${path}`, async ({ request }) => {
    const res = await request.get(path, { maxRedirects: 0 });
    const h = res.headers();
    expect(h["x-content-type-options"]).toBe("nosniff");
    expect(h["x-frame-options"]).toBe("DENY");
    expect(h["referrer-policy"]).toBe("same-origin");
    expect(h["permissions-policy"]).toContain("camera=()");
    const csp = h["content-security-policy"];
    expect(csp).toContain("frame-ancestors 'none'");
    if (JSON_PATHS.includes(path)) {
      expect(csp.split(";").map((d) => d.trim())).toContain("default-src 'none'");
      expect(csp).not.toContain("script-src");
      return;
    }
    const scriptSrc = csp.split(";").find((d) => d.trim().startsWith("script-src"))!;
    expect(scriptSrc).toMatch(/'nonce-[A-Za-z0-9+/=]{16,}'/);
    expect(scriptSrc).not.toContain("unsafe-inline");
    expect(scriptSrc).not.toContain("unsafe-eval");
  });
}

test("a fresh nonce per response, used on the page's scripts", async ({ request }) => {
  const a = await request.get("/login");
  const b = await request.get("/login");
  const nonce = (r: typeof a) => /'nonce-([^']+)'/.exec(r.headers()["content-security-policy"])![1];
  expect(nonce(a)).not.toBe(nonce(b));
  const html = await a.text();
  expect(html).toContain(`nonce="${nonce(a)}"`);
});

test("the session cookie is httpOnly, SameSite=Lax and Secure in production", async ({ request, baseURL }) => {
  const res = await request.post("/auth/login", { data: { username: "support", password: "demo1234" }, headers: { origin: baseURL! } });
  expect(res.status()).toBe(200);
  const cookie = res.headers()["set-cookie"];
  expect(cookie).toMatch(/HttpOnly/);
  expect(cookie).toMatch(/SameSite=Lax/);
  expect(cookie).toMatch(/Secure/);
});
