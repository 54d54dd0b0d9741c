import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as signAllRoute } from "../../app/api/bills/[billId]/sign-all/route";
import { POST as signRoute } from "../../app/api/reports/[reportId]/sign/route";
import { GET as exportRoute } from "../../app/api/worklist/export/route";
import { GET as worklistRoute } from "../../app/api/worklist/route";
import { POST as loginRoute } from "../../app/auth/login/route";
import { POST as logoutRoute } from "../../app/auth/logout/route";
import { GET as meRoute } from "../../app/auth/me/route";
import { POST as auditRoute } from "../../app/operation/critical-callout/route";
import { POST as calloutRoute } from "../../app/report/[billId]/critical/callout/route";
import { GET as recordsRoute } from "../../app/report/[billId]/critical/records/route";
import { GET as logsRoute } from "../../app/report/bulk/critical-notification/logs/route";
import { GET as getSettingsRoute, PUT as putSettingsRoute } from "../../app/settings/critical-notification/route";
import { rawRows } from "../../db/connect";
import { DEFAULT_NOTIFY_SETTINGS } from "../../contracts/settings";
import type { TestDb } from "../support/db";
import { PASSWORD, type Scenario } from "../support/fixtures";
import { call } from "../support/http";
import { loginAs } from "../support/session";
import { openScenario } from "../support/world";

let tdb: TestDb;
let s: Scenario;
beforeAll(async () => {
  ({ tdb, s } = await openScenario());
});
afterAll(() => tdb.dispose());

/** What an unauthenticated write could change: callouts, logs, signatures, statuses, settings. */
async function writableRows() {
  const [row] = await rawRows(
    tdb.db,
    sql`select (select count(*) from critical_callouts) callouts, (select count(*) from activity_logs) logs,
      (select count(*) from lab_reports where is_signed) signed, (select coalesce(sum(id * critical_values), 0) from lab_reports) statuses,
      (select md5(coalesce(string_agg(value::text, ',' order by id), '')) from lab_settings) settings`,
  );
  return row;
}

describe("sessions", () => {
  it("logs in with the right password and sets an httpOnly SameSite cookie", async () => {
    const res = await call(loginRoute, "/auth/login", { body: { username: s.users.tech0.username, password: PASSWORD } });
    expect(res.status).toBe(200);
    expect(res.json.user).toMatchObject({ username: s.users.tech0.username, kind: "lab_user", labId: s.labA.id });
    const cookie = res.headers.get("set-cookie")!;
    expect(cookie).toMatch(/^cc_session=[\w-]{40,};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
  });

  it("refuses a wrong password and an unknown user alike", async () => {
    const wrong = await call(loginRoute, "/auth/login", { body: { username: s.users.tech0.username, password: "nope" } });
    const unknown = await call(loginRoute, "/auth/login", { body: { username: "nobody-here", password: "nope" } });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.json.error.message).toBe(unknown.json.error.message);
    expect(wrong.headers.get("set-cookie")).toBeNull();
  });

  it("rejects a login body that is not the contract", async () => {
    for (const body of [{}, { username: "" , password: "x"}, { username: "a", password: 1 }, { username: "a", password: "b", extra: 1 }]) {
      const res = await call(loginRoute, "/auth/login", { body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.json.error.code).toBe("bad_request");
    }
    const notJson = await call(loginRoute, "/auth/login", { rawBody: "{oops", headers: { "content-type": "application/json" } });
    expect(notJson.status).toBe(400);
  });

  it("caps a chunked body without Content-Length at 64 kB (413) without reading it all", async () => {
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        if (pulled > 10_000) controller.close();
        else controller.enqueue(new Uint8Array(16 * 1024).fill(32));
      },
    });
    const req = new Request("http://localhost:3000/auth/login", {
      method: "POST",
      headers: { origin: "http://localhost:3000", host: "localhost:3000", "content-type": "application/json" },
      body: stream,
      duplex: "half",
    } as RequestInit);
    const res = await loginRoute(req);
    expect(res.status).toBe(413);
    expect(pulled).toBeLessThan(20); // stopped after ~64 kB, not 160 MB
  });

  it("refuses an Origin with the right host but another scheme", async () => {
    const res = await call(loginRoute, "/auth/login", { body: { username: "x", password: "y" }, origin: "https://localhost:3000" });
    expect(res.status).toBe(403);
  });

  it("refuses state-changing requests without the app's own Origin (403)", async () => {
    const body = { username: s.users.tech0.username, password: PASSWORD };
    expect((await call(loginRoute, "/auth/login", { body, origin: null })).status).toBe(403);
    const evil = await call(loginRoute, "/auth/login", { body, origin: "https://evil.example" });
    expect(evil.status).toBe(403);
    expect(evil.json.error.code).toBe("forbidden");
  });

  it("me answers 401 without a session, with a forged one, and after logout", async () => {
    expect((await call(meRoute, "/auth/me")).status).toBe(401);
    expect((await call(meRoute, "/auth/me", { cookie: "cc_session=forged-token-value" })).status).toBe(401);
    const cookie = await loginAs(s.users.support.username);
    const me = await call(meRoute, "/auth/me", { cookie });
    expect(me.status).toBe(200);
    expect(me.json.user).toMatchObject({ kind: "support", labName: s.labA.name });
    expect((await call(logoutRoute, "/auth/logout", { method: "POST", cookie })).status).toBe(200);
    const after = await call(meRoute, "/auth/me", { cookie });
    expect(after.status).toBe(401);
    expect(after.json.error.code).toBe("unauthorized");
  });

  it("every data endpoint answers 401 in the error envelope without a session, and writes nothing", async () => {
    const bill = { billId: String(s.bill1.id) };
    const endpoints: [string, () => ReturnType<typeof call>][] = [
      ["GET records", () => call(recordsRoute, `/report/${s.bill1.id}/critical/records`, { params: bill })],
      ["GET logs", () => call(logsRoute, `/report/bulk/critical-notification/logs?report_ids=${s.r.cbcPending.id}`)],
      ["POST audit records", () => call(auditRoute, "/operation/critical-callout", { body: { lab_report_ids: [s.r.cultureDone.id] } })],
      [
        "POST callout",
        () =>
          call(calloutRoute, `/report/${s.bill1.id}/critical/callout`, {
            params: bill,
            body: { lab_report_ids: [s.r.cbcPending.id], is_draft: true, recipients: [], critical_callout_comment: "", critical_callout_meta: { communication_methods: [] } },
          }),
      ],
      ["GET worklist", () => call(worklistRoute, "/api/worklist")],
      ["GET worklist export", () => call(exportRoute, "/api/worklist/export")],
      ["POST sign", () => call(signRoute, `/api/reports/${s.r.cbcPending.id}/sign`, { method: "POST", params: { reportId: String(s.r.cbcPending.id) } })],
      ["POST sign-all", () => call(signAllRoute, `/api/bills/${s.bill1.id}/sign-all`, { method: "POST", params: bill })],
      ["GET settings", () => call(getSettingsRoute, "/settings/critical-notification")],
      ["PUT settings", () => call(putSettingsRoute, "/settings/critical-notification", { method: "PUT", body: { ...DEFAULT_NOTIFY_SETTINGS, always_notify: 1 } })],
      ["GET me", () => call(meRoute, "/auth/me")],
    ];
    const before = await writableRows();
    for (const [name, run] of endpoints) {
      const res = await run();
      expect(res.status, name).toBe(401);
      expect(res.json, name).toEqual({ error: { code: "unauthorized", message: expect.any(String), request_id: expect.any(String) } });
    }
    expect(await writableRows()).toEqual(before);
  });
});

