// Property-based fuzzing: random and hostile path params, query strings and bodies on every
// endpoint. Never a 5xx, never a stack trace, always the error envelope on errors, and a rejected
// request writes nothing.
import fc from "fast-check";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as signAllRoute } from "../../app/api/bills/[billId]/sign-all/route";
import { POST as signRoute } from "../../app/api/reports/[reportId]/sign/route";
import { GET as exportRoute } from "../../app/api/worklist/export/route";
import { GET as worklistRoute } from "../../app/api/worklist/route";
import { POST as loginRoute } from "../../app/auth/login/route";
import { POST as auditRoute } from "../../app/operation/critical-callout/route";
import { GET as logsRoute } from "../../app/report/bulk/critical-notification/logs/route";
import { POST as calloutRoute } from "../../app/report/[billId]/critical/callout/route";
import { GET as recordsRoute } from "../../app/report/[billId]/critical/records/route";
import { PUT as putSettingsRoute } from "../../app/settings/critical-notification/route";
import { rawRows } from "../../db/connect";
import { resetThrottle } from "../../server/auth/throttle";
import type { TestDb } from "../support/db";
import { XLSX_CONTENT_TYPE } from "../../server/export-xlsx";
import { PASSWORD, type Scenario } from "../support/fixtures";
import { call, ORIGIN } from "../support/http";
import { loginAs } from "../support/session";
import { openScenario } from "../support/world";

let tdb: TestDb;
let s: Scenario;
let cookie: string;
let requests = 0;

beforeAll(async () => {
  ({ tdb, s } = await openScenario());
  cookie = await loginAs(s.users.support.username);
});
afterAll(async () => {
  console.log(`fuzz: ${requests} requests`);
  await resetThrottle(tdb.db);
  await tdb.dispose();
});

