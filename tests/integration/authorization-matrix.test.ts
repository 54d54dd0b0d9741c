// Authorization matrix: every endpoint × every kind of session × every kind of object. The expected
// outcome is the table below; an unseen object must look exactly like a nonexistent one. The route
// table is checked against the route files under app/, so a new endpoint without a row fails here.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as complianceExportRoute } from "../../app/api/compliance/export/route";
import { GET as complianceRoute } from "../../app/api/compliance/route";
import { GET as ackPageRoute, POST as ackPostRoute } from "../../app/ack/[token]/route";
import { POST as acknowledgeRoute } from "../../app/report/[billId]/critical/acknowledge/route";
import { GET as eventsRoute } from "../../app/api/events/route";
import { POST as signAllRoute } from "../../app/api/bills/[billId]/sign-all/route";
import { POST as signRoute } from "../../app/api/reports/[reportId]/sign/route";
import { GET as openApiRoute } from "../../app/api/openapi.json/route";
import { GET as benchFloorRoute } from "../../app/api/bench/floor/route";
import { GET as fhirReadRoute } from "../../app/fhir/r4/Communication/[id]/route";
import { GET as fhirSearchRoute } from "../../app/fhir/r4/Communication/route";
import { GET as fhirMetadataRoute } from "../../app/fhir/r4/metadata/route";
import { GET as exportRoute } from "../../app/api/worklist/export/route";
import { GET as worklistRoute } from "../../app/api/worklist/route";
import { POST as loginRoute } from "../../app/auth/login/route";
import { POST as logoutRoute } from "../../app/auth/logout/route";
import { GET as meRoute } from "../../app/auth/me/route";
import { POST as auditRoute } from "../../app/operation/critical-callout/route";
import { GET as logsRoute } from "../../app/report/bulk/critical-notification/logs/route";
import { POST as calloutRoute } from "../../app/report/[billId]/critical/callout/route";
import { GET as recordsRoute } from "../../app/report/[billId]/critical/records/route";
import { GET as getSettingsRoute, PUT as putSettingsRoute } from "../../app/settings/critical-notification/route";
import { ackLinkMinter } from "../../db/queries/ack-links";
import { API_TOKEN_PREFIX, createApiToken, revokeApiToken } from "../../db/queries/api-tokens";
import { createSession, hashToken } from "../../db/queries/sessions";
import * as t from "../../db/schema";
import { DEFAULT_NOTIFY_SETTINGS } from "../../contracts/settings";
import { appRoutes } from "../support/app-routes";
import type { TestDb } from "../support/db";
import { PASSWORD, type Scenario } from "../support/fixtures";
import { call } from "../support/http";
import { loginAs } from "../support/session";
import { openSse, type SseFrame } from "../support/sse";
import { openScenario } from "../support/world";

// Sessions of the browser (a login cookie) and of machine clients (an API token of that user, which
// must see exactly what the user's login sees).
const LIVE = ["tech0", "tech1", "drdept", "drref", "support", "supportB", "tech0Token", "drrefToken"] as const;
const DEAD = ["none", "expired", "loggedOut", "unknownToken", "revokedToken"] as const;
const TOKEN_OF = { tech0Token: "tech0", drrefToken: "drref" } as const;
type Who = (typeof LIVE)[number] | (typeof DEAD)[number];
const OBJECTS = ["hemaReport", "chemReport", "microReport", "otherDoctorReport", "otherLabReport", "nonexistent"] as const;
type Obj = (typeof OBJECTS)[number];

// Which session sees which object: the scoping table of DESIGN §3 applied to the fixture world.
const SEES: Record<(typeof LIVE)[number], Obj[]> = {
  tech0: ["hemaReport"], // lab_user, department list in the session: Hematology
  tech1: ["chemReport", "otherDoctorReport"], // lab_user, lab_user_departments: Chemistry
  drdept: ["hemaReport"], // doctor doc_type 0, doctor_departments: Hematology
  drref: ["hemaReport", "chemReport", "microReport"], // doctor doc_type 2: bill 1 is theirs, bill 2 is not
  support: ["hemaReport", "chemReport", "microReport", "otherDoctorReport"],
  supportB: ["otherLabReport"],
  tech0Token: ["hemaReport"],
  drrefToken: ["hemaReport", "chemReport", "microReport"],
};
// Bills: a bill is a 404 unless it is in the session's lab and, for referral doctors, assigned to them.
const BILL_VISIBLE: Record<(typeof LIVE)[number], Obj[]> = {
  tech0: ["hemaReport", "chemReport", "microReport", "otherDoctorReport"],
  tech1: ["hemaReport", "chemReport", "microReport", "otherDoctorReport"],
  drdept: ["hemaReport", "chemReport", "microReport", "otherDoctorReport"],
  drref: ["hemaReport", "chemReport", "microReport"],
  support: ["hemaReport", "chemReport", "microReport", "otherDoctorReport"],
  supportB: ["otherLabReport"],
  tech0Token: ["hemaReport", "chemReport", "microReport", "otherDoctorReport"],
  drrefToken: ["hemaReport", "chemReport", "microReport"],
};

