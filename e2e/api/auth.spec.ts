// Sessions over HTTP (DESIGN §3): login, me, logout, the Origin rule for writes, and 401 in the error
// envelope from every endpoint without a valid session.
import { expect, test } from "@playwright/test";
import { DEFAULT_NOTIFY_SETTINGS } from "@/contracts/settings";
import {
  type ApiCase,
  BASE_URL,
  type Cookies,
  expectCase,
  expectError,
  loginAll,
  PASSWORD,
  send,
  sessionPair,
} from "../api-support";

const JSON_TYPE = { "content-type": "application/json" };
const good = { username: "support", password: PASSWORD };

// ---- POST /auth/login ----
const loginCases: ApiCase[] = [
  { name: "right password", method: "POST", path: "/auth/login", body: good, status: 200 },
  { name: "username is trimmed", method: "POST", path: "/auth/login", body: { username: "  tech2 ", password: PASSWORD }, status: 200 },
  { name: "wrong password", method: "POST", path: "/auth/login", body: { username: "support", password: "demo12345" }, status: 401, code: "unauthorized" },
  { name: "password differs in case", method: "POST", path: "/auth/login", body: { username: "tech", password: "DEMO1234" }, status: 401, code: "unauthorized" },
  { name: "unknown user", method: "POST", path: "/auth/login", body: { username: "nobody-here", password: PASSWORD }, status: 401, code: "unauthorized" },
  { name: "empty object", method: "POST", path: "/auth/login", body: {}, status: 400, code: "bad_request" },
  { name: "missing password", method: "POST", path: "/auth/login", body: { username: "tech" }, status: 400, code: "bad_request" },
  { name: "blank username", method: "POST", path: "/auth/login", body: { username: "   ", password: PASSWORD }, status: 400, code: "bad_request" },
  { name: "empty password", method: "POST", path: "/auth/login", body: { username: "tech", password: "" }, status: 400, code: "bad_request" },
  { name: "password not a string", method: "POST", path: "/auth/login", body: { username: "tech", password: 1234 }, status: 400, code: "bad_request" },
  { name: "unknown extra field", method: "POST", path: "/auth/login", body: { ...good, remember: true }, status: 400, code: "bad_request" },
  { name: "username over 100 chars", method: "POST", path: "/auth/login", body: { username: "u".repeat(101), password: PASSWORD }, status: 400, code: "bad_request" },
  { name: "password over 200 chars", method: "POST", path: "/auth/login", body: { username: "tech", password: "p".repeat(201) }, status: 400, code: "bad_request" },
  { name: "JSON array body", method: "POST", path: "/auth/login", body: [good], status: 400, code: "bad_request" },
  { name: "JSON null body", method: "POST", path: "/auth/login", raw: "null", headers: JSON_TYPE, status: 400, code: "bad_request" },
  { name: "malformed JSON", method: "POST", path: "/auth/login", raw: '{"username": "tech",', headers: JSON_TYPE, status: 400, code: "bad_request" },
  { name: "empty body", method: "POST", path: "/auth/login", raw: "", headers: JSON_TYPE, status: 400, code: "bad_request" },
  { name: "text/plain content type", method: "POST", path: "/auth/login", raw: JSON.stringify(good), headers: { "content-type": "text/plain" }, status: 400, code: "bad_request" },
  { name: "no content type", method: "POST", path: "/auth/login", raw: JSON.stringify(good), status: 400, code: "bad_request" },
  {
    name: "body over 64 kB",
    method: "POST",
    path: "/auth/login",
    raw: JSON.stringify({ username: "support", password: "x".repeat(70_000) }),
    headers: JSON_TYPE,
    status: 413,
    code: "payload_too_large",
  },
  { name: "no Origin", method: "POST", path: "/auth/login", body: good, origin: null, status: 403, code: "forbidden" },
  { name: "foreign Origin", method: "POST", path: "/auth/login", body: good, origin: "https://evil.example", status: 403, code: "forbidden" },
  { name: "foreign port", method: "POST", path: "/auth/login", body: good, origin: "http://localhost:1", status: 403, code: "forbidden" },
  { name: "Origin: null", method: "POST", path: "/auth/login", body: good, origin: "null", status: 403, code: "forbidden" },
  { name: "Origin not a URL", method: "POST", path: "/auth/login", body: good, origin: "not a url", status: 403, code: "forbidden" },
];

