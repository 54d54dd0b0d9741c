// Server start on Node.js. On the embedded default the data folder is made before anything opens it;
// one that cannot be made stops the server with one clear line rather than an error on every request.
// Background work that belongs to the server process (the outbox delivery worker, the escalation
// worker) starts here, not as a side effect of opening the database.
import { getDb } from "@/db";
import { DataFolderError, ensureDataFolder, pgliteDirFromEnv } from "@/db/pglite-dir";
import { applyHeapGrowth } from "@/server/heap-growth";
import { startEscalationWorker } from "@/server/escalation/escalation-worker";
import { startOutboxWorker } from "@/server/notify/outbox-worker";

export async function startNodeServer() {
  try {
    applyHeapGrowth();
  } catch (err) {
    console.error(`critical-callout: ${(err as Error).message}`);
    process.exit(1);
  }
  if (!process.env.DATABASE_URL) {
    try {
      ensureDataFolder(pgliteDirFromEnv());
    } catch (err) {
      if (!(err instanceof DataFolderError)) throw err;
      console.error(`critical-callout: ${err.message}`);
      process.exit(1);
    }
  }
  startOutboxWorker(getDb);
  startEscalationWorker(getDb);
}
