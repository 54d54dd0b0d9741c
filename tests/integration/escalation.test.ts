// Escalation (DESIGN §9): once per report and level, with two workers racing; level 1 at the delay or
// after the maximum of attempts, level 2 past the target, both on one pass when past both; never for
// a report done in time. Each is one transaction with its log row ("System"), the bill's new version,
// its event, and email to the lab's escalation addresses through a real SMTP server.
import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { and, eq, sql } from "drizzle-orm";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as eventsRoute } from "../../app/api/events/route";
import { POST as calloutRoute } from "../../app/report/[billId]/critical/callout/route";
import { GET as recordsRoute } from "../../app/report/[billId]/critical/records/route";
import { putNotifySettings } from "../../db/queries/settings";
import * as t from "../../db/schema";
import { DEFAULT_NOTIFY_SETTINGS, type NotifySettings } from "../../contracts/settings";
import { escalateDueReports } from "../../server/escalation/escalation-worker";
import { deliverDueMessages } from "../../server/notify/outbox-worker";
import { openTestDb, type TestDb } from "../support/db";
import { buildScenario, type Scenario } from "../support/fixtures";
import { call } from "../support/http";
import { loginAs } from "../support/session";
import { openSse } from "../support/sse";

const REF = new Date("2026-11-20T08:00:00Z"); // the fixture's approval time of every report
const at = (minutes: number) => new Date(REF.getTime() + minutes * 60_000);

const inbox: ParsedMail[] = [];
let smtp: SMTPServer;
let tdb: TestDb;

beforeAll(async () => {
  tdb = await openTestDb({ max: 10 });
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, _session, done) {
      simpleParser(stream)
        .then((mail) => inbox.push(mail))
        .then(() => done(), done);
    },
  });
  smtp.listen(0, "127.0.0.1");
  await once(smtp.server, "listening");
  process.env.SMTP_URL = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  delete process.env.SMTP_URL;
  await tdb.dispose();
});

async function scenario(settings: Partial<NotifySettings> = {}) {
  const s = await buildScenario(tdb.db);
  await putNotifySettings(tdb.db, s.labA.id, { ...DEFAULT_NOTIFY_SETTINGS, escalation_emails: [`supervisor-${s.tag}@lab.test`], ...settings });
  return s;
}

/** "report:level:reason" of the lab's escalation rows. */
async function escalationsOf(s: Scenario) {
  const rows = await tdb.db.select().from(t.criticalEscalations).where(eq(t.criticalEscalations.labId, s.labA.id));
  return rows.map((r) => `${r.labReportId}:${r.level}:${r.reason}`).sort();
}
async function escalationLogs(s: Scenario) {
  return tdb.db
    .select()
    .from(t.activityLogs)
    .where(and(eq(t.activityLogs.labId, s.labA.id), sql`${t.activityLogs.dumpedJson}->>'kind' = 'escalation'`))
    .orderBy(t.activityLogs.id);
}
const versionOf = async (billId: number) => (await tdb.db.select().from(t.bills).where(eq(t.bills.id, billId)))[0].calloutVersion;
/** Two app instances making the same pass at the same moment. */
const racingPasses = (now: Date) => Promise.all([escalateDueReports(tdb.db, now), escalateDueReports(tdb.db, now)]);

