// Acknowledgement of receipt (DESIGN §10): the link every emailed message of a done callout carries
// (hashed, single use, expiring, throttled, lab-bound), and the doctors' acknowledge endpoint; each
// acknowledgement shows in the timeline, endpoint 1's clock, endpoint 3's records and the bill version.
import { createHash, randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as ackPage, POST as ackPost } from "../../app/ack/[token]/route";
import { POST as auditRoute } from "../../app/operation/critical-callout/route";
import { POST as acknowledgeRoute } from "../../app/report/[billId]/critical/acknowledge/route";
import { GET as logsRoute } from "../../app/report/bulk/critical-notification/logs/route";
import { POST as calloutRoute } from "../../app/report/[billId]/critical/callout/route";
import { GET as recordsRoute } from "../../app/report/[billId]/critical/records/route";
import { GET as fhirSearchRoute } from "../../app/fhir/r4/Communication/route";
import { DEFAULT_NOTIFY_SETTINGS } from "../../contracts/settings";
import { putNotifySettings } from "../../db/queries/settings";
import * as t from "../../db/schema";
import type { TestDb } from "../support/db";
import type { Scenario } from "../support/fixtures";
import { call } from "../support/http";
import { loginAs } from "../support/session";
import { openScenario } from "../support/world";

let tdb: TestDb;
let s: Scenario;
let support: string;
let drref: string;
let tech0: string;
let supportB: string;
let addressNo = 0;
/** A fresh client address per test: the throttle counts unknown links per address. */
const nextAddress = () => `198.51.100.${++addressNo}`;

beforeAll(async () => {
  ({ tdb, s } = await openScenario());
  [support, drref, tech0, supportB] = await Promise.all(
    [s.users.support, s.users.drref, s.users.tech0, s.users.supportB].map((u) => loginAs(u.username)),
  );
});
afterAll(async () => {
  await tdb.dispose();
});

const LINK = /^(http:\/\/localhost:3000\/ack\/([A-Za-z0-9_-]{43}))$/m;

/** A done callout by email of the CBC on bill 1; the links of its email messages by recipient kind. */
async function emailedCallout(cookie = support, billId = s.bill1.id, ids = [s.r.cbcPending.id], extra: Record<string, unknown> = {}) {
  const res = await call(calloutRoute, "/c", {
    cookie,
    params: { billId: String(billId) },
    body: { lab_report_ids: ids, is_draft: false, recipients: ["Organization", "Referral"], critical_callout_comment: "", critical_callout_meta: { communication_methods: ["email", "fax"], ...extra } },
  });
  expect(res.status).toBe(201);
  const messages = await tdb.db.select().from(t.outboundMessages).where(eq(t.outboundMessages.activityLogId, res.json.callout.activity_log_id));
  const tokens: Record<string, string> = {};
  for (const m of messages) {
    const match = LINK.exec(m.bodyText);
    if (m.channel === "email") {
      expect(match, `${m.recipientKind}'s email has its link on a line of its own`).not.toBeNull();
      expect(m.bodyHtml).toContain(`href="${match![1]}"`);
      tokens[m.recipientKind] = match![2];
    } else expect(match).toBeNull(); // fax has no provider; only email carries a link
  }
  return { res, tokens };
}

const page = (token: string, address = nextAddress()) => call(ackPage, `/ack/${token}`, { params: { token }, headers: { "x-forwarded-for": address } });
const acknowledge = (token: string, name: string, address = nextAddress()) =>
  call(ackPost, `/ack/${token}`, {
    params: { token },
    rawBody: new URLSearchParams({ name }).toString(),
    headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": address, "user-agent": "Phone Browser 1.0" },
  });