let tdb: TestDb;
let s: Scenario;
const cookies = {} as Record<Who, string | undefined>;
let cells = 0;

function target(o: Obj) {
  const r = {
    hemaReport: s.r.cbcPending,
    chemReport: s.r.kAttempted,
    microReport: s.r.cultureDone,
    otherDoctorReport: s.r.otherDoctor,
    otherLabReport: s.r.otherLab,
    nonexistent: { id: 2147483000, billId: 2147483000 },
  }[o];
  return { reportId: r.id, billId: r.billId };
}

/** The body minus its request id: what a client can compare between two answers. */
/** A fresh acknowledgement link of the micro report's done callout (the public page needs a real one). */
async function ackToken(): Promise<string> {
  const minter = ackLinkMinter({
    labId: s.labA.id,
    billId: s.r.cultureDone.billId,
    activityLogId: (await tdb.db.select({ id: t.activityLogs.id }).from(t.activityLogs).where(eq(t.activityLogs.labId, s.labA.id)).limit(1))[0].id,
    labReportIds: [s.r.cultureDone.id],
    calloutIds: [],
    hidePatientName: false,
    now: new Date(),
    hours: 72,
    baseUrl: "http://localhost:3000",
  });
  const url = minter.mint({ kind: "Referral", name: "Dr. Matrix", address: "matrix@example.test" });
  await tdb.db.transaction((tx) => minter.insert(tx));
  return url.split("/ack/")[1];
}

const shape = (res: { status: number; json: unknown }) => {
  const j = structuredClone(res.json) as { error?: { request_id?: string }; issue?: { diagnostics?: string }[] };
  if (j?.error) delete j.error.request_id;
  for (const issue of j?.issue ?? []) delete issue.diagnostics; // an OperationOutcome's request id
  return { status: res.status, body: j };
};

beforeAll(async () => {
  ({ tdb, s } = await openScenario());
  for (const who of LIVE) {
    if (who in TOKEN_OF) {
      const user = s.users[TOKEN_OF[who as keyof typeof TOKEN_OF]];
      cookies[who] = `Bearer ${(await createApiToken(tdb.db, user, `matrix ${who}`)).token}`;
    } else cookies[who] = await loginAs(s.users[who as keyof typeof s.users].username);
  }
  cookies.unknownToken = `Bearer ${API_TOKEN_PREFIX}not-a-token-anyone-was-given`;
  const revoked = await createApiToken(tdb.db, s.users.support, "matrix revoked");
  await revokeApiToken(tdb.db, s.labA.id, revoked.id);
  cookies.revokedToken = `Bearer ${revoked.token}`;
  cookies.none = undefined;
  const expired = await createSession(tdb.db, { id: s.users.support.id, labId: s.labA.id, departmentIds: [] });
  await tdb.db.update(t.sessions).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(t.sessions.id, hashToken(expired.token)));
  cookies.expired = `cc_session=${expired.token}`;
  cookies.loggedOut = await loginAs(s.users.support.username);
  await call(logoutRoute, "/auth/logout", { method: "POST", cookie: cookies.loggedOut });
});
afterAll(async () => {
  console.log(`authorization matrix: ${cells} cells checked`);
  await tdb.dispose();
});

