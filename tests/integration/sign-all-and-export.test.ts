// "Sign all" (POST /api/bills/{billId}/sign-all) and the worklist export (GET /api/worklist/export)
// at their edges: no session, a foreign Origin, bills the session may not see, and scope. A refused
// sign-all signs nothing; an accepted one signs exactly the session's reports of that bill.
import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as signAllRoute } from "../../app/api/bills/[billId]/sign-all/route";
import { GET as exportRoute } from "../../app/api/worklist/export/route";
import * as t from "../../db/schema";
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

const ENVELOPE = (code: string) => ({ error: { code, message: expect.any(String), request_id: expect.any(String) } });

/** Ids of the signed reports among all the scenario's reports. */
async function signedIds() {
  const ids = Object.values(s.r).map((r) => r.id);
  const rows = await tdb.db.select({ id: t.labReports.id, isSigned: t.labReports.isSigned }).from(t.labReports).where(inArray(t.labReports.id, ids));
  return rows.filter((r) => r.isSigned).map((r) => r.id).sort((a, b) => a - b);
}

async function unsignAll() {
  await tdb.db.update(t.labReports).set({ isSigned: false }).where(inArray(t.labReports.id, Object.values(s.r).map((r) => r.id)));
}

const signAll = (billId: number | string, opts: { cookie?: string; origin?: string | null } = {}) =>
  call(signAllRoute, `/api/bills/${billId}/sign-all`, { method: "POST", params: { billId: String(billId) }, ...opts });

describe("POST /api/bills/{billId}/sign-all refuses, and signs nothing", () => {
  it("401 in the error envelope without a session, and with a forged one", async () => {
    await unsignAll();
    for (const cookie of [undefined, "cc_session=forged-token-value"]) {
      const res = await signAll(s.bill1.id, { cookie });
      expect(res.status).toBe(401);
      expect(res.json).toEqual(ENVELOPE("unauthorized"));
    }
    expect(await signedIds()).toEqual([]);
  });

  it("403 without an Origin and with a foreign one (a cross-site form cannot sign)", async () => {
    await unsignAll();
    const cookie = await loginAs(s.users.support.username);
    for (const origin of [null, "https://evil.example", "not a url"]) {
      const res = await signAll(s.bill1.id, { cookie, origin });
      expect(res.status, String(origin)).toBe(403);
      expect(res.json).toEqual(ENVELOPE("forbidden"));
    }
    expect(await signedIds()).toEqual([]);
  });

  it("404 alike for a nonexistent bill, another lab's bill and a referral doctor's unassigned bill", async () => {
    await unsignAll();
    const cases: [string, number][] = [
      [s.users.support.username, 2147483000],
      [s.users.support.username, s.billB.id],
      [s.users.supportB.username, s.bill1.id],
      [s.users.drref.username, s.bill2.id],
    ];
    for (const [user, billId] of cases) {
      const res = await signAll(billId, { cookie: await loginAs(user) });
      expect(res.status, `${user} → bill ${billId}`).toBe(404);
      expect(res.json).toEqual(ENVELOPE("not_found"));
    }
    expect(await signedIds()).toEqual([]);
  });

  it("400 for a bill id that is not a positive integer", async () => {
    const cookie = await loginAs(s.users.support.username);
    for (const billId of ["0", "-1", "1.5", "abc", "2147483648"]) {
      const res = await signAll(billId, { cookie });
      expect(res.status, billId).toBe(400);
      expect(res.json.error.code).toBe("bad_request");
    }
  });
});

describe("POST /api/bills/{billId}/sign-all signs the session's reports of that bill only", () => {
  it("support: every report of bill 1 but the dismissed one; bill 2 untouched", async () => {
    await unsignAll();
    const res = await signAll(s.bill1.id, { cookie: await loginAs(s.users.support.username) });
    expect(res.status).toBe(200);
    const r = s.r;
    const expected = [r.cbcPending, r.kAttempted, r.cultureDone, r.uncollected, r.normal, r.abnormal, r.notCritical].map((x) => x.id).sort((a, b) => a - b);
    expect(res.json).toEqual({ billId: s.bill1.id, signed: expected });
    expect(await signedIds()).toEqual(expected);
  });

  it("a Hematology technician signs the Hematology reports only", async () => {
    await unsignAll();
    const res = await signAll(s.bill1.id, { cookie: await loginAs(s.users.tech0.username) });
    expect(res.status).toBe(200);
    const r = s.r;
    const hema = [r.cbcPending, r.uncollected, r.normal, r.abnormal].map((x) => x.id).sort((a, b) => a - b);
    expect(res.json.signed).toEqual(hema);
    expect(await signedIds()).toEqual(hema);
    const [potassium] = await tdb.db.select().from(t.labReports).where(eq(t.labReports.id, r.kAttempted.id));
    expect(potassium.isSigned).toBe(false);
  });
});

describe("GET /api/worklist/export without a session", () => {
  it("401 in the error envelope, no workbook", async () => {
    for (const cookie of [undefined, "cc_session=forged-token-value"]) {
      const res = await call(exportRoute, "/api/worklist/export", { cookie });
      expect(res.status).toBe(401);
      expect(res.headers.get("content-type")).toMatch(/application\/json/);
      expect(res.headers.get("content-disposition")).toBeNull();
      expect(res.json).toEqual(ENVELOPE("unauthorized"));
    }
  });
});