const HOSTILE = [
  "' OR 1=1 --",
  "1; DROP TABLE lab_reports; --",
  "<script>alert(1)</script>",
  "\u0000",
  "../../etc/passwd",
  "%00",
  "𝟙𝟚𝟛",
  "١٢٣",
  "１２３",
  "1e3",
  "0x1F",
  "-0",
  "+1",
  " 1",
  "1 ",
  "NaN",
  "Infinity",
  "9".repeat(400),
  "2147483648",
  "-2147483649",
  "null",
  "true",
  "[]",
  "{}",
];
const hostileString = fc.oneof(fc.constantFrom(...HOSTILE), fc.string(), fc.string({ unit: "binary" }), fc.string({ minLength: 500, maxLength: 5000 }));
const hostileNumber = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(0, -1, 2 ** 31, 2 ** 53, -(2 ** 53), Number.MAX_VALUE, 1.5, -0),
  fc.bigInt().map((b) => Number(b)),
);
const deep = fc.integer({ min: 50, max: 3000 }).map((depth) => {
  let v: unknown = 1;
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v };
  return v;
});
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  hostileNumber,
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.oneof(hostileNumber, hostileString), { maxLength: 600 }),
  fc.dictionary(hostileString, fc.oneof(hostileNumber, hostileString)),
  deep,
);
/** Bodies shaped like the real ones with some fields replaced by hostile values. */
function shapedBody(template: Record<string, unknown>) {
  return fc
    .record(Object.fromEntries(Object.keys(template).map((k) => [k, fc.oneof(fc.constant(template[k]), hostileValue)])), { requiredKeys: [] })
    .chain((b) => fc.oneof(fc.constant<unknown>(b), fc.constant<unknown>({ ...b, extra: "field" })));
}
/** A raw body: JSON of a value, broken JSON, duplicated keys, empty, or oversized. */
function rawBody(shaped: fc.Arbitrary<unknown>) {
  return fc.oneof(
    { weight: 6, arbitrary: shaped.map((v) => JSON.stringify(v) ?? "null") },
    { weight: 2, arbitrary: hostileValue.map((v) => JSON.stringify(v) ?? "null") },
    { weight: 1, arbitrary: fc.constantFrom("", "{", "[1,", '{"lab_report_ids":[1],"lab_report_ids":"x"}', "null", '"str"', "\u0000", "{\"a\":1}}") },
    { weight: 1, arbitrary: fc.string({ minLength: 65_000, maxLength: 70_000 }) },
  );
}
const contentType = fc.oneof(
  { weight: 8, arbitrary: fc.constant("application/json") },
  { weight: 1, arbitrary: fc.constantFrom("text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "") },
);

/** Rows a request could write; a rejected request must leave this unchanged. */
async function fingerprint() {
  const [row] = await rawRows(
    tdb.db,
    sql`select (select count(*) from critical_callouts) a, (select count(*) from activity_logs) b,
      (select count(*) from outbound_messages) c, (select count(*) from idempotency_keys) d,
      (select coalesce(sum(id * critical_values), 0) + coalesce(sum(case when is_signed then id else 0 end), 0) from lab_reports) e,
      (select md5(coalesce(string_agg(value::text, ',' order by id), '')) from lab_settings) f,
      (select count(*) from sessions) g`,
  );
  return JSON.stringify(row);
}

function assertSane(res: { status: number; text: string; json: unknown }) {
  requests++;
  expect(res.status, res.text.slice(0, 300)).toBeLessThan(500);
  expect(res.text).not.toMatch(/\bat [\w.<>]+ \(|node_modules|\.ts:\d+/);
  if (res.status >= 400) {
    expect(res.json).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
  }
}

async function rejectedWritesNothing(run: () => Promise<{ status: number; text: string; json: unknown }>) {
  const before = await fingerprint();
  const res = await run();
  assertSane(res);
  if (res.status >= 400) expect(await fingerprint()).toBe(before);
}

const RUNS = Number(process.env.FUZZ_RUNS ?? 1);
const runs = (n: number) => ({ numRuns: Math.round(n * RUNS), seed: Number(process.env.FUZZ_SEED ?? 20261127) });

// Thousands of requests per case: on a busy 2-core machine a case can take minutes, which is not a failure.
describe("fuzzing", { timeout: 240_000 }, () => {
  it("endpoint 1: bill ids", async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(hostileString, hostileNumber.map(String)), async (billId) => {
        assertSane(await call(recordsRoute, "/r", { cookie, params: { billId } }));
      }),
      runs(1500),
    );
  });

  it("endpoint 2: report_ids query strings", async () => {
    const list = fc.array(fc.oneof(hostileNumber.map(String), hostileString), { maxLength: 250 }).map((a) => a.join(","));
    await fc.assert(
      fc.asyncProperty(fc.oneof(list, hostileString), fc.boolean(), async (ids, encode) => {
        const q = encode ? `report_ids=${encodeURIComponent(ids)}` : `report_ids=${ids.replace(/[#\s%]/g, "")}&report_ids=2`;
        assertSane(await call(logsRoute, `/l?${q}`, { cookie }));
      }),
      runs(2000),
    );
  });

  it("endpoint 3: bodies", async () => {
    const shaped = shapedBody({ lab_report_ids: [s.r.cultureDone.id] });
    await fc.assert(
      fc.asyncProperty(rawBody(shaped), contentType, async (body, type) => {
        assertSane(await call(auditRoute, "/a", { cookie, rawBody: body, headers: { "content-type": type } }));
      }),
      runs(1500),
    );
  });

  it("endpoint 4: bodies, bill ids and idempotency keys; rejected requests write nothing", async () => {
    const shaped = shapedBody({
      lab_report_ids: [s.r.cbcPending.id],
      is_draft: true,
      recipients: ["Organization"],
      critical_callout_comment: "fuzz",
      critical_callout_meta: { communication_methods: ["email"] },
    });
    await fc.assert(
      fc.asyncProperty(
        rawBody(shaped),
        contentType,
        fc.oneof({ weight: 5, arbitrary: fc.constant(String(s.bill1.id)) }, hostileString),
        fc.option(hostileString, { nil: undefined }),
        async (body, type, billId, key) => {
          const headers: Record<string, string> = { "content-type": type };
          if (key !== undefined && !/[\r\n\0]/.test(key) && /^[\t\x20-\x7e\x80-\xff]*$/.test(key)) headers["idempotency-key"] = key;
          await rejectedWritesNothing(() => call(calloutRoute, "/c", { cookie, rawBody: body, headers, params: { billId } }));
        },
      ),
      runs(2500),
    );
  });

  it("sign, settings and worklist: hostile params and bodies", async () => {
    const shaped = shapedBody({ additional_instruction: "x", mandatory_comments: 0, always_notify: 0, show_patient_name: 0, share_comment: 0, is_email: 1 });
    await fc.assert(
      fc.asyncProperty(rawBody(shaped), hostileString, fc.dictionary(fc.constantFrom("tab", "department", "status", "from", "to", "q", "sort", "page"), hostileString), async (body, reportId, query) => {
        await rejectedWritesNothing(() => call(putSettingsRoute, "/s", { method: "PUT", cookie, rawBody: body, headers: { "content-type": "application/json" } }));
        await rejectedWritesNothing(() => call(signRoute, "/s", { method: "POST", cookie, params: { reportId } }));
        const qs = new URLSearchParams(query as Record<string, string>).toString();
        assertSane(await call(worklistRoute, `/api/worklist?${qs}`, { cookie }));
      }),
      runs(600),
    );
  });

  it("login: a hostile body logs in exactly when it is the contract with the right password", async () => {
    const username = s.users.tech0.username;
    const shaped = fc.constantFrom(PASSWORD, "wrong", `${PASSWORD} `).chain((password) => shapedBody({ username, password }));
    let loggedIn = 0;
    await fc.assert(
      fc.asyncProperty(rawBody(shaped), contentType, async (body, type) => {
        const valid = type === "application/json" && isRightLogin(body, username);
        // Failures throttle the address; a valid login must not meet the lockout other samples caused.
        if (valid) await resetThrottle(tdb.db);
        const res = await call(loginRoute, "/auth/login", { rawBody: body, headers: { "content-type": type, "x-forwarded-for": "198.51.100.7" } });
        assertSane(res);
        if (valid) {
          expect(res.status, body.slice(0, 200)).toBe(200);
          loggedIn++;
          expect(res.headers.get("set-cookie")).toMatch(/^cc_session=/);
        } else {
          expect(res.status, body.slice(0, 200)).not.toBe(200);
          expect(res.headers.get("set-cookie")).toBeNull();
        }
      }),
      runs(800),
    );
    // The property is only worth something if both sides were drawn.
    expect(loggedIn).toBeGreaterThan(0);
  });

  it("sign-all: hostile bill ids; a refused request signs nothing", async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(hostileString, hostileNumber.map(String)), async (billId) => {
        await rejectedWritesNothing(() => call(signAllRoute, "/a", { method: "POST", cookie, params: { billId } }));
      }),
      runs(300),
    );
  });

  it("worklist export: hostile query strings answer a workbook or a 4xx envelope", async () => {
    const keys = fc.constantFrom("tab", "department", "status", "from", "to", "q", "sort", "page", "extra");
    await fc.assert(
      fc.asyncProperty(fc.dictionary(keys, hostileString, { maxKeys: 4 }), async (query) => {
        const qs = new URLSearchParams(query as Record<string, string>).toString();
        const res = await exportRoute(new Request(`${ORIGIN}/api/worklist/export?${qs}`, { headers: { cookie, host: "localhost:3000" } }), {
          params: Promise.resolve({}),
        });
        const bytes = Buffer.from(await res.arrayBuffer());
        requests++;
        expect(res.status, qs).toBeLessThan(500);
        if (res.status === 200) {
          expect(res.headers.get("content-type")).toBe(XLSX_CONTENT_TYPE);
          expect(bytes.subarray(0, 2).toString()).toBe("PK"); // a zip, i.e. an .xlsx
        } else {
          expect(res.status).toBe(400);
          expect(JSON.parse(bytes.toString())).toMatchObject({ error: { code: "bad_request", message: expect.any(String) } });
        }
      }),
      runs(150),
    );
  });
});

/** The login contract exactly: a JSON object with only username (trimmed) and the right password. */
function isRightLogin(raw: string, username: string): boolean {
  let v: unknown;
  try {
    v = JSON.parse(raw);
  } catch {
    return false;
  }
  if (!v || typeof v !== "object" || Array.isArray(v)) return false;
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o).sort();
  return keys.join() === "password,username" && typeof o.username === "string" && o.username.trim() === username && o.password === PASSWORD;
}
