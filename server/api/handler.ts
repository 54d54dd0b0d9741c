// The route wrapper (a small cousin of dub's withWorkspace): checks the origin of writes, loads the
// session, awaits and validates path params, and turns every failure into the one error envelope.
import "server-only";
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { getDb, getDbHandle } from "@/db";
import type { Db } from "@/db/connect";
import { loadTokenSession } from "@/db/queries/api-tokens";
import type { SessionContext } from "@/domain/auth/session-context";
import { ApiError } from "@/domain/errors";
import { lookupSession } from "@/server/auth/session-cache";
import { log } from "@/server/log";
import { parseInput } from "./body";
import { SESSION_COOKIE, readCookie } from "./cookies";
import { withinDeadline } from "./deadline";
import { readFromReplica, readPrimaryCookie } from "@/server/db/read-replica";
import { READ_PRIMARY_COOKIE } from "@/contracts/consistency";
import { handleApiError } from "./handle-error";

type RouteContext = { params: Promise<Record<string, string | string[]>> };

export interface HandlerArgs<P> {
  req: Request;
  params: P;
  db: Db;
  requestId: string;
}

const WRITE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** The app's own origin: scheme and host as the client saw them (a TLS proxy sets x-forwarded-*). */
export function requestOrigin(req: Request): string {
  const url = new URL(req.url);
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host") ?? url.host;
  const proto = req.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() ?? url.protocol.replace(":", "");
  return `${proto}://${host}`;
}

/** State-changing requests must come from the app's own pages (CSRF defence beside SameSite=Lax). */
function assertSameOrigin(req: Request) {
  if (!WRITE_METHODS.has(req.method)) return;
  const origin = req.headers.get("origin");
  if (!origin) throw new ApiError("forbidden", "Missing Origin header");
  let originValue: string;
  try {
    originValue = new URL(origin).origin;
  } catch {
    throw new ApiError("forbidden", "Invalid Origin header");
  }
  const allowed = new Set([requestOrigin(req)]);
  if (process.env.APP_ORIGIN) allowed.add(new URL(process.env.APP_ORIGIN).origin);
  if (!allowed.has(originValue)) throw new ApiError("forbidden", "Cross-origin request refused");
}

function parseParams<S extends z.ZodType>(schema: S | undefined, raw: unknown): z.infer<S> {
  if (!schema) return raw as z.infer<S>;
  return parseInput(schema, raw);
}

/** Requests slower than this are logged at info like refusals and failures; the rest only at debug. */
const SLOW_REQUEST_MS = 1000;

function logRequest(req: Request, res: Response, requestId: string, started: number, userId?: number) {
  // A line per successful request cost ~5% of a busy server's CPU (bench/NOTES.md): at info only
  // what someone would look for (status >= 400, slow answers); every request at LOG_LEVEL=debug.
  const ms = Math.round(performance.now() - started);
  const level = res.status >= 400 || ms >= SLOW_REQUEST_MS ? "info" : "debug";
  if (!log.isLevelEnabled(level)) return res;
  log[level]({ request_id: requestId, method: req.method, path: new URL(req.url).pathname, status: res.status, ms, user_id: userId }, "request");
  return res;
}

function respond(result: unknown, requestId: string, req: Request): Response {
  const res = result instanceof Response ? result : Response.json(result);
  res.headers.set("x-request-id", requestId);
  res.headers.set("cache-control", "no-store");
  // Read-your-writes: after a write its author reads the primary for a while (DESIGN §13).
  const readPrimary = WRITE_METHODS.has(req.method) && res.status < 400 ? readPrimaryCookie() : undefined;
  if (readPrimary) res.headers.append("set-cookie", readPrimary);
  return res;
}

/** A route that needs no session (login). */
export function withPublic<S extends z.ZodType = z.ZodType<Record<string, never>>>(
  handler: (args: HandlerArgs<z.infer<S>>) => Promise<unknown>,
  opts: { params?: S } = {},
) {
  return async (req: Request, ctx?: RouteContext): Promise<Response> => {
    const requestId = randomUUID();
    const started = performance.now();
    try {
      assertSameOrigin(req);
      const params = parseParams(opts.params, ctx ? await ctx.params : {});
      const result = await withinDeadline(async () => handler({ req, params, db: await getDb(), requestId }));
      return logRequest(req, respond(result, requestId, req), requestId, started);
    } catch (err) {
      return logRequest(req, handleApiError(err, requestId), requestId, started);
    }
  };
}

/** The bearer token of an `Authorization` header; undefined when the request carries none. */
function bearerToken(req: Request): string | undefined {
  const header = req.headers.get("authorization");
  if (header == null) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) throw new ApiError("unauthorized", "Authorization must be \"Bearer <token>\"");
  return match[1];
}

/**
 * The request's session: an API token when it sends `Authorization: Bearer`, else the session cookie.
 * A token request skips the Origin check: without a cookie there is nothing for a forged cross-site
 * request to ride on, and a browser cannot add the header cross-site without CORS, which is off.
 */
async function authenticate(req: Request): Promise<{ db: Db; session: SessionContext }> {
  const token = bearerToken(req);
  if (token !== undefined) {
    const db = await getDb();
    const session = await loadTokenSession(db, token);
    if (!session) throw new ApiError("unauthorized", "Unknown or revoked API token");
    return { db, session };
  }
  assertSameOrigin(req);
  const cookie = readCookie(req, SESSION_COOKIE);
  if (!cookie) throw new ApiError("unauthorized", "Sign in to continue");
  // Cached for a few seconds per process, revoked everywhere by the database's notification.
  const handle = await getDbHandle();
  const session = await lookupSession(handle, cookie);
  if (!session) throw new ApiError("unauthorized", "Your session has expired; sign in again");
  return { db: handle.db, session };
}

export interface SessionRouteOptions<S> {
  params?: S;
  /** Turns a failure into the response (FHIR answers OperationOutcome); the error envelope by default. */
  onError?: (err: unknown, requestId: string) => Response | Promise<Response>;
  /**
   * A read-only route that may read the streaming replica (DATABASE_REPLICA_URL): worklist, export,
   * compliance, FHIR searches. The session is still read on the primary; the handler's `db` is the
   * replica unless the request must read the primary (server/db/read-replica.ts).
   */
  replica?: boolean;
}

/** A route that needs a valid session or API token; 401 without one, before anything else is looked at. */
export function withSession<S extends z.ZodType = z.ZodType<Record<string, never>>>(
  handler: (args: HandlerArgs<z.infer<S>> & { session: SessionContext }) => Promise<unknown>,
  opts: SessionRouteOptions<S> = {},
) {
  const onError = opts.onError ?? handleApiError;
  return async (req: Request, ctx?: RouteContext): Promise<Response> => {
    const requestId = randomUUID();
    const started = performance.now();
    let userId: number | undefined;
    try {
      const result = await withinDeadline(async () => {
        const { db, session } = await authenticate(req);
        userId = session.userId;
        const params = parseParams(opts.params, ctx ? await ctx.params : {});
        if (!opts.replica) return handler({ req, params, db, requestId, session });
        const primary = readCookie(req, READ_PRIMARY_COOKIE) !== null;
        return readFromReplica((readDb) => handler({ req, params, db: readDb, requestId, session }), { primary });
      });
      return logRequest(req, respond(result, requestId, req), requestId, started, userId);
    } catch (err) {
      return logRequest(req, await onError(err, requestId), requestId, started, userId);
    }
  };
}