describe("the link in the email", () => {
  it("is a 256-bit token per recipient, stored only as its SHA-256, and shows what the message showed", async () => {
    await putNotifySettings(tdb.db, s.labA.id, { ...DEFAULT_NOTIFY_SETTINGS, ack_link_hours: 48, lab_phone: "+1 555 0100" });
    const { res, tokens } = await emailedCallout();
    expect(Object.keys(tokens).sort()).toEqual(["Organization", "Referral"]);
    expect(tokens.Organization).not.toBe(tokens.Referral);
    expect(Buffer.from(tokens.Referral, "base64url")).toHaveLength(32);

    const links = await tdb.db.select().from(t.criticalAckLinks).where(eq(t.criticalAckLinks.activityLogId, res.json.callout.activity_log_id));
    expect(links.map((l) => l.tokenHash).sort()).toEqual(Object.values(tokens).map((tk) => createHash("sha256").update(tk).digest("hex")).sort());
    expect(JSON.stringify(links)).not.toContain(tokens.Referral);
    const hours = (links[0].expiresAt.getTime() - links[0].createdAt.getTime()) / 3_600_000;
    expect(hours).toBe(48);

    const shown = await page(tokens.Referral);
    expect(shown.status).toBe(200);
    expect(shown.headers.get("content-type")).toMatch(/^text\/html/);
    expect(shown.text).toContain("Maria Lopez");
    expect(shown.text).toContain("Hemoglobin: 6.1 g/dL");
    expect(shown.text).toContain("Your name");
    expect(shown.text).toContain('value="Dr. Rhea Kapoor"'); // the referral doctor's own link is prefilled
    expect(shown.text).toContain("+1 555 0100");
    expect(shown.text).not.toContain("<script");
    await putNotifySettings(tdb.db, s.labA.id, DEFAULT_NOTIFY_SETTINGS);
  });

  it("in HIPAA mode shows the accession number, never the patient's name", async () => {
    await putNotifySettings(tdb.db, s.labA.id, { ...DEFAULT_NOTIFY_SETTINGS, show_patient_name: 1 });
    const { tokens } = await emailedCallout();
    await putNotifySettings(tdb.db, s.labA.id, DEFAULT_NOTIFY_SETTINGS); // the message's mode holds, not today's
    const shown = await page(tokens.Organization);
    expect(shown.status).toBe(200);
    expect(shown.text).toContain(s.bill1.accessionNo);
    expect(shown.text).not.toContain("Maria Lopez");
  });

  it("records name, time, address and browser once; the record shows it everywhere; a second use says when", async () => {
    const { res, tokens } = await emailedCallout();
    const before = (await tdb.db.select({ v: t.bills.calloutVersion }).from(t.bills).where(eq(t.bills.id, s.bill1.id)))[0].v;
    const done = await acknowledge(tokens.Referral, "Dr. Rhea Kapoor (on call)", "203.0.113.7");
    expect(done.status).toBe(201);
    expect(done.text).toContain("Thank you");

    const rows = await tdb.db.select().from(t.criticalAcknowledgements).where(eq(t.criticalAcknowledgements.activityLogId, await lastAckLogId()));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ labReportId: s.r.cbcPending.id, acknowledgedBy: "Dr. Rhea Kapoor (on call)", clientAddress: "203.0.113.7", userAgent: "Phone Browser 1.0", userId: null });
    const [log] = await tdb.db.select().from(t.activityLogs).where(eq(t.activityLogs.id, rows[0].activityLogId!));
    expect(log).toMatchObject({ logCategoryId: 648, labUserName: "Dr. Rhea Kapoor (on call)", labReportIds: [s.r.cbcPending.id] });
    expect(log.dumpedJson).toMatchObject({ kind: "acknowledgement", acknowledged_by: "Dr. Rhea Kapoor (on call)", via: "link", recipient: { kind: "Referral" } });
    expect(log.activityDate.getTime()).toBe(rows[0].createdAt.getTime());
    const after = (await tdb.db.select({ v: t.bills.calloutVersion }).from(t.bills).where(eq(t.bills.id, s.bill1.id)))[0].v;
    expect(after).toBe(before + 1);

    const records = await call(recordsRoute, "/r", { cookie: support, params: { billId: String(s.bill1.id) } });
    const cbc = records.json.reports.find((r: { lab_report: { labReportId: number } }) => r.lab_report.labReportId === s.r.cbcPending.id);
    expect(cbc.clock.acknowledged_at).toBe(rows[0].createdAt.toISOString());
    const audit = await call(auditRoute, "/a", { cookie: support, body: { lab_report_ids: [s.r.cbcPending.id] } });
    const latest = audit.json.records.find((r: { id: number }) => res.json.callout.callout_ids.includes(r.id));
    expect(latest).toMatchObject({ acknowledged_at: rows[0].createdAt.toISOString(), acknowledged_by: "Dr. Rhea Kapoor (on call)" });
    const logs = await call(logsRoute, `/l?report_ids=${s.r.cbcPending.id}`, { cookie: support });
    expect(logs.json.logs.at(-1)).toMatchObject({ labUserName: "Dr. Rhea Kapoor (on call)", meta: { kind: "acknowledgement" } });
    // The Excel export's latest callout of the report carries it.
    const { getWorklistExport } = await import("../../db/queries/worklist-export");
    const { worklistQuerySchema } = await import("../../contracts/worklist");
    const { loadSession } = await import("../../db/queries/sessions");
    const exported = await getWorklistExport(tdb.db, (await loadSession(tdb.db, support.split("=")[1]))!, worklistQuerySchema.parse({ tab: "pending" }));
    const row = exported.rows.find((r) => r.reportId === s.r.cbcPending.id)!;
    expect(row.latestCallout).toMatchObject({ acknowledgedBy: "Dr. Rhea Kapoor (on call)", acknowledgedAt: rows[0].createdAt });
    // FHIR: the done callout's Communication was received when it was acknowledged.
    const fhir = await call(fhirSearchRoute, `/fhir/r4/Communication?part-of=${s.r.cbcPending.id}&_count=1`, { cookie: support });
    expect(fhir.json.entry[0].resource).toMatchObject({ status: "completed", id: `${res.json.callout.activity_log_id}-${s.r.cbcPending.id}`, received: rows[0].createdAt.toISOString() });

    const again = await acknowledge(tokens.Referral, "Someone else");
    expect(again.status).toBe(409);
    expect(again.text).toContain("already acknowledged at");
    const visit = await page(tokens.Referral);
    expect(visit.status).toBe(200);
    expect(visit.text).toContain("already acknowledged at");
    expect(visit.text).not.toContain("Hemoglobin");
    const count = await tdb.db.select().from(t.criticalAcknowledgements).where(eq(t.criticalAcknowledgements.acknowledgedBy, "Someone else"));
    expect(count).toHaveLength(0);
  });

  it("asks again for an empty name and records nothing", async () => {
    const { tokens } = await emailedCallout();
    const res = await acknowledge(tokens.Organization, "   ");
    expect(res.status).toBe(400);
    expect(res.text).toContain("Please enter your name");
    expect(res.text).toContain('aria-invalid="true"');
  });

  it("an expired link is a 410 that shows nothing of the result, and records nothing", async () => {
    const { tokens } = await emailedCallout();
    const hash = createHash("sha256").update(tokens.Organization).digest("hex");
    await tdb.db.update(t.criticalAckLinks).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(t.criticalAckLinks.tokenHash, hash));
    const shown = await page(tokens.Organization);
    expect(shown.status).toBe(410);
    expect(shown.text).toContain("expired");
    expect(shown.text).not.toContain("Hemoglobin");
    expect(shown.text).not.toContain("Maria Lopez");
    const post = await acknowledge(tokens.Organization, "Late Reader");
    expect(post.status).toBe(410);
    expect(await tdb.db.select().from(t.criticalAcknowledgements).where(eq(t.criticalAcknowledgements.acknowledgedBy, "Late Reader"))).toHaveLength(0);
  });

  it("a wrong or malformed token is a 404 that reveals nothing, the same page either way", async () => {
    const { tokens } = await emailedCallout();
    const guessed = randomBytes(32).toString("base64url");
    const almost = `${tokens.Referral.slice(0, -1)}${tokens.Referral.endsWith("A") ? "B" : "A"}`;
    const answers = await Promise.all([page(guessed), page(almost), page("not-a-token"), acknowledge(guessed, "Guesser")]);
    for (const a of answers) {
      expect(a.status).toBe(404);
      expect(a.text).toBe(answers[0].text);
      expect(a.text).not.toContain(s.labA.name);
    }
    expect(await tdb.db.select().from(t.criticalAcknowledgements).where(eq(t.criticalAcknowledgements.acknowledgedBy, "Guesser"))).toHaveLength(0);
  });

  it("is throttled like sign-in: 5 unknown links from one address, then even a real link is a 429", async () => {
    const { tokens } = await emailedCallout();
    const address = nextAddress();
    for (let i = 0; i < 5; i++) expect((await page(randomBytes(32).toString("base64url"), address)).status).toBe(404);
    const refused = await page(tokens.Organization, address);
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(refused.text).not.toContain("Hemoglobin");
    expect((await page(tokens.Organization)).status).toBe(200); // another address is not held up
  });

  it("a token of another lab acknowledges that lab's reports only, under that lab's name", async () => {
    const res = await call(calloutRoute, "/c", {
      cookie: supportB,
      params: { billId: String(s.billB.id) },
      body: {
        lab_report_ids: [s.r.otherLab.id],
        is_draft: false,
        recipients: [],
        critical_callout_comment: "",
        critical_callout_meta: { communication_methods: ["email"], notify_to_others: { name: "Ward B nurse", email: "ward@b.test" } },
      },
    });
    expect(res.status).toBe(201);
    const [message] = await tdb.db.select().from(t.outboundMessages).where(eq(t.outboundMessages.activityLogId, res.json.callout.activity_log_id));
    const token = LINK.exec(message.bodyText)![2];
    const shown = await page(token);
    expect(shown.text).toContain(s.labB.name);
    expect(shown.text).not.toContain(s.labA.name);
    expect((await acknowledge(token, "Nurse B")).status).toBe(201);
    const rows = await tdb.db.select().from(t.criticalAcknowledgements).where(eq(t.criticalAcknowledgements.acknowledgedBy, "Nurse B"));
    expect(rows.map((r) => [r.labId, r.billId, r.labReportId])).toEqual([[s.labB.id, s.billB.id, s.r.otherLab.id]]);
    // Lab A sees no trace of it.
    const logsA = await call(logsRoute, `/l?report_ids=${s.r.otherLab.id}`, { cookie: support });
    expect(logsA.json.logs).toEqual([]);
  });
});

