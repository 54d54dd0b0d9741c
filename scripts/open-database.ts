// Opens DATABASE_URL, or the embedded PGlite folder, for a command-line script. A data folder that
// cannot be created ends the script with one line naming it, instead of a stack trace.
import { connect, type DbHandle } from "../db/connect";
import { DataFolderError, pgliteDirFromEnv } from "../db/pglite-dir";

export async function openDatabaseForScript(script: string): Promise<DbHandle> {
  try {
    return await connect({ url: process.env.DATABASE_URL, pgliteDir: pgliteDirFromEnv() });
  } catch (err) {
    if (!(err instanceof DataFolderError)) throw err;
    console.error(`${script}: ${err.message}`);
    process.exit(1);
  }
}
