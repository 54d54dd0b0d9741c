// Installs tools/ (the linter, FHIR validation for the tests, mutation testing) when it is missing
// or its lockfile changed. They are kept out of the app's own install: together they are more than
// half of node_modules' bytes, and a newcomer's `npm ci` only needs what runs the app.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

const tools = join(import.meta.dirname, "..", "tools");
const installed = join(tools, "node_modules", ".package-lock.json");
const wanted = JSON.parse(readFileSync(join(tools, "package-lock.json"), "utf8")).packages;

function upToDate() {
  if (!existsSync(installed)) return false;
  const have = JSON.parse(readFileSync(installed, "utf8")).packages;
  // Optional entries are other platforms' binaries (Biome's per-OS builds): absent by design.
  return Object.entries(wanted).every(([path, p]) => path === "" || p.optional || have[path]?.version === p.version);
}

if (!upToDate()) {
  console.error("tools: installing the linter, FHIR validation and mutation testing into tools/node_modules");
  try {
    execFileSync("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], { cwd: tools, stdio: "inherit" });
  } catch {
    console.error("tools: npm ci in tools/ failed (its output is above)");
    process.exit(1);
  }
}
