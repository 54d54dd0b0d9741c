// A database that accepts connections and then never answers (DESIGN §13): every page and API route
// must still answer, with an error, once the request deadline passes, instead of holding the
// browser's tab open. The server reaches PostgreSQL through a TCP proxy here that stops forwarding.
//   npx tsx scripts/faults/page-deadline.ts        (needs a production build)
import net from "node:net";
import { freshDatabase, login, startServer, stopServer } from "./server";

const PORT = Number(process.env.DEADLINE_PORT ?? 3397);
const DEADLINE_MS = 3000;
/** An answer after this is a hang (the deadline plus a busy machine's slack). */
const GIVE_UP_MS = 20_000;
const PATHS = ["/bills/291", "/worklist", "/compliance", "/api/worklist?tab=pending", "/report/291/critical/records"];

let stalled = false;
const sockets = new Set<net.Socket>();
const proxy = net.createServer((client) => {
  const upstream = net.connect(5432, "127.0.0.1");
  for (const s of [client, upstream]) {
    sockets.add(s);
    s.on("error", () => {});
    s.on("close", () => sockets.delete(s));
  }
  client.on("data", (d) => stalled || upstream.write(d));
  upstream.on("data", (d) => stalled || client.write(d));
  client.on("close", () => upstream.destroy());
  upstream.on("close", () => client.destroy());
});
await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
const proxyPort = (proxy.address() as net.AddressInfo).port;

const db = await freshDatabase("cc_deadline");
const server = await startServer(db.url.replace(":5432/", `:${proxyPort}/`), PORT, {
  OUTBOX_WORKER: "0",
  ESCALATION_WORKER: "0",
  SESSION_CACHE_MS: "0",
  REQUEST_TIMEOUT_MS: String(DEADLINE_MS),
});
const problems: string[] = [];
try {
  const cookie = await login(server.baseURL, "tech");
  for (const path of PATHS) {
    const res = await fetch(server.baseURL + path, { headers: { cookie } });
    if (res.status !== 200) problems.push(`${path} answered ${res.status} before the stall`);
  }
  stalled = true;
  for (const path of PATHS) {
    const started = performance.now();
    const res = await fetch(server.baseURL + path, { headers: { cookie }, signal: AbortSignal.timeout(GIVE_UP_MS) }).catch(() => null);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    if (!res) problems.push(`${path} did not answer within ${GIVE_UP_MS / 1000} s of a silent database`);
    else if (path.startsWith("/bills") || path === "/worklist" || path === "/compliance") {
      if (res.status < 500) problems.push(`${path} answered ${res.status}, not an error, with a silent database`);
    } else if (res.status !== 503) problems.push(`${path} answered ${res.status}, not 503`);
    console.log(`silent database: ${path} → ${res?.status ?? "no answer"} after ${seconds} s`);
  }
} finally {
  stalled = false;
  for (const s of sockets) s.destroy();
  await stopServer(server);
  proxy.close();
  await db.drop();
}
if (problems.length) throw new Error(`page deadline failed:\n  ${problems.join("\n  ")}`);
console.log(`every page and API route answered within the deadline (${DEADLINE_MS / 1000} s) of a silent database`);
process.exit(0);
