// Sessions are cached for a few seconds per process (server/auth/session-cache.ts). What another
// process writes (another app instance, the LIS, an administrator's SQL) must still reach a cached
// session: the database notifies every process, well before the cache would expire by itself.
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as logoutRoute } from "../../app/auth/logout/route";
import { GET as meRoute } from "../../app/auth/me/route";
import { GET as recordsRoute } from "../../app/report/[billId]/critical/records/route";
import { hashToken } from "../../db/queries/sessions";
import * as t from "../../db/schema";
import { isSessionCached, SESSION_CACHE_MS } from "../../server/auth/session-cache";
import type { TestDb } from "../support/db";
import type { Scenario } from "../support/fixtures";
import { call } from "../support/http";
import { loginAs } from "../support/session";
import { openScenario } from "../support/world";

let tdb: TestDb;
let s: Scenario;
beforeAll(async () => {
  ({ tdb, s } = await openScenario());
});
afterAll(() => tdb.dispose());

const tokenOf = (cookie: string) => decodeURIComponent(cookie.slice(cookie.indexOf("=") + 1));

/** Signs in and asks /auth/me until this process has the session cached. */
async function cachedLogin(username: string): Promise<string> {
  const cookie = await loginAs(username);
  const cached = await eventually(async () => {
    expect((await call(meRoute, "/auth/me", { cookie })).status).toBe(200);
    return isSessionCached(tokenOf(cookie));
  });
  expect(cached).toBe(true);
  return cookie;
}

/** Asks until `done` holds, for less than half the cache's lifetime: only a notification can make it. */
async function eventually(ask: () => Promise<boolean>): Promise<boolean> {
  const deadline = Date.now() + SESSION_CACHE_MS / 2;
  while (Date.now() < deadline) {
    if (await ask()) return true;
    await new Promise((r) => setTimeout(r, 25));
  }
  return false;
}

describe("cached sessions", () => {
  it("caches for long enough that the checks below mean something", () => {
    expect(SESSION_CACHE_MS).toBeGreaterThanOrEqual(1000);
  });

  it("a session revoked by another program is refused, though this process had it cached", async () => {
    const cookie = await cachedLogin(s.users.support.username);
    await tdb.db.update(t.sessions).set({ revokedAt: sql`now()` }).where(eq(t.sessions.id, hashToken(tokenOf(cookie))));
    expect(await eventually(async () => (await call(meRoute, "/auth/me", { cookie })).status === 401)).toBe(true);
  });

  it("a deleted or expired session is refused", async () => {
    const gone = await cachedLogin(s.users.tech0.username);
    const expired = await cachedLogin(s.users.drdept.username);
    await tdb.db.delete(t.sessions).where(eq(t.sessions.id, hashToken(tokenOf(gone))));
    await tdb.db.update(t.sessions).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(t.sessions.id, hashToken(tokenOf(expired))));
    for (const cookie of [gone, expired]) {
      expect(await eventually(async () => (await call(meRoute, "/auth/me", { cookie })).status === 401)).toBe(true);
    }
  });

  it("logout takes effect on the very next request, on every route", async () => {
    const cookie = await cachedLogin(s.users.support.username);
    const bill = { billId: String(s.bill1.id) };
    expect((await call(recordsRoute, `/report/${s.bill1.id}/critical/records`, { cookie, params: bill })).status).toBe(200);
    expect((await call(logoutRoute, "/auth/logout", { method: "POST", cookie })).status).toBe(200);
    expect((await call(recordsRoute, `/report/${s.bill1.id}/critical/records`, { cookie, params: bill })).status).toBe(401);
    expect((await call(meRoute, "/auth/me", { cookie })).status).toBe(401);
  });

  it("a change to the user reaches the cached session (scope and names are read again)", async () => {
    const cookie = await cachedLogin(s.users.tech1.username);
    expect((await call(meRoute, "/auth/me", { cookie })).json.user.displayName).toBe("Tech One");
    await tdb.db.update(t.users).set({ displayName: "Tech Renamed" }).where(eq(t.users.id, s.users.tech1.id));
    expect(await eventually(async () => (await call(meRoute, "/auth/me", { cookie })).json.user.displayName === "Tech Renamed")).toBe(true);
  });
});
