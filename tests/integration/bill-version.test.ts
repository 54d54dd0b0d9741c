// The bill's callout version (DESIGN §8): endpoint 1's ETag, raised by every write, and If-Match on
// endpoint 4, sign and sign-all — a write based on an old version is refused (412) and writes nothing.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as signAllRoute } from "../../app/api/bills/[billId]/sign-all/route";
import { POST as signRoute } from "../../app/api/reports/[reportId]/sign/route";
import { POST as calloutRoute } from "../../app/report/[billId]/critical/callout/route";
import { GET as recordsRoute } from "../../app/report/[billId]/critical/records/route";
import * as t from "../../db/schema";
import type { TestDb } from "../support/db";
import type { Scenario } from "../support/fixtures";
import { call } from "../support/http";
import { loginAs } from "../support/session";
import { attemptBody, openScenario } from "../support/world";

let tdb: TestDb;
let s: Scenario;
let support: string;
let tech0: string;
beforeAll(async () => {
  ({ tdb, s } = await openScenario());
  support = await loginAs(s.users.support.username);
  tech0 = await loginAs(s.users.tech0.username);
});
afterAll(() => tdb.dispose());

const records = (cookie: string, billId = s.bill1.id) => call(recordsRoute, `/report/${billId}/critical/records`, { cookie, params: { billId: String(billId) } });
const attempt = (ids: number[], comment: string) => attemptBody(ids, comment);
const post = (cookie: string, body: unknown, ifMatch?: string, billId = s.bill1.id) =>
  call(calloutRoute, `/report/${billId}/critical/callout`, { cookie, body, params: { billId: String(billId) }, headers: ifMatch ? { "if-match": ifMatch } : {} });

async function written() {
  const logs = await tdb.db.select().from(t.activityLogs).where(eq(t.activityLogs.billId, s.bill1.id));
  const callouts = await tdb.db.select().from(t.criticalCallouts).where(eq(t.criticalCallouts.billId, s.bill1.id));
  const reports = await tdb.db.select().from(t.labReports).where(eq(t.labReports.billId, s.bill1.id)).orderBy(t.labReports.id);
  return JSON.stringify({ logs, callouts, reports });
}

describe("the bill version", () => {
  it("is endpoint 1's strong ETag and its callout_version, answered no-store", async () => {
    const res = await records(support);
    expect(res.status).toBe(200);
    expect(res.headers.get("etag")).toBe(`"${s.bill1.id}-${res.json.callout_version}"`);
    expect(res.headers.get("cache-control")).toBe("no-store");
  });

  it("rises with each write, and a write naming the current version succeeds", async () => {
    const before = await records(support);
    const res = await post(support, attempt([s.r.cbcPending.id], "first try"), before.headers.get("etag")!);
    expect(res.status).toBe(201);
    expect(res.json.version).toBe(before.json.callout_version + 1);
    const after = await records(support);
    expect(after.headers.get("etag")).toBe(`"${s.bill1.id}-${before.json.callout_version + 1}"`);
  });

  it("refuses a write based on an old version with 412 bill_changed, naming who changed it, and writes nothing", async () => {
    const seen = (await records(tech0)).headers.get("etag")!;
    const colleague = await post(support, attempt([s.r.cbcPending.id], "colleague's note"));
    expect(colleague.status).toBe(201);
    const state = await written();
    const stale = await post(tech0, attempt([s.r.cbcPending.id], "my note"), seen);
    expect(stale.status).toBe(412);
    expect(stale.json.error.code).toBe("bill_changed");
    expect(stale.json.error.message).toContain("Support A");
    expect(stale.json.error.details.etag).toBe((await records(tech0)).headers.get("etag"));
    expect(stale.json.error.details.changes[0]).toMatchObject({ by: "Support A", kind: "attempt" });
    expect(await written()).toBe(state);
    const draft = (await records(tech0)).json.attempted_callout;
    expect(draft.critical_callout_comment).toBe("colleague's note");
  });

  it("behaves as before without If-Match, and with If-Match: *", async () => {
    expect((await post(tech0, attempt([s.r.cbcPending.id], "no header"))).status).toBe(201);
    expect((await post(tech0, attempt([s.r.cbcPending.id], "star"), "*")).status).toBe(201);
  });

  it("answers 400 for an If-Match that is no ETag, 412 for another bill's ETag, writing nothing", async () => {
    const state = await written();
    const junk = await post(support, attempt([s.r.cbcPending.id], "junk"), "version 3");
    expect(junk.status).toBe(400);
    const current = (await records(support)).json.callout_version;
    const other = await post(support, attempt([s.r.cbcPending.id], "other bill"), `"${s.bill2.id}-${current}"`);
    expect(other.status).toBe(412);
    expect(await written()).toBe(state);
  });

  it("guards sign and sign-all the same way, and signing raises the version", async () => {
    const seen = (await records(support)).headers.get("etag")!;
    await post(tech0, attempt([s.r.cbcPending.id], "moves the bill on"));
    const state = await written();
    const sign = await call(signRoute, `/api/reports/${s.r.normal.id}/sign`, { cookie: support, method: "POST", params: { reportId: String(s.r.normal.id) }, headers: { "if-match": seen } });
    expect(sign.status).toBe(412);
    const all = await call(signAllRoute, `/api/bills/${s.bill1.id}/sign-all`, { cookie: support, method: "POST", params: { billId: String(s.bill1.id) }, headers: { "if-match": seen } });
    expect(all.status).toBe(412);
    expect(await written()).toBe(state);

    const fresh = await records(support);
    const ok = await call(signRoute, `/api/reports/${s.r.normal.id}/sign`, { cookie: support, method: "POST", params: { reportId: String(s.r.normal.id) }, headers: { "if-match": fresh.headers.get("etag")! } });
    expect(ok.status).toBe(200);
    expect((await records(support)).json.callout_version).toBe(fresh.json.callout_version + 1);
  });
});
