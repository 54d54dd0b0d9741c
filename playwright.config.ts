// Two projects, as dub: `api` (status and error tables over HTTP) and `chromium` (user flows in
// Debian's chromium). The server is a production build (`next build && next start`) on a fresh
// database: PostgreSQL when E2E_DATABASE_URL is set (CI), else a new PGlite folder.
import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3200);
export const baseURL = `http://localhost:${port}`;
/** The test SMTP server the acknowledgement spec starts (e2e/ui/acknowledgement.spec.ts); the app mails it. */
export const smtpPort = Number(process.env.E2E_SMTP_PORT ?? port + 1025);

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: { baseURL, trace: "retain-on-failure", screenshot: "only-on-failure" },
  projects: [
    { name: "api", testMatch: "api/**/*.spec.ts" },
    {
      name: "chromium",
      testMatch: "ui/**/*.spec.ts",
      use: {
        ...devices["Desktop Chrome"],
        viewport: { width: 1440, height: 900 },
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
          ],
        },
      },
    },
  ],
  webServer: {
    command: process.env.E2E_SKIP_BUILD ? "node e2e/serve.mjs" : "npm run build && node e2e/serve.mjs",
    url: `${baseURL}/login`,
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
    // Done callouts email through a real SMTP server: the acknowledgement spec listens there (while no
    // spec listens, the outbox worker retries with its backoff, as with any mail server that is down).
    env: { E2E_PORT: String(port), SMTP_URL: `smtp://127.0.0.1:${smtpPort}` },
    stdout: "pipe",
    stderr: "pipe",
  },
});
