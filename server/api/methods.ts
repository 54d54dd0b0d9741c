// What Next answers on its own outside the envelope: a method a route does not implement (an empty
// 405) and a path no route serves (the HTML 404 page). A route file exports the methods it lacks from
// `otherMethods` (405 with `Allow`, and OPTIONS listing them); each API prefix has a catch-all route
// from `unknownPath` (404). Both are marked, so the route inventory of the tests leaves them out.
import "server-only";
import { randomUUID } from "node:crypto";
import { ApiError } from "@/domain/errors";
import { handleApiError } from "./handle-error";

type Method = "GET" | "HEAD" | "POST" | "PUT" | "PATCH" | "DELETE" | "OPTIONS";
type Fallback = ((req: Request) => Promise<Response>) & { fallback: true };
type OnError = (err: unknown, requestId: string) => Response | Promise<Response>;

const ALL: Method[] = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

/** True for the handlers made here (405, OPTIONS, unknown paths): not routes of their own. */
export function isFallback(fn: unknown): boolean {
  return typeof fn === "function" && (fn as Partial<Fallback>).fallback === true;
}

function fallback(fn: (req: Request) => Promise<Response>): Fallback {
  return Object.assign(fn, { fallback: true as const });
}

/**
 * The handlers of every method a route does not implement, given the ones it does:
 * `export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET", "POST")`. HEAD is GET's when the
 * route has GET (Next does that), so the Allow list names it then.
 */
export function otherMethods(...implemented: Method[]): Record<Method, Fallback> {
  return otherMethodsWith(handleApiError, ...implemented);
}

/** The same with another error body (FHIR answers OperationOutcome). */
export function otherMethodsWith(onError: OnError, ...implemented: Method[]): Record<Method, Fallback> {
  const allowed = new Set<Method>([...implemented, "OPTIONS"]);
  if (allowed.has("GET")) allowed.add("HEAD");
  const allow = ALL.filter((m) => allowed.has(m));
  const notAllowed = fallback(async (req) => {
    const err = new ApiError("method_not_allowed", `${req.method} is not allowed here; use ${allow.filter((m) => m !== "OPTIONS" && m !== "HEAD").join(" or ")}`);
    err.allow = allow;
    return onError(err, randomUUID());
  });
  const options = fallback(async () => new Response(null, { status: 204, headers: { allow: allow.join(", ") } }));
  return Object.fromEntries(ALL.map((m) => [m, m === "OPTIONS" ? options : notAllowed])) as Record<Method, Fallback>;
}

/** Every method of a catch-all route under an API prefix: 404 in the envelope (or `onError`'s body). */
export function unknownPath(onError: OnError = handleApiError): Record<Method, Fallback> {
  const handler = fallback(async (req) => onError(new ApiError("not_found", `No such endpoint: ${req.method} ${new URL(req.url).pathname}`), randomUUID()));
  return Object.fromEntries(ALL.map((m) => [m, handler])) as Record<Method, Fallback>;
}
