// Runs once when a server starts (next dev, next start). The Node.js work lives in its own module so
// that the Edge build never sees Node APIs.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startNodeServer } = await import("./instrumentation-node");
  await startNodeServer();
}