const ENDPOINTS = {
  records: (cookie: string | undefined, o: Obj) =>
    call(recordsRoute, "/r", { cookie, params: { billId: String(target(o).billId) } }),
  logs: (cookie: string | undefined, o: Obj) => call(logsRoute, `/l?report_ids=${target(o).reportId}`, { cookie }),
  audit: (cookie: string | undefined, o: Obj) => call(auditRoute, "/a", { cookie, body: { lab_report_ids: [target(o).reportId] } }),
  callout: (cookie: string | undefined, o: Obj) =>
    call(calloutRoute, "/c", {
      cookie,
      params: { billId: String(target(o).billId) },
      body: { lab_report_ids: [target(o).reportId], is_draft: true, recipients: [], critical_callout_comment: "matrix", critical_callout_meta: { communication_methods: [] } },
    }),
  sign: (cookie: string | undefined, o: Obj) => call(signRoute, "/s", { method: "POST", cookie, params: { reportId: String(target(o).reportId) } }),
  signAll: (cookie: string | undefined, o: Obj) => call(signAllRoute, "/sa", { method: "POST", cookie, params: { billId: String(target(o).billId) } }),
  worklist: (cookie: string | undefined, _o: Obj) => call(worklistRoute, "/api/worklist?tab=pending", { cookie }),
  export: (cookie: string | undefined, _o: Obj) => call(exportRoute, "/api/worklist/export?tab=pending", { cookie }),
  compliance: (cookie: string | undefined, _o: Obj) =>
    call(complianceRoute, `/api/compliance?from=2026-11-01&to=2026-12-01&group_by=test`, { cookie }),
  complianceExport: (cookie: string | undefined, _o: Obj) => call(complianceExportRoute, "/api/compliance/export?from=2026-11-01&to=2026-12-01", { cookie }),
  events: (cookie: string | undefined, o: Obj) => call(eventsRoute, `/api/events?bill_id=${target(o).billId}`, { cookie, stream: true }),
  acknowledge: (cookie: string | undefined, o: Obj) =>
    call(acknowledgeRoute, "/ack", { cookie, params: { billId: String(target(o).billId) }, body: { lab_report_ids: [target(o).reportId] } }),
  fhirSearch: (cookie: string | undefined, o: Obj) => call(fhirSearchRoute, `/fhir/r4/Communication?part-of=${target(o).reportId}`, { cookie }),
  fhirRead: (cookie: string | undefined, id: string) => call(fhirReadRoute, `/fhir/r4/Communication/${id}`, { cookie, params: { id } }),
};

type Access = "public" | "session";
/** Every handler of every route file, as "METHOD /path" in app/'s own spelling. */
const ROUTES: Record<string, { access: Access; call: (cookie: string | undefined) => ReturnType<typeof call> }> = {
  "GET /report/[billId]/critical/records": { access: "session", call: (c) => ENDPOINTS.records(c, "hemaReport") },
  "GET /report/bulk/critical-notification/logs": { access: "session", call: (c) => ENDPOINTS.logs(c, "hemaReport") },
  "POST /operation/critical-callout": { access: "session", call: (c) => ENDPOINTS.audit(c, "hemaReport") },
  "POST /report/[billId]/critical/callout": { access: "session", call: (c) => ENDPOINTS.callout(c, "hemaReport") },
  "POST /report/[billId]/critical/acknowledge": { access: "session", call: (c) => ENDPOINTS.acknowledge(c, "microReport") },
  "GET /ack/[token]": { access: "public", call: async (cookie) => call(ackPageRoute, "/ack/x", { cookie, params: { token: await ackToken() } }) },
  "POST /ack/[token]": {
    access: "public",
    call: async (cookie) =>
      call(ackPostRoute, "/ack/x", {
        cookie,
        params: { token: await ackToken() },
        rawBody: "name=Dr.+Matrix",
        headers: { "content-type": "application/x-www-form-urlencoded" },
      }),
  },
  "POST /api/reports/[reportId]/sign": { access: "session", call: (c) => ENDPOINTS.sign(c, "hemaReport") },
  "POST /api/bills/[billId]/sign-all": { access: "session", call: (c) => ENDPOINTS.signAll(c, "hemaReport") },
  "GET /api/worklist": { access: "session", call: (c) => ENDPOINTS.worklist(c, "hemaReport") },
  "GET /api/worklist/export": { access: "session", call: (c) => ENDPOINTS.export(c, "hemaReport") },
  "GET /api/events": { access: "session", call: (c) => ENDPOINTS.events(c, "hemaReport") },
  "GET /api/compliance": { access: "session", call: (c) => ENDPOINTS.compliance(c, "hemaReport") },
  "GET /api/compliance/export": { access: "session", call: (c) => ENDPOINTS.complianceExport(c, "hemaReport") },
  "GET /settings/critical-notification": { access: "session", call: (cookie) => call(getSettingsRoute, "/s", { cookie }) },
  "PUT /settings/critical-notification": {
    access: "session",
    call: (cookie) => call(putSettingsRoute, "/s", { method: "PUT", cookie, body: DEFAULT_NOTIFY_SETTINGS }),
  },
  "GET /auth/me": { access: "session", call: (cookie) => call(meRoute, "/me", { cookie }) },
  "GET /api/openapi.json": { access: "session", call: (cookie) => call(openApiRoute, "/api/openapi.json", { cookie }) },
  "GET /api/bench/floor": { access: "session", call: (cookie) => call(benchFloorRoute, "/api/bench/floor?bytes=100", { cookie }) },
  "GET /fhir/r4/metadata": { access: "public", call: (cookie) => call(fhirMetadataRoute, "/fhir/r4/metadata", { cookie }) },
  "GET /fhir/r4/Communication": { access: "session", call: (c) => ENDPOINTS.fhirSearch(c, "hemaReport") },
  "GET /fhir/r4/Communication/[id]": { access: "session", call: (c) => ENDPOINTS.fhirRead(c, "1-1") },
  "POST /auth/logout": { access: "session", call: (cookie) => call(logoutRoute, "/o", { method: "POST", cookie }) },
  "POST /auth/login": {
    access: "public",
    call: (cookie) => call(loginRoute, "/auth/login", { cookie, body: { username: s.users.tech0.username, password: PASSWORD } }),
  },
};

