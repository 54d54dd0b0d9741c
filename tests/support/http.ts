// Calls route handlers as Next would: a Request, a params promise, cookies in headers.
export const ORIGIN = "http://localhost:3000";

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

export interface CallOptions {
  method?: string;
  /** The Cookie header value of a session, or `Bearer <token>` to send an API token instead. */
  cookie?: string;
  params?: Record<string, string>;
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
  origin?: string | null;
  /** The answer may be an endless event stream: read its status and headers, then hang up. */
  stream?: boolean;
}

/** Puts a session cookie, or an API token (`Bearer …`), on a request's headers. */
export function setCredential(headers: Headers, credential: string | undefined) {
  if (!credential) return;
  if (credential.startsWith("Bearer ")) headers.set("authorization", credential);
  else headers.set("cookie", credential);
}

export async function call(handler: Handler, path: string, opts: CallOptions = {}) {
  const headers = new Headers(opts.headers);
  headers.set("host", "localhost:3000");
  setCredential(headers, opts.cookie);
  const method = opts.method ?? (opts.body !== undefined || opts.rawBody !== undefined ? "POST" : "GET");
  if (method !== "GET" && opts.origin !== null) headers.set("origin", opts.origin ?? ORIGIN);
  let body: string | undefined = opts.rawBody;
  if (opts.body !== undefined) {
    body = JSON.stringify(opts.body);
    if (!headers.has("content-type")) headers.set("content-type", "application/json");
  }
  const res = await handler(new Request(`${ORIGIN}${path}`, { method, headers, body }), {
    params: Promise.resolve(opts.params ?? {}),
  });
  if (opts.stream && res.headers.get("content-type")?.startsWith("text/event-stream")) {
    await res.body?.cancel();
    return { status: res.status, headers: res.headers, json: undefined, text: "" };
  }
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON
  return { status: res.status, headers: res.headers, json: json as any, text };
}
