// Helpers for the `api` project (status and error tables over real HTTP against `next start`):
// sessions per demo user, one table row → one request, and the error-envelope check.
//
// Sessions: Playwright's APIRequestContext does keep and send the Secure, httpOnly session cookie over
// http://localhost (auth.spec.ts proves it with the cookie jar of the `request` fixture). The tables
// still send an explicit `cookie` header per row, so one test can act as several users through the
// same `request` fixture without the jars getting mixed.
import { type APIRequestContext, type APIResponse, expect, type PlaywrightWorkerArgs } from "@playwright/test";
import type { ErrorCode } from "@/domain/errors";

export const PASSWORD = "demo1234";
export const BASE_URL = `http://localhost:${Number(process.env.E2E_PORT ?? 3200)}`;

export const USERS = ["tech", "tech2", "drdept", "drref", "support", "support2", "rd.raman"] as const;
export type User = (typeof USERS)[number];
export type Cookies = Record<User, `cc_session=${string}`>;

export type Method = "GET" | "POST" | "PUT" | "DELETE";

/** One row of a table: a request and what must come back. */
export interface ApiCase {
  name: string;
  method: Method;
  path: string;
  /** Whose session cookie to send; absent or null: none. A string starting with "cc_session=" is sent as is. */
  session?: User | null | `cc_session=${string}`;
  /** Sent as JSON (Playwright sets content-type: application/json). */
  body?: unknown;
  /** Sent verbatim instead of `body`; give a content-type in `headers` when one is wanted. */
  raw?: string | Buffer;
  headers?: Record<string, string>;
  /** Writes send `origin: BASE_URL` unless this overrides it; null sends no Origin at all. */
  origin?: string | null;
  status: number;
  /** The error code expected when status ≥ 400. */
  code?: ErrorCode;
}

const WRITES = new Set<Method>(["POST", "PUT", "DELETE"]);

/** Logs every user in once (a throwaway context each) and returns the `cc_session=…` pair to send. */
export async function loginAll(playwright: PlaywrightWorkerArgs["playwright"], users: readonly User[] = USERS): Promise<Cookies> {
  const cookies = {} as Cookies;
  for (const u of users) {
    const ctx = await playwright.request.newContext({ baseURL: BASE_URL });
    try {
      const res = await ctx.post("/auth/login", { data: { username: u, password: PASSWORD }, headers: { origin: BASE_URL } });
      expect(res.status(), `login ${u}: ${await res.text()}`).toBe(200);
      cookies[u] = sessionPair(res);
    } finally {
      await ctx.dispose();
    }
  }
  return cookies;
}

/** The `cc_session=<token>` pair of a login response's Set-Cookie. */
export function sessionPair(res: APIResponse): `cc_session=${string}` {
  const setCookie = res.headersArray().find((h) => h.name.toLowerCase() === "set-cookie")?.value ?? "";
  const pair = setCookie.split(";")[0];
  expect(pair).toMatch(/^cc_session=[\w-]{40,}$/);
  return pair as `cc_session=${string}`;
}

/** Sends one table row through the given request context. */
export function send(request: APIRequestContext, c: Omit<ApiCase, "status" | "name">, cookies?: Partial<Cookies>): Promise<APIResponse> {
  const headers: Record<string, string> = {};
  if (c.session) {
    const pair = c.session.startsWith("cc_session=") ? c.session : cookies?.[c.session as User];
    if (!pair) throw new Error(`no session cookie for ${c.session}`);
    headers.cookie = pair;
  }
  if (WRITES.has(c.method) && c.origin !== null) headers.origin = c.origin ?? BASE_URL;
  Object.assign(headers, c.headers);
  return request.fetch(c.path, {
    method: c.method,
    headers,
    // A raw string goes as a Buffer: Playwright would re-encode a non-JSON string sent as JSON.
    data: c.raw !== undefined ? (typeof c.raw === "string" ? Buffer.from(c.raw, "utf8") : c.raw) : c.body,
    maxRedirects: 0,
  });
}

/** True when a body looks like it carries a stack trace or server file paths. */
export function looksLikeStackTrace(text: string): boolean {
  return (
    (text.includes("at ") && /\.(ts|tsx|js|mjs|cjs):\d/.test(text)) ||
    text.includes("node_modules") ||
    /\n\s+at\s/.test(text) ||
    /"stack"\s*:/.test(text) ||
    text.includes("/.next")
  );
}

export async function expectNoStackTrace(res: APIResponse) {
  const text = await res.text();
  expect(looksLikeStackTrace(text), `stack trace in ${res.url()}: ${text.slice(0, 500)}`).toBe(false);
}

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown; request_id: string };
}

/**
 * The one error envelope of DESIGN §5: `{"error": {"code", "message", "details"?, "request_id"}}`,
 * JSON, the right status, the request id echoed in `x-request-id`, and never a stack trace.
 */
export async function expectError(res: APIResponse, status: number, code: ErrorCode): Promise<ErrorBody> {
  const text = await res.text();
  expect(res.status(), `${res.url()} → ${text.slice(0, 300)}`).toBe(status);
  expect(res.headers()["content-type"] ?? "").toMatch(/^application\/json/);
  expect(looksLikeStackTrace(text), `stack trace: ${text.slice(0, 500)}`).toBe(false);
  const body = JSON.parse(text) as ErrorBody;
  expect(Object.keys(body)).toEqual(["error"]);
  const keys = Object.keys(body.error).sort();
  expect(["code", "message", "request_id"].every((k) => keys.includes(k)), `keys ${keys}`).toBe(true);
  expect(keys.filter((k) => !["code", "message", "request_id", "details"].includes(k))).toEqual([]);
  expect(body.error.code).toBe(code);
  expect(typeof body.error.message).toBe("string");
  expect(body.error.message.length).toBeGreaterThan(0);
  expect(body.error.request_id).toMatch(/^[0-9a-f-]{36}$/);
  expect(res.headers()["x-request-id"]).toBe(body.error.request_id);
  return body;
}

/** Checks a row's answer: the status, and for errors the envelope and code. Returns the parsed body. */
export async function expectCase(res: APIResponse, c: ApiCase): Promise<unknown> {
  if (c.status >= 400) {
    if (!c.code) throw new Error(`case "${c.name}" expects ${c.status} but names no error code`);
    return expectError(res, c.status, c.code);
  }
  const text = await res.text();
  expect(res.status(), `${c.name}: ${text.slice(0, 300)}`).toBe(c.status);
  return text ? JSON.parse(text) : undefined;
}

/** Sends a GET/POST as one user and returns status and parsed JSON, for state snapshots. */
export async function json(request: APIRequestContext, c: Omit<ApiCase, "status" | "name">, cookies: Partial<Cookies>) {
  const res = await send(request, c, cookies);
  const text = await res.text();
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON
  return { status: res.status(), body: (text ? JSON.parse(text) : undefined) as any, res };
}

/** `[1, 2, …, n]` — n distinct valid ids. */
export const range = (n: number, from = 1) => Array.from({ length: n }, (_, i) => i + from);