async function lastAckLogId(): Promise<number> {
  const rows = await tdb.db.select({ id: t.criticalAcknowledgements.activityLogId }).from(t.criticalAcknowledgements);
  return Math.max(...rows.map((r) => r.id ?? 0));
}

describe("POST /report/{billId}/critical/acknowledge", () => {
  const ack = (cookie: string, billId: number, ids: number[], headers: Record<string, string> = {}) =>
    call(acknowledgeRoute, "/ack", { cookie, params: { billId: String(billId) }, body: { lab_report_ids: ids }, headers });

  it("a referral doctor acknowledges a done callout of his bill, named as himself (201)", async () => {
    const res = await ack(drref, s.bill1.id, [s.r.cultureDone.id]);
    expect(res.status).toBe(201);
    expect(res.json.acknowledgement).toMatchObject({ bill_id: s.bill1.id, lab_report_ids: [s.r.cultureDone.id], acknowledged_by: "Dr. Rhea Kapoor" });
    const [row] = await tdb.db
      .select()
      .from(t.criticalAcknowledgements)
      .where(and(eq(t.criticalAcknowledgements.labReportId, s.r.cultureDone.id), eq(t.criticalAcknowledgements.userId, s.users.drref.id)));
    expect(row).toMatchObject({ doctorId: s.doctors.ref1.id, acknowledgedBy: "Dr. Rhea Kapoor", linkId: null });
    const [log] = await tdb.db.select().from(t.activityLogs).where(eq(t.activityLogs.id, res.json.acknowledgement.activity_log_id));
    expect(log.dumpedJson).toMatchObject({ kind: "acknowledgement", via: "app", acknowledged_by: "Dr. Rhea Kapoor", callout_for: ["Blood Culture"] });
  });

  it("is a 400 for a report without a done callout, naming it, and writes nothing", async () => {
    const res = await ack(drref, s.bill1.id, [s.r.kAttempted.id, s.r.cultureDone.id]);
    expect(res.status).toBe(400);
    expect(res.json.error.details).toEqual({ lab_report_ids: [s.r.kAttempted.id] });
  });

  it("is a 404 for a bill outside the doctor's scope, exactly like one that does not exist", async () => {
    const other = await ack(drref, s.bill2.id, [s.r.otherDoctor.id]);
    const ghost = await ack(drref, 2147483000, [s.r.otherDoctor.id]);
    expect(other.status).toBe(404);
    expect({ ...other.json.error, request_id: undefined }).toEqual({ ...ghost.json.error, request_id: undefined });
  });

  it("is for doctor logins only (403)", async () => {
    expect((await ack(tech0, s.bill1.id, [s.r.cultureDone.id])).status).toBe(403);
    expect((await ack(support, s.bill1.id, [s.r.cultureDone.id])).status).toBe(403);
  });

  it("honours If-Match: another version is a 412 and writes nothing; the current one writes", async () => {
    const [{ v }] = await tdb.db.select({ v: t.bills.calloutVersion }).from(t.bills).where(eq(t.bills.id, s.bill1.id));
    const stale = await ack(drref, s.bill1.id, [s.r.cultureDone.id], { "if-match": `"${s.bill1.id}-${v - 1}"` });
    expect(stale.status).toBe(412);
    expect(stale.json.error.code).toBe("bill_changed");
    const fresh = await ack(drref, s.bill1.id, [s.r.cultureDone.id], { "if-match": `"${s.bill1.id}-${v}"` });
    expect(fresh.status).toBe(201);
    expect(fresh.json.version).toBe(v + 1);
  });
});

