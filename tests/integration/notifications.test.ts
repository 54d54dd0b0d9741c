// Notifications: the outbox, SMTP delivery to a real SMTP server in this process, HIPAA mode, the shared
// comment, retries while the mail server is down, and always_notify on signing.
import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { POST as signAllRoute } from "../../app/api/bills/[billId]/sign-all/route";
import { POST as signRoute } from "../../app/api/reports/[reportId]/sign/route";
import { GET as logsRoute } from "../../app/report/bulk/critical-notification/logs/route";
import { POST as calloutRoute } from "../../app/report/[billId]/critical/callout/route";
import { putNotifySettings } from "../../db/queries/settings";
import * as t from "../../db/schema";
import { DEFAULT_NOTIFY_SETTINGS } from "../../contracts/settings";
import { deliverDueMessages } from "../../server/notify/outbox-worker";
import { openTestDb, type TestDb } from "../support/db";
import { buildScenario, type Scenario } from "../support/fixtures";
import { call } from "../support/http";
import { loginAs } from "../support/session";

const inbox: ParsedMail[] = [];
const rawInbox: string[] = [];
let smtp: SMTPServer;
let smtpPort = 0;

async function startSmtp(port = 0) {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, _session, done) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks);
        rawInbox.push(raw.toString("utf8"));
        simpleParser(raw)
          .then((mail) => inbox.push(mail))
          .then(() => done(), done);
      });
    },
  });
  smtp.listen(port, "127.0.0.1");
  await once(smtp.server, "listening");
  smtpPort = (smtp.server.address() as AddressInfo).port;
  process.env.SMTP_URL = `smtp://127.0.0.1:${smtpPort}`;
}
/** "Name <address>" of a received message's To header. */
const toOf = (m: ParsedMail) => {
  const to = Array.isArray(m.to) ? m.to[0] : m.to;
  return to!.value.map((v) => `${v.name} <${v.address}>`).join(", ");
};
const stopSmtp = () => new Promise<void>((resolve) => smtp.close(() => resolve()));

let tdb: TestDb;
let s: Scenario;
let cookie: string;

beforeAll(async () => {
  tdb = await openTestDb();
  await startSmtp();
});
afterAll(async () => {
  await stopSmtp().catch(() => {});
  delete process.env.SMTP_URL;
  await tdb.dispose();
});
beforeEach(async () => {
  inbox.length = 0;
  s = await buildScenario(tdb.db);
  cookie = await loginAs(s.users.support.username);
});

const doneBody = (extra: Record<string, unknown> = {}) => ({
  lab_report_ids: [s.r.cbcPending.id],
  is_draft: false,
  recipients: ["Organization", "Referral"],
  critical_callout_comment: "Dr. Kapoor informed, will admit",
  critical_callout_meta: { communication_methods: ["email", "fax"] },
  ...extra,
});
const post = (body: unknown) =>
  call(calloutRoute, "/c", { cookie, body, params: { billId: String(s.bill1.id) } });
const messagesOf = (logId: number) => tdb.db.select().from(t.outboundMessages).where(eq(t.outboundMessages.activityLogId, logId));

