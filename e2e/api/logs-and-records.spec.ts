// Endpoint 2, GET /report/bulk/critical-notification/logs?report_ids=… (callout history, oldest first)
// and endpoint 3, POST /operation/critical-callout {lab_report_ids} (audit records, newest first):
// scope, other labs, ordering, resolved names, limits and input validation.
//
// Seed facts used: bill 201 (drref's, lab 1) has reports 709 (Hematology) and 710 (Microbiology) with
// log entries 725 (attempt) then 733 (done) and done records 35, 36; bill 241 report 850 has record 43
// (later); bill 9 (not drref's) report 33 has log 34; lab 2 bill 581 has log 2078 and records
// 107–109 on reports 2058–2060, bill 481 report 1721 has record 83 (earlier). The seed dates rows
// relative to the server's first start, so instants are read from the answers, never written here. UI tests may add
// newer entries on bill 201: assertions below are about the seeded rows and the ordering, not counts.
import { expect, test } from "@playwright/test";
import { type ApiCase, type Cookies, expectCase, expectError, json, loginAll, range, send } from "../api-support";

let cookies: Cookies;
test.beforeAll(async ({ playwright }) => {
  cookies = await loginAll(playwright);
});

const logs = (ids: string) => `/report/bulk/critical-notification/logs?report_ids=${ids}`;

interface LogCase extends ApiCase {
  /** Seeded log ids that must come first, in this order (200 only); [] means the answer is empty. */
  first?: number[];
}

const logCases: LogCase[] = [
  { name: "support: both reports of bill 201", method: "GET", path: logs("709,710"), session: "support", status: 200, first: [725, 733] },
  { name: "support: one report still returns every entry covering it", method: "GET", path: logs("710"), session: "support", status: 200, first: [725, 733] },
  { name: "tech: 709 (Hematology) is in scope", method: "GET", path: logs("709"), session: "tech", status: 200, first: [725, 733] },
  { name: "tech: 710 (Microbiology) is out of scope → empty", method: "GET", path: logs("710"), session: "tech", status: 200, first: [] },
  { name: "tech2: 710 (Microbiology) is in scope", method: "GET", path: logs("710"), session: "tech2", status: 200, first: [725, 733] },
  { name: "tech2: 709 (Hematology) is out of scope → empty", method: "GET", path: logs("709"), session: "tech2", status: 200, first: [] },
  { name: "drdept: 710 out of scope → empty", method: "GET", path: logs("710"), session: "drdept", status: 200, first: [] },
  { name: "drdept: 709 in scope", method: "GET", path: logs("709"), session: "drdept", status: 200, first: [725, 733] },
  { name: "drref: his bill 201", method: "GET", path: logs("709,710"), session: "drref", status: 200, first: [725, 733] },
  { name: "drref: bill 9 is not his → empty", method: "GET", path: logs("33"), session: "drref", status: 200, first: [] },
  { name: "support: bill 9", method: "GET", path: logs("33"), session: "support", status: 200, first: [34] },
  { name: "support2 (lab 2): lab-1 reports → empty", method: "GET", path: logs("709,710,33"), session: "support2", status: 200, first: [] },
  { name: "support (lab 1): lab-2 reports → empty", method: "GET", path: logs("2058,2059,2060"), session: "support", status: 200, first: [] },
  { name: "support2: lab-2 bill 581", method: "GET", path: logs("2058"), session: "support2", status: 200, first: [2078] },
  { name: "support: nonexistent report → empty", method: "GET", path: logs("999999"), session: "support", status: 200, first: [] },
  { name: "support: int4 max → empty", method: "GET", path: logs("2147483647"), session: "support", status: 200, first: [] },
  { name: "support: duplicates are fine", method: "GET", path: logs("709,709,710,709"), session: "support", status: 200, first: [725, 733] },
  { name: "support: leading zeros are digits", method: "GET", path: logs("0709"), session: "support", status: 200, first: [725, 733] },
  { name: "support: 200 ids (the limit)", method: "GET", path: logs(range(200, 600).join(",")), session: "support", status: 200 },
  {
    name: "support2: other-category entries (approvals) on bill 561 are not callout logs",
    method: "GET",
    path: logs("1987,1988"),
    session: "support2",
    status: 200,
  },
];

