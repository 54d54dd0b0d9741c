// Starts `next start` for the e2e suite on a fresh database: E2E_DATABASE_URL (migrated and seeded
// by .ci/run) or a new PGlite folder, which the app migrates and seeds on first open.
import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

// The escalation worker would escalate the demo's older open results at start (log rows by System,
// bill versions moving under the specs); the escalation tests drive it themselves. ESCALATION_WORKER=1 keeps it.
const env = { ...process.env, PORT: process.env.E2E_PORT ?? "3200", SHOW_DEMO_LOGINS: "0", ESCALATION_WORKER: process.env.ESCALATION_WORKER ?? "0" };
delete env.DATABASE_URL;
if (process.env.E2E_DATABASE_URL) env.DATABASE_URL = process.env.E2E_DATABASE_URL;
else env.PGLITE_DIR = mkdtempSync(path.join(tmpdir(), "cc-e2e-"));

const child = spawn("npx", ["next", "start", "-p", env.PORT], { env, stdio: "inherit" });
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => child.kill(sig));
child.on("exit", (code) => process.exit(code ?? 0));
