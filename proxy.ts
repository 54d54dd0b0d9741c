// Security headers on every document. Pages get a strict, nonce-based Content-Security-Policy (no
// 'unsafe-inline' scripts): Next reads the nonce from the request's CSP header and puts it on its
// own scripts, so a fresh nonce per request is enough. Pages are dynamic anyway (they need a session).
import { type NextRequest, NextResponse } from "next/server";

export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const dev = process.env.NODE_ENV !== "production";
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // Inline styles only (React style attributes); no inline scripts.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${dev ? " ws:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", csp);
  return response;
}

export const config = {
  // Documents only. Static assets carry no HTML, and the JSON routes (/api, /auth, /fhir, /report,
  // /operation, /settings) need no nonce: next.config.ts gives them a fixed `default-src 'none'`
  // policy instead, which spares every API call the proxy's hop (~30% of the framework's floor,
  // bench/NOTES.md). /api/docs is a page, so it keeps the nonce.
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico|api/|auth/|fhir/|report/|operation/|settings/).*)" }, { source: "/api/docs" }],
};
