// Server start on Node.js. On the embedded default the data folder is made before anything opens it;
// one that cannot be made stops the server with one clear line rather than an error on every request.
import { DataFolderError, ensureDataFolder, pgliteDirFromEnv } from "./db/pglite-dir";

export async function startNodeServer() {
  if (process.env.DATABASE_URL) return;
  try {
    ensureDataFolder(pgliteDirFromEnv());
  } catch (err) {
    if (!(err instanceof DataFolderError)) throw err;
    console.error(`critical-callout: ${err.message}`);
    process.exit(1);
  }
}
