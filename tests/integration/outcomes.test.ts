// Outcomes of callout actions (DESIGN §9) through endpoint 4: every code where it belongs, every
// wrong combination a 400 that writes nothing, the defaults for clients that send none, and the
// outcome kept in the log (endpoint 2's timeline), the callout rows and endpoint 1's attempt count.
import { eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as logsRoute } from "../../app/report/bulk/critical-notification/logs/route";
import { POST as calloutRoute } from "../../app/report/[billId]/critical/callout/route";
import { GET as recordsRoute } from "../../app/report/[billId]/critical/records/route";
import * as t from "../../db/schema";
import { ATTEMPT_OUTCOMES } from "../../domain/callout/outcome";
import type { TestDb } from "../support/db";
import type { Scenario } from "../support/fixtures";
import { call } from "../support/http";
import { loginAs } from "../support/session";
import { openScenario } from "../support/world";

let tdb: TestDb;
let s: Scenario;
let cookie: string;

beforeAll(async () => {
  ({ tdb, s } = await openScenario());
  cookie = await loginAs(s.users.support.username);
});
afterAll(() => tdb.dispose());

const body = (isDraft: boolean, meta: Record<string, unknown> = {}) => ({
  lab_report_ids: [s.r.cbcPending.id],
  is_draft: isDraft,
  recipients: ["Referral"],
  critical_callout_comment: "",
  critical_callout_meta: { communication_methods: ["email"], ...meta },
});
const post = (b: unknown) => call(calloutRoute, "/c", { cookie, body: b, params: { billId: String(s.bill1.id) } });
const logOf = async (id: number) => (await tdb.db.select().from(t.activityLogs).where(eq(t.activityLogs.id, id)))[0];
const draftOf = async () =>
  (await tdb.db.select().from(t.criticalCallouts).where(eq(t.criticalCallouts.billId, s.bill1.id))).find((c) => c.labReportId === null);
const attemptsOnScreen = async (reportId: number) => {
  const res = await call(recordsRoute, "/r", { cookie, params: { billId: String(s.bill1.id) } });
  return res.json.reports.find((r: { lab_report: { labReportId: number } }) => r.lab_report.labReportId === reportId).clock.attempts as number;
};
const writes = async () => ({
  logs: (await tdb.db.select().from(t.activityLogs).where(eq(t.activityLogs.labId, s.labA.id))).length,
  callouts: (await tdb.db.select().from(t.criticalCallouts).where(eq(t.criticalCallouts.labId, s.labA.id))).length,
});

describe("attempt outcomes", () => {
  for (const code of ATTEMPT_OUTCOMES) {
    it(`records "${code}" on an attempt, in the log and the draft, and counts the attempt`, async () => {
      const before = await attemptsOnScreen(s.r.cbcPending.id);
      const res = await post(body(true, { outcome: { code, note: code === "other" ? "switchboard closed" : undefined } }));
      expect(res.status, res.text).toBe(201);
      const log = await logOf(res.json.callout.activity_log_id);
      expect((log.dumpedJson as { outcome: { code: string } }).outcome).toMatchObject({ code, read_back: null });
      expect(((await draftOf())!.criticalCalloutMeta as { outcome: { code: string } }).outcome.code).toBe(code);
      expect(await attemptsOnScreen(s.r.cbcPending.id)).toBe(before + 1);
    });
  }

  it("defaults an attempt without an outcome to other", async () => {
    const res = await post(body(true));
    expect(res.status).toBe(201);
    expect((await logOf(res.json.callout.activity_log_id)).dumpedJson).toMatchObject({ outcome: { code: "other", person: null } });
  });
});

