// The embedded database folder on a fresh clone: made with its parents; when it cannot be made, one
// line naming the folder and the cause — from the library call and from the scripts a newcomer runs.
import { execFile } from "node:child_process";
import { mkdtempSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { DataFolderError, ensureDataFolder, pgliteDirFromEnv } from "../../db/pglite-dir";

const run = promisify(execFile);
const scratch = () => mkdtempSync(path.join(tmpdir(), "cc-data-folder-"));

describe("ensureDataFolder", () => {
  it("creates the folder and every missing parent", () => {
    const folder = path.join(scratch(), ".data", "nested", "pglite");
    expect(ensureDataFolder(folder)).toBe(folder);
    expect(statSync(folder).isDirectory()).toBe(true);
    expect(ensureDataFolder(folder)).toBe(folder); // a second open finds it
  });

  it("names the folder and says a file is in the way", () => {
    const root = scratch();
    writeFileSync(path.join(root, ".data"), "not a folder");
    const folder = path.join(root, ".data", "pglite");
    expect(() => ensureDataFolder(folder)).toThrow(DataFolderError);
    expect(() => ensureDataFolder(folder)).toThrow(`Cannot create the embedded database folder ${folder}: a file is in the way`);
  });

  it("defaults to .data/pglite under the working folder, and honours PGLITE_DIR", () => {
    expect(pgliteDirFromEnv({})).toBe(path.resolve(".data/pglite"));
    expect(pgliteDirFromEnv({ PGLITE_DIR: "/tmp/x/y" })).toBe("/tmp/x/y");
  });
});

describe("scripts on a folder that cannot be created", () => {
  for (const script of ["db-migrate", "db-seed"]) {
    it(`${script} exits 1 with one line naming the folder`, async () => {
      const root = scratch();
      writeFileSync(path.join(root, "blocker"), "");
      const folder = path.join(root, "blocker", "pglite");
      const { DATABASE_URL: _server, ...inherited } = process.env;
      const env = { ...inherited, PGLITE_DIR: folder };
      const failure = await run("npx", ["tsx", `scripts/${script}.ts`], { env }).then(
        () => null,
        (err: { code: number; stderr: string }) => err,
      );
      expect(failure?.code).toBe(1);
      const lines = failure!.stderr.trim().split("\n");
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(folder);
      expect(lines[0]).toContain("a file is in the way");
    }, 60_000);
  }
});
