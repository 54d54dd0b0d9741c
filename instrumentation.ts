// Next calls register() once per server instance, before the first request. The Node.js work lives in
// its own module so that the Edge build never sees Node APIs (the Edge runtime has no database).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startNodeServer } = await import("./instrumentation-node");
  await startNodeServer();
}