describe("done outcomes", () => {
  it("records reached with the person, role and read-back in the log and every done row", async () => {
    const outcome = { code: "reached", person: "RN Jones", role: "charge nurse", read_back: true };
    const res = await post(body(false, { outcome }));
    expect(res.status, res.text).toBe(201);
    expect((await logOf(res.json.callout.activity_log_id)).dumpedJson).toMatchObject({ outcome: { ...outcome, note: null } });
    const [row] = await tdb.db.select().from(t.criticalCallouts).where(eq(t.criticalCallouts.id, res.json.callout.callout_ids[0]));
    expect(row.criticalCalloutMeta).toMatchObject({ outcome: { code: "reached", person: "RN Jones", read_back: true } });
    // …and the timeline (endpoint 2) carries it in the entry's meta.
    const logs = await call(logsRoute, `/l?report_ids=${s.r.cbcPending.id}`, { cookie });
    const entry = logs.json.logs.find((l: { id: number }) => l.id === res.json.callout.activity_log_id);
    expect(entry.meta.outcome).toMatchObject({ code: "reached", person: "RN Jones", read_back: true });
  });

  it("records message_sent", async () => {
    const res = await post(body(false, { outcome: { code: "message_sent" } }));
    expect(res.status, res.text).toBe(201);
    expect((await logOf(res.json.callout.activity_log_id)).dumpedJson).toMatchObject({ outcome: { code: "message_sent", read_back: null } });
  });

  it("defaults to reached from the phone call already made, with its read-back", async () => {
    const phone_call = { name: "Dr. Rao", contact: "555-0199", read_back: false };
    const res = await post(body(false, { communication_methods: [], already_notified: { phone_call } }));
    expect(res.status, res.text).toBe(201);
    expect((await logOf(res.json.callout.activity_log_id)).dumpedJson).toMatchObject({ outcome: { code: "reached", person: "Dr. Rao", read_back: false } });
  });

  it("defaults to message_sent without a phone call", async () => {
    const res = await post(body(false));
    expect(res.status).toBe(201);
    expect((await logOf(res.json.callout.activity_log_id)).dumpedJson).toMatchObject({ outcome: { code: "message_sent" } });
  });

  it("does not count a done callout as an attempt", async () => {
    const before = await attemptsOnScreen(s.r.cbcPending.id);
    expect((await post(body(false))).status).toBe(201);
    expect(await attemptsOnScreen(s.r.cbcPending.id)).toBe(before);
  });
});

describe("wrong outcomes are 400 and write nothing", () => {
  const bad: [string, boolean, unknown, RegExp][] = [
    ["an unknown code", true, { code: "hung_up" }, /outcome/],
    ["an unknown code on done", false, { code: "confirmed" }, /outcome/],
    ["an attempt code on a done callout", false, { code: "no_answer" }, /not a done outcome/],
    ["a done code on an attempt", true, { code: "reached", person: "RN Jones", read_back: true }, /not an attempt outcome/],
    ["message_sent on an attempt", true, { code: "message_sent" }, /not an attempt outcome/],
    ["reached without a person", false, { code: "reached", read_back: true }, /needs the person/],
    ["reached with a blank person", false, { code: "reached", person: "  ", read_back: true }, /needs the person/],
    ["reached without read_back", false, { code: "reached", person: "RN Jones" }, /read_back true or false/],
    ["read_back on an attempt", true, { code: "no_answer", read_back: true }, /applies only to reached/],
    ["read_back on message_sent", false, { code: "message_sent", read_back: false }, /applies only to reached/],
    ["read_back as a string", false, { code: "reached", person: "RN Jones", read_back: "yes" }, /read_back/],
    ["an unknown field", true, { code: "busy", mood: "angry" }, /mood|unrecognized/i],
    ["a code of the wrong type", true, { code: 1 }, /outcome/],
    ["a note over 500 characters", true, { code: "other", note: "n".repeat(501) }, /note/],
  ];
  for (const [name, isDraft, outcome, message] of bad) {
    it(name, async () => {
      const before = await writes();
      const res = await post(body(isDraft, { outcome }));
      expect(res.status, res.text).toBe(400);
      expect(res.json.error.code).toBe("bad_request");
      expect(`${res.json.error.message} ${JSON.stringify(res.json.error.details ?? "")}`).toMatch(message);
      expect(await writes()).toEqual(before);
    });
  }

  it("keeps the bill's draft when a bad outcome is refused", async () => {
    expect((await post(body(true, { outcome: { code: "busy" } }))).status).toBe(201);
    const draft = await draftOf();
    expect((await post(body(false, { outcome: { code: "busy" } }))).status).toBe(400);
    expect(await draftOf()).toEqual(draft);
    const drafts = await tdb.db.select().from(t.criticalCallouts).where(isNull(t.criticalCallouts.labReportId));
    expect(drafts.filter((d) => d.billId === s.bill1.id)).toHaveLength(1);
  });
});
