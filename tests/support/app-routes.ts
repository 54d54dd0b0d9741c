// Every handler of every route file under app/, as "METHOD /path" in app/'s own spelling
// (`GET /report/[billId]/critical/records`): what the authorization matrix and the OpenAPI test cover.
// The 405 answers of methods a route lacks and the catch-all 404 routes (server/api/methods.ts) are
// not routes of their own and are left out.
import { readdirSync } from "node:fs";
import path from "node:path";
import { isFallback } from "../../server/api/methods";

const APP = path.resolve(import.meta.dirname, "../../app");
const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];

export async function appRoutes(): Promise<string[]> {
  const files = (readdirSync(APP, { recursive: true }) as string[]).filter((f) => f.split(path.sep).at(-1) === "route.ts");
  const routes: string[] = [];
  for (const file of files) {
    const mod = (await import(path.join(APP, file))) as Record<string, unknown>;
    const url = `/${path.dirname(file).split(path.sep).join("/")}`;
    for (const method of HTTP_METHODS) if (typeof mod[method] === "function" && !isFallback(mod[method])) routes.push(`${method} ${url}`);
  }
  return routes.sort();
}