describe("outbox and SMTP", () => {
  it("writes one message per recipient with an address in the callout's transaction and delivers email by SMTP", async () => {
    const res = await post(doneBody({ critical_callout_meta: { communication_methods: ["email", "fax"], notify_to_others: { name: "Night charge nurse", email: "charge@ward.test" } } }));
    expect(res.status).toBe(201);
    const rows = await messagesOf(res.json.callout.activity_log_id);
    const summary = rows.map((r) => `${r.channel}:${r.recipientKind}:${r.address}:${r.status}`).sort();
    expect(summary).toEqual([
      "email:Organization:desk@stmary.test:pending",
      "email:Other:charge@ward.test:pending",
      "email:Referral:rhea@clinic.test:pending",
      "fax:Organization:555-0102:no_provider", // the only recipient with a fax number
    ]);

    expect(await deliverDueMessages(tdb.db)).toEqual({ sent: 3, retried: 0, failed: 0 });
    // PRINT_MAIL=1 shows one message exactly as the SMTP server received it.
    if (process.env.PRINT_MAIL) console.log(rawInbox[0]);
    expect(inbox.map(toOf).sort()).toEqual([
      "Dr. Rhea Kapoor <rhea@clinic.test>",
      "Night charge nurse <charge@ward.test>",
      "St. Mary Clinic <desk@stmary.test>",
    ]);
    const mail = inbox[0];
    expect(mail.subject).toBe(`CRITICAL RESULT — Maria Lopez — ${s.labA.name}`);
    expect(mail.text).toContain("Complete Blood Count (Hematology)");
    expect(mail.text).toContain("Hemoglobin: 6.1 g/dL — LL, critically low (reference 13 - 17 g/dL)");
    expect(mail.text).toContain("Called out by Support A");
    expect(mail.text).not.toContain("Dr. Kapoor informed"); // share_comment is off by default
    expect(mail.html).toContain("<strong>Hemoglobin: 6.1 g/dL");
    const sent = await messagesOf(res.json.callout.activity_log_id);
    expect(sent.filter((m) => m.status === "sent")).toHaveLength(3);
    expect(sent.find((m) => m.status === "sent")!.providerResponse).toMatch(/^250/);

    // …and the timeline shows the delivery next to the action that caused it.
    const logs = await call(logsRoute, `/l?report_ids=${s.r.cbcPending.id}`, { cookie });
    const entry = logs.json.logs.find((l: { id: number }) => l.id === res.json.callout.activity_log_id);
    expect(entry.deliveries.map((d: { channel: string; status: string }) => `${d.channel}:${d.status}`).sort()).toEqual([
      "email:sent",
      "email:sent",
      "email:sent",
      "fax:no_provider",
    ]);
  });

  it("HIPAA mode puts the accession number in place of the patient's name; share_comment appends the comment", async () => {
    await putNotifySettings(tdb.db, s.labA.id, { ...DEFAULT_NOTIFY_SETTINGS, show_patient_name: 1, share_comment: 1 });
    const res = await post(doneBody({ recipients: ["Organization"] }));
    expect(res.status).toBe(201);
    await deliverDueMessages(tdb.db);
    expect(inbox).toHaveLength(1);
    const [mail] = inbox;
    expect(mail.subject).toBe(`CRITICAL RESULT — Accession ${s.bill1.accessionNo} — ${s.labA.name}`);
    for (const part of [mail.subject ?? "", mail.text ?? "", String(mail.html)]) expect(part).not.toContain("Maria Lopez");
    expect(mail.text).toContain(`accession ${s.bill1.accessionNo}`);
    expect(mail.text).toContain("Comment: Dr. Kapoor informed, will admit");
  });

  it("sends nothing for an attempted callout", async () => {
    const res = await post(doneBody({ is_draft: true }));
    expect(res.status).toBe(201);
    expect(await messagesOf(res.json.callout.activity_log_id)).toEqual([]);
  });

  it("refuses email when the lab turned the email channel off", async () => {
    await putNotifySettings(tdb.db, s.labA.id, { ...DEFAULT_NOTIFY_SETTINGS, is_email: 0 });
    const res = await post(doneBody());
    expect(res.status).toBe(400);
    expect(res.json.error.message).toMatch(/email is turned off/);
  });

  it("saves the callout while the mail server is down, retries, and delivers when it is back", async () => {
    await stopSmtp();
    const res = await post(doneBody({ recipients: ["Referral"], critical_callout_meta: { communication_methods: ["email"] } }));
    expect(res.status).toBe(201); // the callout never waits for, or fails with, the mail server
    const logId = res.json.callout.activity_log_id;
    expect(await deliverDueMessages(tdb.db)).toEqual({ sent: 0, retried: 1, failed: 0 });
    let [msg] = await messagesOf(logId);
    expect(msg).toMatchObject({ status: "pending", attempts: 1 });
    expect(msg.lastError).toMatch(/ECONNREFUSED|connect/i);
    expect(msg.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());
    expect(await deliverDueMessages(tdb.db)).toEqual({ sent: 0, retried: 0, failed: 0 }); // backing off

    await startSmtp(smtpPort);
    await tdb.db.update(t.outboundMessages).set({ nextAttemptAt: new Date(Date.now() - 1000) }).where(eq(t.outboundMessages.id, msg.id));
    expect(await deliverDueMessages(tdb.db)).toEqual({ sent: 1, retried: 0, failed: 0 });
    [msg] = await messagesOf(logId);
    expect(msg).toMatchObject({ status: "sent", attempts: 2, lastError: null });
    expect(inbox.map(toOf)).toEqual(["Dr. Rhea Kapoor <rhea@clinic.test>"]);
  });
});

describe("always_notify on signing", () => {
  const sign = (id: number) => call(signRoute, "/s", { method: "POST", cookie, params: { reportId: String(id) } });

  it("off: a report with open critical values signs directly", async () => {
    const res = await sign(s.r.cbcPending.id);
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ labReportId: s.r.cbcPending.id, isSigned: true });
  });

  it("on: signing needs a done callout first; then it goes through", async () => {
    await putNotifySettings(tdb.db, s.labA.id, { ...DEFAULT_NOTIFY_SETTINGS, always_notify: 1 });
    for (const id of [s.r.cbcPending.id, s.r.kAttempted.id]) {
      const res = await sign(id);
      expect(res.status).toBe(409);
      expect(res.json.error.details).toMatchObject({ reason: "callout_required", lab_report_id: id });
    }
    const [row] = await tdb.db.select().from(t.labReports).where(eq(t.labReports.id, s.r.cbcPending.id));
    expect(row.isSigned).toBe(false);
    expect((await post(doneBody({ critical_callout_meta: { communication_methods: ["fax"] } }))).status).toBe(201);
    expect((await sign(s.r.cbcPending.id)).status).toBe(200);
    expect((await sign(s.r.cultureDone.id)).status).toBe(200); // already done
  });

  it("on: 'Sign all' is exempt, as in the original", async () => {
    await putNotifySettings(tdb.db, s.labA.id, { ...DEFAULT_NOTIFY_SETTINGS, always_notify: 1 });
    const res = await call(signAllRoute, "/a", { method: "POST", cookie, params: { billId: String(s.bill1.id) } });
    expect(res.status).toBe(200);
    expect(res.json.signed).toContain(s.r.cbcPending.id);
  });

  it("hides reports out of scope (404)", async () => {
    const tech = await loginAs(s.users.tech0.username);
    const res = await call(signRoute, "/s", { method: "POST", cookie: tech, params: { reportId: String(s.r.kAttempted.id) } });
    expect(res.status).toBe(404);
  });
});
