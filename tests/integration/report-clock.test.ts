// Endpoint 1's clock per critical report (DESIGN §9) and the §9 settings it reads: approved or not,
// done or open, exactly at target, legacy done reports, the lab's own target; and the settings'
// validation on PUT (support only, whole object, nothing written on a 400).
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as recordsRoute } from "../../app/report/[billId]/critical/records/route";
import { GET as getSettingsRoute, PUT as putSettingsRoute } from "../../app/settings/critical-notification/route";
import { putNotifySettings } from "../../db/queries/settings";
import * as t from "../../db/schema";
import { DEFAULT_NOTIFY_SETTINGS } from "../../contracts/settings";
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

const CLOCK_KEYS = ["acknowledged_at", "attempts", "escalated_at", "escalation_level", "minutes", "notified_at", "overdue", "started_at", "target_minutes"];

async function clocks() {
  const res = await call(recordsRoute, "/r", { cookie, params: { billId: String(s.bill1.id) } });
  expect(res.status).toBe(200);
  return new Map<number, Record<string, unknown>>(
    res.json.reports.map((r: { lab_report: { labReportId: number }; clock: Record<string, unknown> }) => [r.lab_report.labReportId, r.clock]),
  );
}
const setReport = (id: number, values: Partial<typeof t.labReports.$inferInsert>) => tdb.db.update(t.labReports).set(values).where(eq(t.labReports.id, id));

describe("endpoint 1's clock", () => {
  it("carries every key on every report", async () => {
    for (const clock of (await clocks()).values()) expect(Object.keys(clock).sort()).toEqual(CLOCK_KEYS);
  });

  it("stops at the first done callout: exactly at target is not overdue", async () => {
    // The fixture's blood culture: approved 08:00, called out (done row) at 09:00, target 60.
    expect((await clocks()).get(s.r.cultureDone.id)).toEqual({
      started_at: "2026-11-20T08:00:00.000Z",
      notified_at: "2026-11-20T09:00:00.000Z",
      minutes: 60,
      target_minutes: 60,
      overdue: false,
      attempts: 0,
      escalated_at: null,
      escalation_level: 0,
      acknowledged_at: null,
    });
  });

  it("counts an open report from its approval, and from sample collection when not approved", async () => {
    const approved = new Date(Date.now() - 45 * 60_000);
    await setReport(s.r.cbcPending.id, { approvedAt: approved, sampleCollectedAt: new Date(Date.now() - 90 * 60_000) });
    let clock = (await clocks()).get(s.r.cbcPending.id)!;
    expect(clock).toMatchObject({ started_at: approved.toISOString(), notified_at: null, overdue: false, attempts: 1 });
    expect(clock.minutes as number).toBeGreaterThanOrEqual(45);
    expect(clock.minutes as number).toBeLessThan(46);

    const collected = new Date(Date.now() - 90 * 60_000);
    await setReport(s.r.cbcPending.id, { isApproved: false, approvedAt: null, sampleCollectedAt: collected });
    clock = (await clocks()).get(s.r.cbcPending.id)!;
    expect(clock).toMatchObject({ started_at: collected.toISOString(), overdue: true });
    expect(clock.minutes as number).toBeGreaterThanOrEqual(90);
  });

  it("uses the lab's own target", async () => {
    await putNotifySettings(tdb.db, s.labA.id, { ...DEFAULT_NOTIFY_SETTINGS, notify_target_minutes: 120, escalation_after_minutes: 60 });
    const clock = (await clocks()).get(s.r.cbcPending.id)!;
    expect(clock).toMatchObject({ target_minutes: 120, overdue: false });
    await putNotifySettings(tdb.db, s.labA.id, DEFAULT_NOTIFY_SETTINGS);
  });

  it("has no notification time, nor a running clock, for a done report without a done callout (legacy data)", async () => {
    // The attempted potassium report set to done by another tool, without a done callout row.
    const legacy = s.r.kAttempted.id;
    await setReport(legacy, { criticalValues: 2 });
    expect((await clocks()).get(legacy)).toMatchObject({ notified_at: null, minutes: null, overdue: null });
  });
});

describe("the §9 settings", () => {
  const put = (who: string, body: unknown) => call(putSettingsRoute, "/s", { method: "PUT", cookie: who, body });

  it("answers the defaults for a lab that never saved them", async () => {
    const res = await call(getSettingsRoute, "/s", { cookie });
    expect(res.json.settings).toMatchObject({
      notify_target_minutes: 60,
      escalation_after_minutes: 30,
      max_attempts: 3,
      escalation_emails: [],
      ack_link_hours: 72,
      time_zone: "UTC",
      shifts: [
        { name: "Day", start: "07:00" },
        { name: "Evening", start: "15:00" },
        { name: "Night", start: "23:00" },
      ],
      lab_phone: "",
    });
  });

  it("saves valid settings for support users only", async () => {
    const valid = { ...DEFAULT_NOTIFY_SETTINGS, notify_target_minutes: 45, escalation_after_minutes: 20, escalation_emails: ["head@lab.test"], time_zone: "Asia/Kolkata", lab_phone: "+91 80 5550 1234" };
    const res = await put(cookie, valid);
    expect(res.status, res.text).toBe(200);
    expect(res.json.settings).toEqual(valid);
    const tech = await loginAs(s.users.tech0.username);
    expect((await put(tech, valid)).status).toBe(403);
  });

  const bad: [string, Record<string, unknown>][] = [
    ["a zero target", { notify_target_minutes: 0 }],
    ["a fractional delay", { escalation_after_minutes: 1.5 }],
    ["a delay past the target", { notify_target_minutes: 30, escalation_after_minutes: 31 }],
    ["no attempts", { max_attempts: 0 }],
    ["a bad email", { escalation_emails: ["not-an-email"] }],
    ["an unknown time zone", { time_zone: "Mars/Olympus" }],
    ["a shift at 25:00", { shifts: [{ name: "Day", start: "25:00" }] }],
    ["two shifts at once", { shifts: [{ name: "A", start: "07:00" }, { name: "B", start: "07:00" }] }],
    ["no shift", { shifts: [] }],
    ["link hours over a month", { ack_link_hours: 721 }],
    ["a missing key", { lab_phone: undefined }],
  ];
  for (const [name, change] of bad) {
    it(`refuses ${name} and writes nothing`, async () => {
      const before = (await call(getSettingsRoute, "/s", { cookie })).json;
      const res = await put(cookie, { ...DEFAULT_NOTIFY_SETTINGS, ...change });
      expect(res.status, res.text).toBe(400);
      expect(res.json.error.code).toBe("bad_request");
      expect((await call(getSettingsRoute, "/s", { cookie })).json).toEqual(before);
    });
  }
});