describe("escalation", () => {
  it("escalates once at level 1 after the delay and once at level 2 past the target, with two workers racing", async () => {
    const s = await scenario();
    const open = [s.r.cbcPending.id, s.r.kAttempted.id, s.r.notCritical.id, s.r.otherDoctor.id];
    const expected = (level: number, reason: string) => open.map((id) => `${id}:${level}:${reason}`);
    const v0 = await versionOf(s.bill1.id);

    await racingPasses(at(29.9));
    expect(await escalationsOf(s)).toEqual([]);

    await racingPasses(at(30));
    expect(await escalationsOf(s)).toEqual(expected(1, "delay").sort());
    let logs = await escalationLogs(s);
    // One log row per bill and level: bill 1's three open reports together, bill 2's one.
    expect(logs.map((l) => [l.billId, l.labUserName, l.userId, l.logCategoryId, [...l.labReportIds].sort()])).toEqual([
      [s.bill1.id, "System", null, 648, [s.r.cbcPending.id, s.r.kAttempted.id, s.r.notCritical.id].sort()],
      [s.bill2.id, "System", null, 648, [s.r.otherDoctor.id]],
    ]);
    expect(logs[0].activityText).toMatch(/^Escalated by - System, Level - 1 \(not called out within 30 min\)/);
    expect(logs[0].dumpedJson).toMatchObject({ kind: "escalation", level: 1, reason: "delay", version: v0 + 1 });
    expect(await versionOf(s.bill1.id)).toBe(v0 + 1);

    await racingPasses(at(60)); // exactly at target: not missed yet
    await racingPasses(at(45));
    expect(await escalationLogs(s)).toHaveLength(2);

    await racingPasses(at(60.5));
    expect(await escalationsOf(s)).toEqual([...expected(1, "delay"), ...expected(2, "target_missed")].sort());
    logs = await escalationLogs(s);
    expect(logs).toHaveLength(4);
    expect(logs[2].activityText).toMatch(/Level - 2 \(target of 60 min missed\)/);
    expect(await versionOf(s.bill1.id)).toBe(v0 + 2);

    await racingPasses(at(600));
    expect(await escalationLogs(s)).toHaveLength(4);

    // The reports leave the worker's index once escalated at both levels.
    const levels = await tdb.db.select({ level: t.labReports.escalationLevel }).from(t.labReports).where(eq(t.labReports.id, s.r.cbcPending.id));
    expect(levels).toEqual([{ level: 2 }]);
  });

  it("emails the lab's escalation addresses once per escalation, through the SMTP server", async () => {
    const s = await scenario({ escalation_emails: [] });
    await putNotifySettings(tdb.db, s.labA.id, { ...DEFAULT_NOTIFY_SETTINGS, escalation_emails: [`head-${s.tag}@lab.test`, `oncall-${s.tag}@lab.test`] });
    await racingPasses(at(30));
    await racingPasses(at(30));
    const logs = await escalationLogs(s);
    const outbox = await tdb.db.select().from(t.outboundMessages).where(eq(t.outboundMessages.labId, s.labA.id));
    expect(outbox.map((m) => `${m.activityLogId}:${m.channel}:${m.address}:${m.status}`).sort()).toEqual(
      logs.flatMap((l) => [`${l.id}:email:head-${s.tag}@lab.test:pending`, `${l.id}:email:oncall-${s.tag}@lab.test:pending`]).sort(),
    );
    inbox.length = 0;
    while ((await deliverDueMessages(tdb.db)).sent > 0);
    const mine = inbox.filter((m) => JSON.stringify(m.to).includes(s.tag));
    expect(mine).toHaveLength(4); // 2 bills × 2 addresses
    const bill1Mail = mine.find((m) => m.text?.includes("Complete Blood Count") && JSON.stringify(m.to).includes("head-"))!;
    expect(bill1Mail.subject).toBe(`ESCALATION — critical result not yet called out — Maria Lopez — ${s.labA.name}`);
    expect(bill1Mail.text).toContain("not called out within 30 min");
    expect(bill1Mail.text).toContain("Hemoglobin: 6.1 g/dL — LL, critically low");
    expect(bill1Mail.text).toMatch(/Potassium \(Clinical Chemistry\): waiting 30 min, 1 unsuccessful attempt\b/);
    const sent = await tdb.db.select().from(t.outboundMessages).where(eq(t.outboundMessages.labId, s.labA.id));
    expect(sent.every((m) => m.status === "sent")).toBe(true);
  });

  it("gives a report past both levels both on one pass, as two log rows, announced as an escalation", async () => {
    const s = await scenario();
    const cookie = await loginAs(s.users.support.username);
    const stream = await openSse(eventsRoute, `/api/events?bill_id=${s.bill1.id}`, cookie);
    try {
      const v0 = await versionOf(s.bill1.id);
      await escalateDueReports(tdb.db, at(120));
      const logs = (await escalationLogs(s)).filter((l) => l.billId === s.bill1.id);
      expect(logs.map((l) => (l.dumpedJson as { level: number }).level)).toEqual([1, 2]);
      expect(await versionOf(s.bill1.id)).toBe(v0 + 1); // one transaction for the bill
      const event = await stream.nextOf("callout", 3000);
      expect(event.data).toMatchObject({ bill_id: s.bill1.id, kind: "escalation", by: "System", version: v0 + 1 });

      // Endpoint 1's clock shows it.
      const res = await call(recordsRoute, "/r", { cookie, params: { billId: String(s.bill1.id) } });
      const clock = res.json.reports.find((r: { lab_report: { labReportId: number } }) => r.lab_report.labReportId === s.r.cbcPending.id).clock;
      expect(clock).toMatchObject({ escalation_level: 2, escalated_at: at(120).toISOString(), overdue: true, notified_at: null });
    } finally {
      stream.close();
    }
  });

  it("escalates at level 1 once the unsuccessful attempts reach the lab's maximum, however early", async () => {
    const s = await scenario({ max_attempts: 1 });
    await escalateDueReports(tdb.db, at(5));
    // The fixture's one attempt named the potassium and the blood count reports.
    expect(await escalationsOf(s)).toEqual([`${s.r.cbcPending.id}:1:attempts`, `${s.r.kAttempted.id}:1:attempts`].sort());
    expect((await escalationLogs(s))[0].activityText).toMatch(/Level - 1 \(1 unsuccessful attempts\)/);
  });

  it("never escalates a report done in time, nor one done before the worker looks", async () => {
    const s = await scenario();
    const cookie = await loginAs(s.users.support.username);
    const approved = new Date(Date.now() - 10 * 60_000);
    const [fresh] = await tdb.db
      .insert(t.labReports)
      .values({ ...s.r.cbcPending, id: undefined, criticalValues: 1, approvedAt: approved, sampleCollectedAt: approved })
      .returning();
    await tdb.db.insert(t.reportValues).values({ labReportId: fresh.id, parameterId: s.params.hgb.id, valueNumeric: "5.9" });
    const res = await call(calloutRoute, "/c", {
      cookie,
      params: { billId: String(s.bill1.id) },
      body: {
        lab_report_ids: [fresh.id, s.r.kAttempted.id],
        is_draft: false,
        recipients: ["Referral"],
        critical_callout_comment: "",
        critical_callout_meta: { communication_methods: ["email"] },
      },
    });
    expect(res.status, res.text).toBe(201);
    await racingPasses(new Date(Date.now() + 3 * 3600_000));
    const escalated = await escalationsOf(s);
    for (const id of [fresh.id, s.r.kAttempted.id, s.r.cultureDone.id]) expect(escalated.filter((e) => e.startsWith(`${id}:`))).toEqual([]);
    expect(escalated).toContain(`${s.r.cbcPending.id}:2:target_missed`); // the one still open is
    const records = await call(recordsRoute, "/r", { cookie, params: { billId: String(s.bill1.id) } });
    const clock = records.json.reports.find((r: { lab_report: { labReportId: number } }) => r.lab_report.labReportId === fresh.id).clock;
    expect(clock.overdue).toBe(false);
    expect(clock.minutes).toBeGreaterThanOrEqual(10);
    expect(clock.minutes).toBeLessThan(12);
    expect(clock.escalated_at).toBeNull();
  });
});