test.describe("endpoint 2: scope, other lab, oldest first", () => {
  for (const c of logCases) {
    test(`${c.status} ${c.name}`, async ({ request }) => {
      const res = await send(request, c, cookies);
      const body = (await expectCase(res, c)) as { logs: { id: number; activityDate: string; meta: { bill_id?: number } }[] };
      expect(Object.keys(body)).toEqual(["logs"]);
      const ids = body.logs.map((l) => l.id);
      if (c.first?.length === 0) expect(ids).toEqual([]);
      else if (c.first) expect(ids.slice(0, c.first.length)).toEqual(c.first);
      // Oldest first: activityDate ascending, ties by id.
      for (let i = 1; i < body.logs.length; i++) {
        const [a, b] = [body.logs[i - 1], body.logs[i]];
        expect(a.activityDate <= b.activityDate, `${a.id} before ${b.id}`).toBe(true);
        if (a.activityDate === b.activityDate) expect(a.id).toBeLessThan(b.id);
      }
      expect(body.logs.length).toBeLessThanOrEqual(1000);
    });
  }

  test("approval entries (category 100) never show beside a bill's callout entries", async ({ request }) => {
    // Bill 201's reports were approved (category 100 entries in the seed) and called out (725, 733):
    // the answer holds the callout entries and nothing else.
    const { status, body } = await json(request, { method: "GET", path: logs("709,710"), session: "support" }, cookies);
    expect(status).toBe(200);
    const ids = body.logs.map((l: { id: number }) => l.id);
    expect(ids).toEqual(expect.arrayContaining([725, 733]));
    // Acknowledgements of receipt (DESIGN §10) are callout entries too: a doctor's spec may add one to bill 201.
    for (const l of body.logs) expect(l.activityText).toMatch(/^(Callout (done|Attempted) by|Acknowledged by) - /);
  });

  test("entry shape: the DESIGN §5.2 keys, meta parsed from dumped_json", async ({ request }) => {
    const { status, body } = await json(request, { method: "GET", path: logs("709,710"), session: "support" }, cookies);
    expect(status).toBe(200);
    const [attempt, done] = body.logs;
    for (const l of [attempt, done]) {
      // The contract's keys; additions (e.g. the outbox's `deliveries`) are allowed.
      for (const k of ["id", "labReportId", "labReportIds", "meta", "labUserName", "activityText", "activityDate"]) expect(l).toHaveProperty(k);
      expect(l.labReportId).toBe(709);
      expect(l.labReportIds).toEqual([709, 710]);
      expect(l.activityDate).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/);
      expect(typeof l.meta).toBe("object");
      expect(l.meta).toMatchObject({ bill_id: 201, lab_report_ids: [709, 710] });
    }
    expect(attempt.labUserName).toBe("Linh Nguyen, MLS");
    expect(attempt.activityText).toMatch(/^Callout Attempted by - Linh Nguyen, MLS, Callout for - /);
    expect(attempt.meta.is_draft).toBe(true);
    expect(done.labUserName).toBe("Grace Okafor, Laboratory Supervisor");
    expect(done.activityText).toMatch(/^Callout done by - Grace Okafor, Laboratory Supervisor, Callout for - /);
    expect(done.meta.is_draft).toBe(false);
    expect(new Date(attempt.activityDate) < new Date(done.activityDate)).toBe(true);
  });

  // Every id must be digits; any failure is a 400 before a query runs.
  const badLists: [string, string][] = [
    ["missing parameter", "/report/bulk/critical-notification/logs"],
    ["empty value", logs("")],
    ["blank element", logs("709,,710")],
    ["trailing comma", logs("709,")],
    ["leading comma", logs(",709")],
    ["only a comma", logs(",")],
    ["space (encoded)", logs("709,%20710")],
    ["space as +", logs("+709")],
    ["trailing blank", logs("709%20")],
    ["tab", logs("709%09")],
    ["plus sign", logs("%2B709")],
    ["minus sign", logs("-709")],
    ["zero", logs("0")],
    ["decimal", logs("709.0")],
    ["exponent", logs("7e2")],
    ["hex", logs("0x2C5")],
    ["letters", logs("abc")],
    ["mixed good and bad", logs("709,abc,710")],
    ["int4 overflow", logs("2147483648")],
    ["huge number", logs("99999999999999999999999")],
    ["full-width digit", logs("%EF%BC%97%EF%BC%90%EF%BC%99")],
    ["JSON array", logs("%5B709%5D")],
    ["semicolon separator", logs("709;710")],
    ["201 ids (one over the limit)", logs(range(201).join(","))],
    ["201 ids even when duplicated", logs(Array(201).fill(709).join(","))],
  ];
  const badCases: ApiCase[] = badLists.map(([name, path]) => ({ name, method: "GET", path, session: "support", status: 400, code: "bad_request" }));
  for (const c of badCases) {
    test(`400 report_ids: ${c.name}`, async ({ request }) => {
      const body = await expectError(await send(request, c, cookies), 400, "bad_request");
      expect(body.error.message).toMatch(/^report_ids/);
    });
  }
});

// ---- endpoint 3 ----
const audit = (body: unknown, session: ApiCase["session"] = "support"): Omit<ApiCase, "name" | "status"> => ({
  method: "POST",
  path: "/operation/critical-callout",
  body,
  session,
});