it("has a row for every handler of every route file", async () => {
  expect(await appRoutes()).toEqual(Object.keys(ROUTES).sort());
});

describe.each(DEAD)("without a valid session (%s)", (who) => {
  const sessionRoutes = Object.keys(ROUTES).filter((r) => ROUTES[r].access === "session");
  it.each(sessionRoutes)("%s answers 401", async (route) => {
    const res = await ROUTES[route].call(cookies[who]);
    expect(res.status).toBe(401);
    if (route.includes(" /fhir/")) expect(res.json).toMatchObject({ resourceType: "OperationOutcome", issue: [{ code: "login" }] });
    else expect(res.json.error.code).toBe("unauthorized");
    cells++;
  });

  it.each(Object.keys(ROUTES).filter((r) => ROUTES[r].access === "public"))("%s answers without a session", async (route) => {
    const res = await ROUTES[route].call(cookies[who]);
    expect([200, 201]).toContain(res.status); // an acknowledgement link's form post records (201)
    cells++;
  });
});

describe.each(LIVE)("%s", (who) => {
  it.each(OBJECTS)("object %s: sees exactly what the table says, and unseen looks like nonexistent", async (o) => {
    const cookie = cookies[who];
    const sees = SEES[who].includes(o);
    const billVisible = BILL_VISIBLE[who].includes(o);
    const { reportId, billId } = target(o);

    // Endpoint 1: the bill is a 404 when unseen; the report is listed only when seen.
    const rec = await ENDPOINTS.records(cookie, o);
    if (billVisible) {
      expect(rec.status).toBe(200);
      const ids = rec.json.reports.map((r: { lab_report: { labReportId: number } }) => r.lab_report.labReportId);
      expect(ids.includes(reportId)).toBe(sees);
    } else {
      expect(shape(rec)).toEqual(shape(await ENDPOINTS.records(cookie, "nonexistent")));
    }

    // Endpoint 2: logs of a seen report with history are returned; unseen = nonexistent = empty.
    const logs = await ENDPOINTS.logs(cookie, o);
    expect(logs.status).toBe(200);
    const hasHistory = ["hemaReport", "chemReport", "microReport", "otherLabReport"].includes(o);
    if (!sees) expect(logs.json.logs).toEqual([]);
    else if (hasHistory) expect(logs.json.logs.length).toBeGreaterThan(0); // others may add history to the rest
    if (!sees) expect(shape(logs)).toEqual(shape(await ENDPOINTS.logs(cookie, "nonexistent")));

    // Endpoint 3: the done record of the micro report, only to those who see it.
    const audit = await ENDPOINTS.audit(cookie, o);
    expect(audit.status).toBe(200);
    expect(audit.json.records.length > 0).toBe(sees && o === "microReport");

    // Endpoint 4: a save on a seen report works; an unseen report on a visible bill is refused
    // exactly like a nonexistent id on that bill; an unseen bill is a 404 like a nonexistent bill.
    const write = await ENDPOINTS.callout(cookie, o);
    if (sees) expect(write.status).toBe(201);
    else if (billVisible) {
      expect(write.status).toBe(400);
      const ghost = await call(calloutRoute, "/c", {
        cookie,
        params: { billId: String(billId) },
        body: { lab_report_ids: [2147483000], is_draft: true, recipients: [], critical_callout_comment: "matrix", critical_callout_meta: { communication_methods: [] } },
      });
      expect(write.json.error.message).toBe(ghost.json.error.message);
    } else {
      expect(shape(write)).toEqual(shape(await ENDPOINTS.callout(cookie, "nonexistent")));
    }

    // Acknowledge (doctor logins only, else 403): a seen report with a done callout (the micro report)
    // is 201; another seen report is a 400, as is an unseen one on a visible bill (like a ghost id);
    // an unseen bill is the nonexistent answer.
    const ack = await ENDPOINTS.acknowledge(cookie, o);
    if (!["drdept", "drref", "drrefToken"].includes(who)) expect(ack.status).toBe(403);
    else if (sees && o === "microReport") expect(ack.status).toBe(201);
    else if (billVisible) {
      expect(ack.status).toBe(400);
      const ghost = await call(acknowledgeRoute, "/ack", { cookie, params: { billId: String(billId) }, body: { lab_report_ids: [2147483000] } });
      expect(ack.json.error.message).toBe(ghost.json.error.message);
    } else {
      expect(shape(ack)).toEqual(shape(await ENDPOINTS.acknowledge(cookie, "nonexistent")));
    }

    // FHIR: the report's communications (its history, and the save above) only to those who see it;
    // reading one of them unseen is the nonexistent answer.
    const fhir = await ENDPOINTS.fhirSearch(cookie, o);
    expect(fhir.status).toBe(200);
    expect((fhir.json.entry ?? []).length > 0).toBe(sees && o !== "nonexistent");
    const ownerView = await ENDPOINTS.fhirSearch(cookies[o === "otherLabReport" ? "supportB" : "support"], o);
    const someId: string | undefined = ownerView.json.entry?.[0]?.resource.id;
    if (someId) {
      const one = await ENDPOINTS.fhirRead(cookie, someId);
      if (sees) expect(one.status).toBe(200);
      else expect(shape(one)).toEqual(shape(await ENDPOINTS.fhirRead(cookie, "2147483000-2147483000")));
    }

    // Sign: seen → 200, unseen → the nonexistent answer.
    const sign = await ENDPOINTS.sign(cookie, o);
    if (sees) expect(sign.status).toBe(200);
    else expect(shape(sign)).toEqual(shape(await ENDPOINTS.sign(cookie, "nonexistent")));

    // Sign all: a visible bill signs exactly the reports the session sees on it (dismissed ones
    // excepted); an unseen bill is the nonexistent answer.
    if (o !== "nonexistent") await tdb.db.update(t.labReports).set({ isSigned: false }).where(eq(t.labReports.id, reportId));
    const signAll = await ENDPOINTS.signAll(cookie, o);
    if (billVisible) {
      expect(signAll.status).toBe(200);
      expect(signAll.json.signed.includes(reportId)).toBe(sees);
    } else {
      expect(shape(signAll)).toEqual(shape(await ENDPOINTS.signAll(cookie, "nonexistent")));
    }

    // Event stream of the object's bill: open when the bill is visible, else the nonexistent answer.
    const events = await ENDPOINTS.events(cookie, o);
    if (billVisible) {
      expect(events.status).toBe(200);
      expect(events.headers.get("content-type")).toMatch(/^text\/event-stream/);
    } else {
      expect(shape(events)).toEqual(shape(await ENDPOINTS.events(cookie, "nonexistent")));
    }

    // Export: every session may export its own worklist.
    const xlsx = await ENDPOINTS.export(cookie, o);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get("content-type")).toContain("spreadsheetml");

    // Compliance export: every session may export its own figures.
    const complianceXlsx = await ENDPOINTS.complianceExport(cookie, o);
    expect(complianceXlsx.status).toBe(200);
    expect(complianceXlsx.headers.get("content-type")).toContain("spreadsheetml");

    // Worklist: the object's bill is listed only when one of its reports is seen.
    const wl = await ENDPOINTS.worklist(cookie, o);
    expect(wl.status).toBe(200);
    const billsSeen = new Set(OBJECTS.filter((x) => SEES[who].includes(x)).map((x) => target(x).billId));
    const listed = wl.json.rows.map((r: { billId: number }) => r.billId).filter((id: number) => [s.bill1.id, s.bill2.id, s.billB.id].includes(id));
    expect(new Set(listed)).toEqual(billsSeen);
    cells += 12;
  });

  it("compliance: counts exactly the critical reports the session sees", async () => {
    // Counted reports of the fixture (status 1, 2 or 4, collected, not dismissed) by test: the CBC of
    // hemaReport; the potassium of chemReport and of the other report of bill 1 (same department and
    // bill) and otherDoctorReport's; the culture of microReport; lab B's potassium.
    const sees = (o: Obj) => SEES[who].includes(o);
    const expected = Object.fromEntries(
      [
        [s.tests.cbc.id, sees("hemaReport") ? 1 : 0],
        [s.tests.potassium.id, (sees("chemReport") ? 2 : 0) + (sees("otherDoctorReport") ? 1 : 0)],
        [s.tests.culture.id, sees("microReport") ? 1 : 0],
        [s.r.otherLab.testId, sees("otherLabReport") ? 1 : 0],
      ]
        .filter(([, n]) => n > 0)
        .map(([test, n]) => [String(test), n]),
    );
    const res = await ENDPOINTS.compliance(cookies[who], "hemaReport");
    expect(res.status).toBe(200);
    const got = Object.fromEntries(res.json.groups.map((g: { key: string; critical_reports: number }) => [g.key, g.critical_reports]));
    expect(got).toEqual(expected);
    cells++;
  });

  it("configuration: everyone reads their own lab's; only support may change it", async () => {
    const cookie = cookies[who];
    const get = await call(getSettingsRoute, "/s", { cookie });
    expect(get.status).toBe(200);
    const put = await call(putSettingsRoute, "/s", { method: "PUT", cookie, body: get.json.settings });
    expect(put.status).toBe(who.startsWith("support") ? 200 : 403);
    expect(get.json.can_edit).toBe(who.startsWith("support"));
    const me = await call(meRoute, "/me", { cookie });
    expect(me.json.user.labId).toBe(who === "supportB" ? s.labB.id : s.labA.id);
    cells += 3;
  });
});

