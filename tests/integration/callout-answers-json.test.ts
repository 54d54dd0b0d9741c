// Endpoints 2 and 3 answer with JSON that PostgreSQL writes. What it writes must be what the API has
// always answered: ISO timestamps as toISOString() writes them, a meta that older tools stored as a
// JSON string read as an object (or {} when it is not JSON), deliveries with their sent time.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getCalloutLogs } from "../../db/queries/callout-logs";
import * as t from "../../db/schema";
import type { SessionContext } from "../../domain/auth/session-context";
import type { TestDb } from "../support/db";
import type { Scenario } from "../support/fixtures";
import { openScenarioSignedIn } from "../support/session";

let tdb: TestDb;
let s: Scenario;
let support: SessionContext;
let tech: SessionContext;

beforeAll(async () => {
  const opened = await openScenarioSignedIn();
  ({ tdb, s } = opened);
  support = opened.sessions.support;
  tech = opened.sessions.tech1;
});
afterAll(() => tdb.dispose());

const at = new Date("2026-11-30T08:15:42.123Z");

async function logWith(dumpedJson: unknown, reportId: number) {
  const [row] = await tdb.db
    .insert(t.activityLogs)
    .values({ labId: s.labA.id, billId: s.bill1.id, labReportId: reportId, labReportIds: [reportId], logCategoryId: 648, labUserName: "Old Tool", activityText: "imported", activityDate: at, dumpedJson })
    .returning();
  return row.id;
}

describe("endpoint 2's answer written by PostgreSQL", () => {
  it("reads a meta stored as a JSON string as parseMeta does, and keeps objects and arrays as they are", async () => {
    const report = s.r.normal.id;
    const ids = {
      object: await logWith({ method: "Phone" }, report),
      text: await logWith(JSON.stringify({ method: "Fax", note: "from a string" }), report),
      broken: await logWith("{not json", report),
      number: await logWith(42, report),
      array: await logWith(["a", 1], report),
    };
    const { logs } = await getCalloutLogs(tdb.db, support, [report]);
    const meta = (id: number) => logs.find((l) => l.id === id)?.meta;
    expect(meta(ids.object)).toEqual({ method: "Phone" });
    expect(meta(ids.text)).toEqual({ method: "Fax", note: "from a string" });
    expect(meta(ids.broken)).toEqual({});
    expect(meta(ids.number)).toEqual({});
    expect(meta(ids.array)).toEqual(["a", 1]);
    expect(logs.find((l) => l.id === ids.object)).toMatchObject({ activityDate: at.toISOString(), labReportIds: [report], labUserName: "Old Tool" });
  });

  it("gives each entry its deliveries in order, sent times as ISO text, and nothing of a report out of scope", async () => {
    const report = s.r.normal.id;
    const logId = await logWith({ method: "Email" }, report);
    const sent = new Date("2026-11-30T08:16:00.456Z");
    await tdb.db.insert(t.outboundMessages).values([
      { labId: s.labA.id, billId: s.bill1.id, activityLogId: logId, labReportIds: [report], channel: "email", recipientKind: "Referral", address: "a@x.test", status: "sent", attempts: 1, sentAt: sent },
      { labId: s.labA.id, billId: s.bill1.id, activityLogId: logId, labReportIds: [report], channel: "sms", recipientKind: "Patient", address: "+1555", status: "pending" },
    ]);
    const { logs } = await getCalloutLogs(tdb.db, support, [report]);
    expect(logs.find((l) => l.id === logId)?.deliveries).toEqual([
      { channel: "email", recipientKind: "Referral", recipientName: "", address: "a@x.test", status: "sent", attempts: 1, lastError: null, sentAt: sent.toISOString() },
      { channel: "sms", recipientKind: "Patient", recipientName: "", address: "+1555", status: "pending", attempts: 0, lastError: null, sentAt: null },
    ]);
    const [dept] = await tdb.db.select({ d: t.tests.departmentId }).from(t.tests).where(eq(t.tests.id, s.r.normal.testId));
    const techSees = tech.departmentScope === null || tech.departmentScope.departmentIds.includes(dept.d);
    expect((await getCalloutLogs(tdb.db, tech, [report])).logs.some((l) => l.id === logId)).toBe(techSees);
  });
});