interface RecordCase extends ApiCase {
  /** Seeded record ids expected among the answer, in this relative order (200 only); [] = empty. */
  has?: number[];
}

const recordCases: RecordCase[] = [
  { name: "support: both reports of bill 201", ...audit({ lab_report_ids: [709, 710] }), status: 200, has: [36, 35] },
  { name: "support: newest first across bills (850 after 709)", ...audit({ lab_report_ids: [709, 850] }), status: 200, has: [43, 35] },
  { name: "tech: 709 in scope", ...audit({ lab_report_ids: [709, 710] }, "tech"), status: 200, has: [35] },
  { name: "tech: 710 out of scope → empty", ...audit({ lab_report_ids: [710] }, "tech"), status: 200, has: [] },
  { name: "tech2: 710 in scope", ...audit({ lab_report_ids: [709, 710] }, "tech2"), status: 200, has: [36] },
  { name: "drref: his bill", ...audit({ lab_report_ids: [709, 710] }, "drref"), status: 200, has: [36, 35] },
  { name: "support2: lab-1 reports → empty", ...audit({ lab_report_ids: [709, 710, 850] }, "support2"), status: 200, has: [] },
  { name: "support: lab-2 reports → empty", ...audit({ lab_report_ids: [2058, 1721] }, "support"), status: 200, has: [] },
  { name: "support2: lab 2, newest first", ...audit({ lab_report_ids: [1721, 2058, 2059] }, "support2"), status: 200, has: [108, 107, 83] },
  { name: "support: nonexistent → empty", ...audit({ lab_report_ids: [999999, 2147483647] }), status: 200, has: [] },
  { name: "support: 500 ids (the limit)", ...audit({ lab_report_ids: range(500, 500) }), status: 200 },
  { name: "support: duplicates are fine", ...audit({ lab_report_ids: [709, 709, 710] }), status: 200, has: [36, 35] },
];

