// The sign-in form before its script has loaded: a plain HTML form post, answered with a redirect, so
// the password travels in the body and never in a URL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as loginRoute } from "../../app/auth/login/route";
import { GET as meRoute } from "../../app/auth/me/route";
import type { TestDb } from "../support/db";
import { PASSWORD, type Scenario } from "../support/fixtures";
import { call } from "../support/http";
import { openScenario } from "../support/world";

let tdb: TestDb;
let s: Scenario;
beforeAll(async () => {
  ({ tdb, s } = await openScenario());
});
afterAll(() => tdb.dispose());

const FORM = { "content-type": "application/x-www-form-urlencoded" };
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

describe("sign-in by form post", () => {
  it("redirects to the worklist with a session cookie that works", async () => {
    const password = PASSWORD;
    const res = await call(loginRoute, "/auth/login", { headers: FORM, rawBody: form({ username: s.users.tech0.username, password }) });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/worklist");
    const cookie = res.headers.get("set-cookie")!;
    expect(cookie).toMatch(/^cc_session=[\w-]{40,};.*HttpOnly/);
    const me = await call(meRoute, "/auth/me", { cookie: cookie.split(";")[0] });
    expect(me.status).toBe(200);
    expect(me.json.user.username).toBe(s.users.tech0.username);
  });

  it("sends a wrong password back to the form with a reason and without the password", async () => {
    const password = "not-the-password-123";
    const res = await call(loginRoute, "/auth/login", { headers: FORM, rawBody: form({ username: s.users.tech0.username, password }) });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/login?error=unauthorized");
    expect(res.headers.get("set-cookie")).toBeNull();
  });

  it("answers a form with missing or extra fields with the bad-request reason, writing no session", async () => {
    for (const fields of [{ username: s.users.tech0.username }, { username: "a", password: "b", extra: "c" }] as Record<string, string>[]) {
      const res = await call(loginRoute, "/auth/login", { headers: FORM, rawBody: form(fields) });
      expect(res.status).toBe(303);
      expect(res.headers.get("location")).toBe("/login?error=bad_request");
      expect(res.headers.get("set-cookie")).toBeNull();
    }
  });

  it("still refuses a form post from another origin", async () => {
    const res = await call(loginRoute, "/auth/login", {
      headers: FORM,
      origin: "http://evil.example",
      rawBody: form({ username: s.users.tech0.username, password: PASSWORD }),
    });
    expect(res.status).toBe(403);
    expect(res.headers.get("set-cookie")).toBeNull();
  });
});