describe("the event stream", () => {
  it("brings each session the writes on exactly the reports it sees", async () => {
    const streams = await Promise.all(LIVE.map((who) => openSse(eventsRoute, "/api/events", cookies[who]!)));
    try {
      const writes: [Obj, (typeof LIVE)[number]][] = [
        ["hemaReport", "support"],
        ["chemReport", "support"],
        ["microReport", "support"],
        ["otherDoctorReport", "support"],
        ["otherLabReport", "supportB"],
      ];
      for (const [o, writer] of writes) {
        const res = await call(calloutRoute, "/c", {
          cookie: cookies[writer],
          params: { billId: String(target(o).billId) },
          body: { lab_report_ids: [target(o).reportId], is_draft: true, recipients: [], critical_callout_comment: "events", critical_callout_meta: { communication_methods: [] } },
        });
        expect(res.status).toBe(201);
      }
      for (const [i, who] of LIVE.entries()) {
        const expected = SEES[who].filter((o) => o !== "nonexistent").map((o) => target(o).reportId).sort((a, b) => a - b);
        const heard: number[] = [];
        // Every expected event arrives within 2 s; then a quiet half second shows nothing else follows.
        while (heard.length < expected.length) heard.push(...((await streams[i].nextOf("callout", 2000)) as SseFrame & { data: { lab_report_ids: number[] } }).data.lab_report_ids);
        await expect(streams[i].nextOf("callout", 500)).rejects.toThrow(/no event/);
        expect(heard.sort((a, b) => a - b), who).toEqual(expected);
        cells++;
      }
    } finally {
      for (const stream of streams) stream.close();
    }
  });
});
