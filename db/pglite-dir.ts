// The embedded database's data folder: where it is, and making sure it exists before PGlite opens it
// (PGlite creates only the last path segment, so a fresh clone without `.data/` would fail).
import { mkdirSync, statSync } from "node:fs";
import path from "node:path";

export const DEFAULT_PGLITE_DIR = ".data/pglite";

/** The folder named by PGLITE_DIR, else the default, as an absolute path. */
export function pgliteDirFromEnv(env: Record<string, string | undefined> = process.env): string {
  // The folder is chosen at run time; the build must not trace the whole project because of it.
  return path.resolve(/*turbopackIgnore: true*/ env.PGLITE_DIR || DEFAULT_PGLITE_DIR);
}

/** Thrown when the data folder cannot be created: its message is one line naming the folder and the cause. */
export class DataFolderError extends Error {
  constructor(
    readonly folder: string,
    cause: string,
  ) {
    super(`Cannot create the embedded database folder ${folder}: ${cause}`);
    this.name = "DataFolderError";
  }
}

const CAUSES: Record<string, string> = {
  EACCES: "permission denied",
  EPERM: "permission denied",
  EROFS: "the file system is read-only",
  EEXIST: "a file is in the way",
  ENOTDIR: "a file is in the way",
  ENOSPC: "no space left on the device",
};

/** Creates the folder with its parents (a no-op when it exists); throws DataFolderError otherwise. */
export function ensureDataFolder(folder: string): string {
  const absolute = path.resolve(/*turbopackIgnore: true*/ folder);
  try {
    mkdirSync(absolute, { recursive: true });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? "";
    throw new DataFolderError(absolute, CAUSES[code] ?? (err as Error).message);
  }
  // mkdir succeeds on an existing path only when it is a folder, but a race or a symlink may still fool it.
  if (!statSync(absolute).isDirectory()) throw new DataFolderError(absolute, "a file is in the way");
  return absolute;
}