test.describe("endpoint 3: audit records", () => {
  for (const c of recordCases) {
    test(`${c.status} ${c.name}`, async ({ request }) => {
      const res = await send(request, c, cookies);
      const body = (await expectCase(res, c)) as { records: { id: number; created_on: string; lab_report_id: number }[] };
      expect(Object.keys(body)).toEqual(["records"]);
      const ids = body.records.map((r) => r.id);
      if (c.has?.length === 0) expect(ids).toEqual([]);
      else if (c.has) {
        const positions = c.has.map((id) => ids.indexOf(id));
        for (const p of positions) expect(p, `${c.has} in ${ids}`).toBeGreaterThanOrEqual(0);
        expect([...positions].sort((a, b) => a - b)).toEqual(positions);
      }
      const requested = new Set((c.body as { lab_report_ids: number[] }).lab_report_ids);
      for (const r of body.records) expect(requested.has(r.lab_report_id)).toBe(true);
      // Newest first: created_on descending, ties by id descending.
      for (let i = 1; i < body.records.length; i++) {
        const [a, b] = [body.records[i - 1], body.records[i]];
        expect(a.created_on >= b.created_on, `${a.id} before ${b.id}`).toBe(true);
        if (a.created_on === b.created_on) expect(a.id).toBeGreaterThan(b.id);
      }
    });
  }

  test("names are resolved for the auditor; the DESIGN §5.3 keys", async ({ request }) => {
    const { status, body } = await json(request, audit({ lab_report_ids: [709, 710] }), cookies);
    expect(status).toBe(200);
    const byId = new Map(body.records.map((r: { id: number }) => [r.id, r]));
    // A done callout's records and its log entry (733) are written at one instant.
    const history = await json(request, { method: "GET", path: logs("709,710"), session: "support" }, cookies);
    const doneAt = history.body.logs.find((l: { id: number }) => l.id === 733).activityDate as string;
    for (const [id, reportId] of [
      [35, 709],
      [36, 710],
    ]) {
      const r = byId.get(id) as Record<string, unknown>;
      const keys = [
        "id",
        "bill_id",
        "lab_report_id",
        "recipients",
        "org_name",
        "patient_name",
        "referral_name",
        "performed_by_user_name",
        "performed_by_doctor_name",
        "critical_callout_comment",
        "critical_callout_meta",
        "critical_values_meta",
        "created_on",
      ];
      for (const k of keys) expect(r).toHaveProperty(k);
      expect(r).toMatchObject({
        id,
        bill_id: 201,
        lab_report_id: reportId,
        recipients: ["Organization", "Referral"],
        org_name: "St. Mary's Medical Center",
        patient_name: "Robert Kim",
        referral_name: "Dr. Michael Brennan",
        performed_by_user_name: "Grace Okafor, Laboratory Supervisor",
        performed_by_doctor_name: null,
        critical_callout_comment: expect.any(String),
      });
      expect(r.created_on).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      expect(Date.parse(r.created_on as string)).toBe(Date.parse(doneAt));
      expect(r.critical_callout_meta).toMatchObject({
        communication_methods: ["email", "fax"],
        already_notified: { phone_call: { name: "RN Maria Lopez", read_back: true } },
      });
      expect(typeof r.critical_values_meta).toBe("object");
    }
  });

  const badBodies: ApiCase[] = [
    { name: "empty object", ...audit({}), status: 400, code: "bad_request" },
    { name: "empty list", ...audit({ lab_report_ids: [] }), status: 400, code: "bad_request" },
    { name: "ids as strings", ...audit({ lab_report_ids: ["709"] }), status: 400, code: "bad_request" },
    { name: "comma string instead of array", ...audit({ lab_report_ids: "709,710" }), status: 400, code: "bad_request" },
    { name: "decimal id", ...audit({ lab_report_ids: [709.5] }), status: 400, code: "bad_request" },
    { name: "zero", ...audit({ lab_report_ids: [0] }), status: 400, code: "bad_request" },
    { name: "negative", ...audit({ lab_report_ids: [-709] }), status: 400, code: "bad_request" },
    { name: "int4 overflow", ...audit({ lab_report_ids: [2147483648] }), status: 400, code: "bad_request" },
    { name: "null id", ...audit({ lab_report_ids: [709, null] }), status: 400, code: "bad_request" },
    { name: "501 ids (one over the limit)", ...audit({ lab_report_ids: range(501) }), status: 400, code: "bad_request" },
    { name: "unknown extra field", ...audit({ lab_report_ids: [709], bill_id: 201 }), status: 400, code: "bad_request" },
    { name: "wrong field name", ...audit({ report_ids: [709] }), status: 400, code: "bad_request" },
    { name: "bare array body", ...audit([709, 710]), status: 400, code: "bad_request" },
    { name: "JSON null", method: "POST", path: "/operation/critical-callout", session: "support", raw: "null", headers: { "content-type": "application/json" }, status: 400, code: "bad_request" },
    { name: "JSON number", method: "POST", path: "/operation/critical-callout", session: "support", raw: "709", headers: { "content-type": "application/json" }, status: 400, code: "bad_request" },
    { name: "non-JSON", method: "POST", path: "/operation/critical-callout", session: "support", raw: "{lab_report_ids: [709]}", headers: { "content-type": "application/json" }, status: 400, code: "bad_request" },
    { name: "truncated JSON", method: "POST", path: "/operation/critical-callout", session: "support", raw: '{"lab_report_ids": [709', headers: { "content-type": "application/json" }, status: 400, code: "bad_request" },
    { name: "empty body", method: "POST", path: "/operation/critical-callout", session: "support", raw: "", headers: { "content-type": "application/json" }, status: 400, code: "bad_request" },
    {
      name: "text/plain content type",
      method: "POST",
      path: "/operation/critical-callout",
      session: "support",
      raw: '{"lab_report_ids": [709]}',
      headers: { "content-type": "text/plain" },
      status: 400,
      code: "bad_request",
    },
    {
      name: "form content type",
      method: "POST",
      path: "/operation/critical-callout",
      session: "support",
      raw: "lab_report_ids=709",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      status: 400,
      code: "bad_request",
    },
    {
      name: "body over 64 kB (valid JSON, padded with blanks)",
      method: "POST",
      path: "/operation/critical-callout",
      session: "support",
      raw: `{"lab_report_ids": [709]${" ".repeat(66_000)}}`,
      headers: { "content-type": "application/json" },
      status: 413,
      code: "payload_too_large",
    },
    {
      name: "body over 64 kB (long id list)",
      ...audit({ lab_report_ids: Array(9000).fill(1234567) }),
      status: 413,
      code: "payload_too_large",
    },
    { name: "no Origin", ...audit({ lab_report_ids: [709] }), origin: null, status: 403, code: "forbidden" },
    { name: "foreign Origin", ...audit({ lab_report_ids: [709] }), origin: "https://evil.example", status: 403, code: "forbidden" },
  ];
  for (const c of badBodies) {
    test(`${c.status} ${c.name}`, async ({ request }) => {
      await expectCase(await send(request, c, cookies), c);
    });
  }

  test("a body of exactly 64 kB is read (not 413)", async ({ request }) => {
    const prefix = '{"lab_report_ids": [709]';
    const raw = `${prefix}${" ".repeat(64 * 1024 - prefix.length - 1)}}`;
    expect(Buffer.byteLength(raw)).toBe(64 * 1024);
    const res = await send(request, { method: "POST", path: "/operation/critical-callout", session: "support", raw, headers: { "content-type": "application/json" } }, cookies);
    expect(res.status()).toBe(200);
  });
});
