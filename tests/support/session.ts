import type { TestDb } from "./db";
import type { Scenario } from "./fixtures";
import { openScenario } from "./world";
import type { Queryable } from "../../db/connect";
import { loadSession } from "../../db/queries/sessions";
import type { SessionContext } from "../../domain/auth/session-context";
import { POST as loginRoute } from "../../app/auth/login/route";
import { call } from "./http";
import { PASSWORD } from "./fixtures";

/** Logs in through the real login route and returns the Cookie header value to send. */
export async function loginAs(username: string, password = PASSWORD): Promise<string> {
  const res = await call(loginRoute, "/auth/login", { body: { username, password } });
  if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${res.text}`);
  const setCookie = res.headers.get("set-cookie") ?? "";
  return setCookie.split(";")[0];
}

/** Each user's session, logged in through the real route and loaded the way a page render does. */
export async function sessionsOf(db: Queryable, users: Record<string, { username: string }>): Promise<Record<string, SessionContext>> {
  const sessions: Record<string, SessionContext> = {};
  for (const [k, u] of Object.entries(users)) {
    const cookie = await loginAs(u.username);
    const session = await loadSession(db, decodeURIComponent(cookie.split("=").slice(1).join("=")));
    if (!session) throw new Error(`no session for ${k}`);
    sessions[k] = session;
  }
  return sessions;
}

/** The scenario with every one of its users signed in (`sessions` keyed as `s.users`). */
export async function openScenarioSignedIn(): Promise<{ tdb: TestDb; s: Scenario; sessions: Record<string, SessionContext> }> {
  const { tdb, s } = await openScenario();
  return { tdb, s, sessions: await sessionsOf(tdb.db, s.users) };
}
