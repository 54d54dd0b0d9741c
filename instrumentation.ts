// Runs once when a server starts (next dev, next start). On the embedded default the data folder is
// made before anything opens it, and one that cannot be made stops the server with one clear line
// rather than answering every request with an error.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.DATABASE_URL) return;
  const { DataFolderError, ensureDataFolder, pgliteDirFromEnv } = await import("./db/pglite-dir");
  try {
    ensureDataFolder(pgliteDirFromEnv());
  } catch (err) {
    if (!(err instanceof DataFolderError)) throw err;
    console.error(`critical-callout: ${err.message}`);
    process.exit(1);
  }
}