test.describe("POST /auth/login", () => {
  // The sign-in form before its script has loaded posts as a plain HTML form: it is answered with a
  // redirect (to the worklist, or back to the form with a reason), never with a password in a URL.
  for (const [name, password, location, cookie] of [
    ["the right password", PASSWORD, "/worklist", true],
    ["a wrong password", "not-it", "/login?error=unauthorized", false],
  ] as const) {
    test(`303 form post with ${name}`, async ({ request, baseURL }) => {
      const res = await request.post("/auth/login", {
        data: `username=support&password=${encodeURIComponent(password)}`,
        headers: { "content-type": "application/x-www-form-urlencoded", origin: baseURL! },
        maxRedirects: 0,
      });
      expect(res.status()).toBe(303);
      expect(res.headers().location).toBe(location);
      expect(res.headers().location).not.toContain(password);
      expect(res.headersArray().some((h) => h.name.toLowerCase() === "set-cookie")).toBe(cookie);
    });
  }

  for (const c of loginCases) {
    test(`${c.status} ${c.name}`, async ({ request }) => {
      const res = await send(request, c);
      const body = (await expectCase(res, c)) as { user?: { username: string } };
      const setCookie = res.headersArray().filter((h) => h.name.toLowerCase() === "set-cookie");
      if (c.status === 200) {
        expect(body.user?.username).toBe(String((c.body as { username: string }).username).trim());
        expect(setCookie).toHaveLength(1);
        const cookie = setCookie[0].value;
        expect(cookie).toMatch(/^cc_session=[\w-]{40,};/);
        expect(cookie).toMatch(/;\s*HttpOnly/i);
        expect(cookie).toMatch(/;\s*SameSite=Lax/i);
        expect(cookie).toMatch(/;\s*Path=\//i);
        // `next start` runs in production: the cookie is Secure.
        expect(cookie).toMatch(/;\s*Secure/i);
      } else {
        expect(setCookie, "no cookie on a failed login").toHaveLength(0);
      }
    });
  }

  test("a wrong password and an unknown user get the same answer", async ({ request }) => {
    const wrong = await expectError(await send(request, loginCases[2]), 401, "unauthorized");
    const unknown = await expectError(await send(request, loginCases[4]), 401, "unauthorized");
    expect(unknown.error.message).toBe(wrong.error.message);
    expect(Object.keys(unknown.error).sort()).toEqual(Object.keys(wrong.error).sort());
  });

  test("the login answer is the me shape for each kind of user", async ({ request }) => {
    const expected = {
      tech: { kind: "lab_user", labId: 1, docType: null },
      tech2: { kind: "lab_user", labId: 1, docType: null },
      drdept: { kind: "doctor", labId: 1, docType: 0 },
      drref: { kind: "doctor", labId: 1, docType: 2 },
      support: { kind: "support", labId: 1, docType: null },
      support2: { kind: "support", labId: 2, docType: null },
    } as const;
    for (const [username, want] of Object.entries(expected)) {
      const res = await send(request, { method: "POST", path: "/auth/login", body: { username, password: PASSWORD } });
      expect(res.status()).toBe(200);
      const body = await res.json();
      expect(Object.keys(body)).toEqual(["user"]);
      expect(Object.keys(body.user).sort()).toEqual(["displayName", "docType", "id", "kind", "labId", "labName", "username"]);
      expect(body.user).toMatchObject({ username, ...want });
      expect(JSON.stringify(body)).not.toMatch(/password|hash|token/i);
    }
  });
});

// ---- GET /auth/me, POST /auth/logout ----
test.describe("me and logout", () => {
  let cookies: Cookies;
  test.beforeAll(async ({ playwright }) => {
    cookies = await loginAll(playwright, ["tech", "drref", "support2"]);
  });

  const meCases: ApiCase[] = [
    { name: "no session", method: "GET", path: "/auth/me", status: 401, code: "unauthorized" },
    { name: "forged token", method: "GET", path: "/auth/me", session: "cc_session=forged-token-value-0000000000000000000000", status: 401, code: "unauthorized" },
    { name: "empty token", method: "GET", path: "/auth/me", session: "cc_session=", status: 401, code: "unauthorized" },
    { name: "undecodable token", method: "GET", path: "/auth/me", session: "cc_session=%E0%A4%A", status: 401, code: "unauthorized" },
    { name: "tech", method: "GET", path: "/auth/me", session: "tech", status: 200 },
    { name: "drref", method: "GET", path: "/auth/me", session: "drref", status: 200 },
    { name: "support2", method: "GET", path: "/auth/me", session: "support2", status: 200 },
  ];
  for (const c of meCases) {
    test(`GET /auth/me ${c.status} ${c.name}`, async ({ request }) => {
      const res = await send(request, c, cookies);
      const body = (await expectCase(res, c)) as { user?: { username: string } };
      if (c.status === 200) {
        expect(body.user?.username).toBe(c.session);
        expect(res.headers()["cache-control"]).toContain("no-store");
      }
    });
  }

  test("the request context keeps and sends the Secure session cookie over http://localhost (no cookie header needed)", async ({ request }) => {
    const login = await request.post("/auth/login", { data: { username: "tech", password: PASSWORD }, headers: { origin: BASE_URL } });
    expect(login.status()).toBe(200);
    const pair = sessionPair(login);
    const state = await request.storageState();
    expect(state.cookies.find((c) => c.name === "cc_session")).toMatchObject({ httpOnly: true, secure: true, sameSite: "Lax" });
    // No explicit cookie header: the jar sends it.
    const me = await request.get("/auth/me");
    expect(me.status()).toBe(200);
    expect((await me.json()).user.username).toBe("tech");

    // Logout needs the app's Origin like any write; refused, the session lives on.
    await expectError(await request.post("/auth/logout"), 403, "forbidden");
    await expectError(await request.post("/auth/logout", { headers: { origin: "https://evil.example" } }), 403, "forbidden");
    expect((await request.get("/auth/me")).status()).toBe(200);

    const out = await request.post("/auth/logout", { headers: { origin: BASE_URL } });
    expect(out.status()).toBe(200);
    expect(await out.json()).toEqual({ ok: true });
    const cleared = out.headersArray().find((h) => h.name.toLowerCase() === "set-cookie")?.value ?? "";
    expect(cleared).toMatch(/^cc_session=;/);
    expect(cleared).toMatch(/Max-Age=0/i);

    // Whatever the jar did with the clearing cookie, the server-side session is revoked.
    await expectError(await request.get("/auth/me"), 401, "unauthorized");
    await expectError(await request.get("/auth/me", { headers: { cookie: pair } }), 401, "unauthorized");
    await expectError(await request.get("/report/291/critical/records", { headers: { cookie: pair } }), 401, "unauthorized");
    // Logging out twice with the dead cookie is a 401 too.
    await expectError(await request.post("/auth/logout", { headers: { origin: BASE_URL, cookie: pair } }), 401, "unauthorized");
  });

  test("logging out one session leaves the user's other sessions alone", async ({ request }) => {
    const a = sessionPair(await send(request, { method: "POST", path: "/auth/login", body: { username: "drref", password: PASSWORD } }));
    const b = sessionPair(await send(request, { method: "POST", path: "/auth/login", body: { username: "drref", password: PASSWORD } }));
    expect(a).not.toBe(b);
    expect((await send(request, { method: "POST", path: "/auth/logout", session: a })).status()).toBe(200);
    await expectError(await send(request, { method: "GET", path: "/auth/me", session: a }), 401, "unauthorized");
    expect((await send(request, { method: "GET", path: "/auth/me", session: b })).status()).toBe(200);
  });
});

// ---- every endpoint without a valid session ----
const calloutBody = {
  lab_report_ids: [1028],
  is_draft: true,
  recipients: ["Referral"],
  critical_callout_comment: "no session",
  critical_callout_meta: { communication_methods: ["email"] },
};
const settingsBody = DEFAULT_NOTIFY_SETTINGS;
const endpoints: Omit<ApiCase, "name" | "status" | "code">[] = [
  { method: "GET", path: "/auth/me" },
  { method: "POST", path: "/auth/logout" },
  { method: "GET", path: "/report/291/critical/records" },
  { method: "GET", path: "/report/abc/critical/records" },
  { method: "GET", path: "/report/bulk/critical-notification/logs?report_ids=709,710" },
  { method: "GET", path: "/report/bulk/critical-notification/logs?report_ids=abc" },
  { method: "POST", path: "/operation/critical-callout", body: { lab_report_ids: [709] } },
  { method: "POST", path: "/operation/critical-callout", raw: "{not json (body checked only after the session)", headers: { "content-type": "application/json" } },
  { method: "POST", path: "/report/291/critical/callout", body: calloutBody, headers: { "idempotency-key": "no-session-key" } },
  { method: "POST", path: "/report/0/critical/callout", body: {} },
  { method: "GET", path: "/settings/critical-notification" },
  { method: "PUT", path: "/settings/critical-notification", body: settingsBody },
  { method: "GET", path: "/api/worklist" },
  { method: "GET", path: "/api/worklist?tab=done&page=2" },
];
const noSessionCases: ApiCase[] = [
  ...endpoints.map((e) => ({ ...e, name: "no cookie", status: 401, code: "unauthorized" as const })),
  ...endpoints.map((e) => ({
    ...e,
    name: "forged cookie",
    session: "cc_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" as const,
    status: 401,
    code: "unauthorized" as const,
  })),
];

test.describe("every endpoint answers 401 in the envelope without a valid session", () => {
  for (const c of noSessionCases) {
    test(`${c.method} ${c.path}${c.raw ? " (non-JSON body)" : ""} ${c.name}`, async ({ request }) => {
      const res = await send(request, c);
      const body = await expectError(res, 401, "unauthorized");
      // Exactly {error: {code, message, request_id}}: no details on a 401.
      expect(body).toEqual({ error: { code: "unauthorized", message: expect.any(String), request_id: expect.any(String) } });
      expect(res.headers()["cache-control"]).toContain("no-store");
    });
  }

  test("writes without a session and without Origin are refused (403) before the session is looked at", async ({ request }) => {
    for (const e of endpoints.filter((x) => x.method !== "GET")) {
      await expectError(await send(request, { ...e, origin: null }), 403, "forbidden");
      await expectError(await send(request, { ...e, origin: "https://evil.example" }), 403, "forbidden");
    }
  });
});
