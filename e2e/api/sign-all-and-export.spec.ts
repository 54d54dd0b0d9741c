// "Sign all" (POST /api/bills/{billId}/sign-all) and the worklist export (GET /api/worklist/export)
// over HTTP: no session, no or a foreign Origin, unseen and nonexistent bills, bad ids. Only refusals
// here (the UI tests sign bills and rely on their seeded state); a refused sign-all signs nothing,
// which the bill's records show unchanged.
import { expect, test } from "@playwright/test";
import { type ApiCase, type Cookies, expectCase, json, loginAll, send } from "../api-support";

let cookies: Cookies;
test.beforeAll(async ({ playwright }) => {
  cookies = await loginAll(playwright, ["support", "support2", "drref"]);
});

const signAll = (bill: number | string) => `/api/bills/${bill}/sign-all`;

const signAllCases: ApiCase[] = [
  { name: "no session", method: "POST", path: signAll(291), status: 401, code: "unauthorized" },
  { name: "a forged session", method: "POST", path: signAll(291), session: "cc_session=forged-token-value-forged-token-value-1234", status: 401, code: "unauthorized" },
  { name: "no Origin", method: "POST", path: signAll(291), session: "support", origin: null, status: 403, code: "forbidden" },
  { name: "a foreign Origin", method: "POST", path: signAll(291), session: "support", origin: "https://evil.example", status: 403, code: "forbidden" },
  { name: "another lab's bill (561)", method: "POST", path: signAll(561), session: "support", status: 404, code: "not_found" },
  { name: "a lab-1 bill for lab 2", method: "POST", path: signAll(291), session: "support2", status: 404, code: "not_found" },
  { name: "a bill drref did not refer (121)", method: "POST", path: signAll(121), session: "drref", status: 404, code: "not_found" },
  { name: "a nonexistent bill", method: "POST", path: signAll(999999), session: "support", status: 404, code: "not_found" },
  { name: "bill id 0", method: "POST", path: signAll(0), session: "support", status: 400, code: "bad_request" },
  { name: "bill id past int4", method: "POST", path: signAll(2147483648), session: "support", status: 400, code: "bad_request" },
  { name: "bill id not digits", method: "POST", path: signAll("1;drop"), session: "support", status: 400, code: "bad_request" },
];

/** isSigned of every report of bill 291 that support sees. */
async function signedOf291(request: Parameters<typeof send>[0]) {
  const { status, body } = await json(request, { method: "GET", path: "/report/291/critical/records", session: "support" }, cookies);
  expect(status).toBe(200);
  expect(body.reports.length).toBeGreaterThan(0);
  return body.reports.map((r: { lab_report: { labReportId: number; isSigned: boolean } }) => [r.lab_report.labReportId, r.lab_report.isSigned]);
}

test.describe("sign-all refuses, and signs nothing", () => {
  for (const c of signAllCases) {
    test(`${c.status} ${c.name}`, async ({ request }) => {
      const before = await signedOf291(request);
      await expectCase(await send(request, c, cookies), c);
      expect(await signedOf291(request)).toEqual(before);
    });
  }
});

test.describe("the export without a session or with a bad query", () => {
  const cases: ApiCase[] = [
    { name: "no session", method: "GET", path: "/api/worklist/export", status: 401, code: "unauthorized" },
    { name: "an unknown tab", method: "GET", path: "/api/worklist/export?tab=archive", session: "support", status: 400, code: "bad_request" },
    { name: "a date that is not one", method: "GET", path: "/api/worklist/export?from=2026-13-40", session: "support", status: 400, code: "bad_request" },
  ];
  for (const c of cases) {
    test(`${c.status} ${c.name}`, async ({ request }) => {
      const res = await send(request, c, cookies);
      expect(res.headers()["content-disposition"]).toBeUndefined();
      await expectCase(res, c);
    });
  }

  test("200 with a session: an .xlsx attachment", async ({ request }) => {
    const res = await send(request, { method: "GET", path: "/api/worklist/export", session: "support" }, cookies);
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(res.headers()["content-disposition"]).toMatch(/^attachment; filename="critical-callouts_/);
    expect((await res.body()).subarray(0, 2).toString()).toBe("PK");
  });
});
