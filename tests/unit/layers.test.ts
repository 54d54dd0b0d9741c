// The layering of the production code (README, Architecture): every import points down the list
// domain → contracts → db → server / client → components → app, and no production file is longer
// than 300 lines. Reads every import of every production file, as text, so a new file is checked
// the moment it exists.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");

/** What each layer may import from this repository (its own folder included). */
const MAY_IMPORT: Record<string, readonly string[]> = {
  domain: ["domain"],
  contracts: ["domain", "contracts"],
  db: ["domain", "contracts", "db"],
  server: ["domain", "contracts", "db", "server"],
  client: ["domain", "contracts", "client"],
  components: ["domain", "contracts", "client", "components"],
  app: ["domain", "contracts", "db", "server", "client", "components", "app"],
  // Next's root hooks: instrumentation.ts (with its Node.js half) starts the server, proxy.ts sets headers.
  root: ["db", "server", "root"],
};

/** Packages a layer may use; a layer not listed may use any. Pure layers stay free of runtimes. */
const MAY_USE_PACKAGES: Record<string, readonly string[]> = {
  domain: ["node:crypto", "node:util"],
  contracts: ["zod"],
  client: ["@tanstack/react-query", "react", "zod"],
};

const MAX_LINES = 300;
/** Generated or data-like files the line limit does not apply to. */
const LINE_LIMIT_EXEMPT = [/^db\/schema\.ts$/, /^db\/migrations\//, /^db\/seed/];

interface SourceFile {
  /** Path from the repository root, with forward slashes. */
  path: string;
  text: string;
}

function layerOf(file: string): string {
  const top = file.split("/")[0];
  return top in MAY_IMPORT ? top : file.includes("/") ? "" : "root";
}

function importSpecifiers(text: string): string[] {
  const specs: string[] = [];
  const patterns = [/\b(?:import|export)\s[^;'"]*?\bfrom\s*["']([^"']+)["']/g, /\bimport\s*["']([^"']+)["']/g, /\bimport\s*\(\s*["']([^"']+)["']\s*\)/g];
  for (const re of patterns) for (const m of text.matchAll(re)) specs.push(m[1]);
  return specs;
}

/** The repository path an import points to, or null for a package. */
function resolveLocal(from: string, spec: string): string | null {
  if (spec.startsWith("@/")) return spec.slice(2);
  if (spec.startsWith(".")) return path.posix.normalize(path.posix.join(path.posix.dirname(from), spec));
  return null;
}

const packageName = (spec: string) => (spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : spec.split("/")[0]);

/** Every broken rule, one line each ("db/x.ts imports server/y (db may import domain, contracts, db)"). */
function layerViolations(files: SourceFile[]): string[] {
  const out: string[] = [];
  for (const f of files) {
    const layer = layerOf(f.path);
    if (!layer) continue;
    for (const spec of importSpecifiers(f.text)) {
      const target = resolveLocal(f.path, spec);
      if (target === null) {
        const allowed = MAY_USE_PACKAGES[layer];
        if (allowed && !allowed.includes(packageName(spec))) out.push(`${f.path} uses package ${spec} (${layer} may use ${allowed.join(", ")})`);
        continue;
      }
      const targetLayer = layerOf(target);
      if (!MAY_IMPORT[layer].includes(targetLayer)) {
        out.push(`${f.path} imports ${target} (${layer} may import ${MAY_IMPORT[layer].join(", ")})`);
      }
    }
    if ((layer === "domain" || layer === "contracts" || layer === "client") && /\bprocess\.env\b/.test(f.text)) {
      out.push(`${f.path} reads process.env (${layer} code gets its configuration from its caller)`);
    }
  }
  return out;
}

function oversizedFiles(files: SourceFile[]): string[] {
  return files
    .filter((f) => !LINE_LIMIT_EXEMPT.some((re) => re.test(f.path)))
    .map((f) => ({ path: f.path, lines: f.text.split("\n").length - (f.text.endsWith("\n") ? 1 : 0) }))
    .filter((f) => f.lines > MAX_LINES)
    .map((f) => `${f.path}: ${f.lines} lines`);
}

function productionFiles(): SourceFile[] {
  const files: SourceFile[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(path.join(ROOT, dir))) {
      const rel = dir ? `${dir}/${name}` : name;
      if (statSync(path.join(ROOT, rel)).isDirectory()) walk(rel);
      else if (/\.(ts|tsx)$/.test(name) && !name.endsWith(".d.ts")) files.push({ path: rel, text: readFileSync(path.join(ROOT, rel), "utf8") });
    }
  };
  for (const dir of Object.keys(MAY_IMPORT).filter((d) => d !== "root")) walk(dir);
  for (const name of ["instrumentation.ts", "proxy.ts"]) files.push({ path: name, text: readFileSync(path.join(ROOT, name), "utf8") });
  return files;
}

describe("layers", () => {
  const files = productionFiles();

  it("reads the production folders", () => {
    const layers = new Set(files.map((f) => layerOf(f.path)));
    expect([...layers].sort()).toEqual(Object.keys(MAY_IMPORT).sort());
    expect(files.length).toBeGreaterThan(100);
  });

  it("has no import that points up or sideways", () => {
    expect(layerViolations(files)).toEqual([]);
  });

  it("has no production file over 300 lines (but the schema, migrations and seed)", () => {
    expect(oversizedFiles(files)).toEqual([]);
  });

  it("catches an upward import, an impure domain file and a long file", () => {
    const bad: SourceFile[] = [
      { path: "db/queries/x.ts", text: 'import { log } from "@/server/log";\nimport { y } from "../../client/y";' },
      { path: "domain/x.ts", text: 'import { eq } from "drizzle-orm";\nconst url = process.env.DATABASE_URL;' },
      { path: "client/x.ts", text: 'export { getDb } from "@/db";\nconst m = await import("@/server/api/handler");' },
      { path: "components/x.tsx", text: 'import "@/app/page";' },
      { path: "server/long.ts", text: "x\n".repeat(301) },
      { path: "db/seed/plan.ts", text: "x\n".repeat(400) },
    ];
    expect(layerViolations(bad)).toEqual([
      "db/queries/x.ts imports server/log (db may import domain, contracts, db)",
      "db/queries/x.ts imports client/y (db may import domain, contracts, db)",
      "domain/x.ts uses package drizzle-orm (domain may use node:crypto, node:util)",
      "domain/x.ts reads process.env (domain code gets its configuration from its caller)",
      "client/x.ts imports db (client may import domain, contracts, client)",
      "client/x.ts imports server/api/handler (client may import domain, contracts, client)",
      "components/x.tsx imports app/page (components may import domain, contracts, client, components)",
    ]);
    expect(oversizedFiles(bad)).toEqual(["server/long.ts: 301 lines"]);
  });
});