describe("a doctor's To acknowledge list", () => {
  it("lists the done callouts addressed to the referral doctor, oldest first, until acknowledged", async () => {
    const { getAcknowledgeList } = await import("../../db/queries/acknowledge-list");
    const { loadSession } = await import("../../db/queries/sessions");
    const session = (await loadSession(tdb.db, drref.split("=")[1]))!;
    const before = await getAcknowledgeList(tdb.db, session);
    await emailedCallout(support, s.bill1.id, [s.r.kAttempted.id]);
    const listed = await getAcknowledgeList(tdb.db, session);
    const bill = listed.rows.find((r) => r.billId === s.bill1.id)!;
    expect(bill.reportIds).toContain(s.r.kAttempted.id);
    expect(bill.testNames).toContain("Potassium");
    // The organization's callout of the culture was not addressed to him.
    expect(bill.reportIds).not.toContain(s.r.cultureDone.id);
    const res = await call(acknowledgeRoute, "/ack", { cookie: drref, params: { billId: String(s.bill1.id) }, body: { lab_report_ids: bill.reportIds } });
    expect(res.status).toBe(201);
    const after = await getAcknowledgeList(tdb.db, session);
    expect(after.rows.find((r) => r.billId === s.bill1.id)).toBeUndefined();
    expect(after.total).toBe(before.rows.filter((r) => r.billId !== s.bill1.id).length);
    // Other logins have no such list.
    const techSession = (await loadSession(tdb.db, tech0.split("=")[1]))!;
    expect(await getAcknowledgeList(tdb.db, techSession)).toEqual({ rows: [], total: 0 });
  });
});