describe("login throttling", () => {
  it("answers 429 with Retry-After after repeated failures for one username, even with the right password", async () => {
    const username = s.users.tech1.username;
    for (let i = 0; i < 5; i++) {
      expect((await call(loginRoute, "/auth/login", { body: { username, password: `wrong-${i}` } })).status).toBe(401);
    }
    const blocked = await call(loginRoute, "/auth/login", { body: { username, password: PASSWORD } });
    expect(blocked.status).toBe(429);
    expect(blocked.json.error.code).toBe("too_many_requests");
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
    // Other users are not locked out by it.
    expect((await call(loginRoute, "/auth/login", { body: { username: s.users.support.username, password: PASSWORD } })).status).toBe(200);
  });

  it("throttles one address trying many usernames", async () => {
    const headers = { "x-forwarded-for": "203.0.113.9" };
    for (let i = 0; i < 30; i++) {
      await call(loginRoute, "/auth/login", { body: { username: `ghost-${i}`, password: "x" }, headers });
    }
    const res = await call(loginRoute, "/auth/login", { body: { username: s.users.drdept.username, password: PASSWORD }, headers });
    expect(res.status).toBe(429);
    const elsewhere = await call(loginRoute, "/auth/login", { body: { username: s.users.drdept.username, password: PASSWORD } });
    expect(elsewhere.status).toBe(200);
  });

  it("counts tries that arrive together: of 12 at once for one username, 5 are checked and 7 refused", async () => {
    const username = "someone-new";
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) => call(loginRoute, "/auth/login", { body: { username, password: `wrong-${i}` }, headers: { "x-forwarded-for": "198.51.100.20" } })),
    );
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([...Array(5).fill(401), ...Array(7).fill(429)]);
  });

  it("does not count successful sign-ins against their address (a shared lab network)", async () => {
    const headers = { "x-forwarded-for": "198.51.100.21" };
    for (let i = 0; i < 35; i++) {
      const res = await call(loginRoute, "/auth/login", { body: { username: s.users.support.username, password: PASSWORD }, headers });
      expect(res.status, `sign-in ${i + 1}`).toBe(200);
    }
  });

  it.skipIf(!process.env.TEST_DATABASE_URL)("holds across app instances: another connection pool sees the same failures", async () => {
    const { connect } = await import("../../db/connect");
    const { login } = await import("../../server/auth/login");
    const other = await connect({ url: tdb.url!, max: 2 });
    try {
      const username = s.users.drref.username;
      const headers = { "x-forwarded-for": "198.51.100.22" };
      for (let i = 0; i < 5; i++) {
        const pool = i % 2 ? other.db : tdb.db;
        await expect(login(pool, username, `wrong-${i}`, "198.51.100.22")).rejects.toMatchObject({ code: "unauthorized" });
      }
      const res = await call(loginRoute, "/auth/login", { body: { username, password: PASSWORD }, headers });
      expect(res.status).toBe(429);
      await expect(login(other.db, username, PASSWORD, "198.51.100.23")).rejects.toMatchObject({ code: "too_many_requests" });
    } finally {
      await other.close();
    }
  });
});
