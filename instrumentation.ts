// Next calls register() once per server instance, before the first request. Background work that
// belongs to the server process (the outbox delivery worker) starts here, not as a side effect of
// opening the database. The Edge runtime has no database, so only the Node.js runtime starts it.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const [{ getDb }, { startOutboxWorker }] = await Promise.all([import("@/db"), import("@/server/notify/outbox-worker")]);
  startOutboxWorker(getDb);
}
