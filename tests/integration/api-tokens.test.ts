// API tokens (DESIGN §12): token:add prints a token once; Bearer acts as the user with the user's
// scope; writes need no Origin; unknown, malformed and revoked tokens are 401.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as meRoute } from "../../app/auth/me/route";
import { POST as calloutRoute } from "../../app/report/[billId]/critical/callout/route";
import { GET as recordsRoute } from "../../app/report/[billId]/critical/records/route";
import { createApiToken, revokeApiToken } from "../../db/queries/api-tokens";
import * as t from "../../db/schema";
import type { Scenario } from "../support/fixtures";
import type { TestDb } from "../support/db";
import { call } from "../support/http";
import { openScenario } from "../support/world";

const run = promisify(execFile);
let tdb: TestDb;
let s: Scenario;
beforeAll(async () => {
  ({ tdb, s } = await openScenario());
});
afterAll(() => tdb.dispose());

const draft = (reportId: number) => ({
  lab_report_ids: [reportId],
  is_draft: true,
  recipients: [],
  critical_callout_comment: "from a machine client",
  critical_callout_meta: { communication_methods: [] },
});

describe("a bearer token", () => {
  it("acts as its user, and stores only a hash of itself", async () => {
    const { id, token } = await createApiToken(tdb.db, s.users.tech0, "lis bridge");
    const me = await call(meRoute, "/auth/me", { cookie: `Bearer ${token}` });
    expect(me.status).toBe(200);
    expect(me.json.user).toMatchObject({ username: s.users.tech0.username, labId: s.labA.id });
    const [row] = await tdb.db.select().from(t.apiTokens).where(eq(t.apiTokens.id, id));
    expect(row.tokenHash).not.toContain(token);
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row.lastUsedAt).not.toBeNull();
  });

  it("carries the user's department scope", async () => {
    const { token } = await createApiToken(tdb.db, s.users.tech0, "scope");
    const rec = await call(recordsRoute, "/r", { cookie: `Bearer ${token}`, params: { billId: String(s.r.cbcPending.billId) } });
    expect(rec.status).toBe(200);
    const ids = rec.json.reports.map((r: { lab_report: { labReportId: number } }) => r.lab_report.labReportId);
    expect(ids).toContain(s.r.cbcPending.id); // Hematology: tech0's department
    expect(ids).not.toContain(s.r.kAttempted.id); // Chemistry: not theirs
  });

  it("writes without an Origin header, and despite a foreign one (no cookie, no CSRF)", async () => {
    const { token } = await createApiToken(tdb.db, s.users.support, "writer");
    const params = { billId: String(s.r.cbcPending.billId) };
    const bare = await call(calloutRoute, "/c", { cookie: `Bearer ${token}`, params, body: draft(s.r.cbcPending.id), origin: null });
    expect(bare.status).toBe(201);
    const foreign = await call(calloutRoute, "/c", { cookie: `Bearer ${token}`, params, body: draft(s.r.cbcPending.id), origin: "https://evil.example" });
    expect(foreign.status).toBe(201);
  });

  it("answers 401 for an unknown token, a revoked one and a header that is not Bearer", async () => {
    const { id, token } = await createApiToken(tdb.db, s.users.support, "soon revoked");
    expect((await call(meRoute, "/auth/me", { cookie: `Bearer ${token}` })).status).toBe(200);
    expect(await revokeApiToken(tdb.db, s.labA.id, id)).toBe(true);
    for (const authorization of [`Bearer ${token}`, "Bearer cct_nobody", `Basic ${Buffer.from("a:b").toString("base64")}`, "Bearer"]) {
      const res = await call(meRoute, "/auth/me", { headers: { authorization } });
      expect(res.status, authorization).toBe(401);
      expect(res.json.error.code).toBe("unauthorized");
    }
  });

  it("is not revoked by another lab", async () => {
    const { id, token } = await createApiToken(tdb.db, s.users.support, "lab A's");
    expect(await revokeApiToken(tdb.db, s.labB.id, id)).toBe(false);
    expect((await call(meRoute, "/auth/me", { cookie: `Bearer ${token}` })).status).toBe(200);
  });
});

describe.runIf(process.env.TEST_DATABASE_URL)("npm run token:add and token:revoke", () => {
  it("prints the token alone on its last line; revoking it ends it", { timeout: 60_000 }, async () => {
    const env = { ...process.env, DATABASE_URL: tdb.url };
    const added = await run("npx", ["tsx", "scripts/token-add.ts", "--lab", String(s.labA.id), "--name", "EHR feed", "--as", s.users.drref.username], { env });
    const lines = added.stdout.trimEnd().split("\n");
    const token = lines.at(-1)!;
    expect(token).toMatch(/^cct_[\w-]{43}$/);
    const me = await call(meRoute, "/auth/me", { cookie: `Bearer ${token}` });
    expect(me.json.user.username).toBe(s.users.drref.username);
    const id = /API token (\d+)/.exec(added.stdout)![1];
    await run("npx", ["tsx", "scripts/token-revoke.ts", "--lab", String(s.labA.id), "--id", id], { env });
    expect((await call(meRoute, "/auth/me", { cookie: `Bearer ${token}` })).status).toBe(401);
    await expect(run("npx", ["tsx", "scripts/token-add.ts", "--lab", String(s.labA.id), "--name", "x", "--as", s.users.supportB.username], { env })).rejects.toMatchObject({
      stderr: expect.stringContaining(`is not in lab ${s.labA.id}`),
    });
  });
});
