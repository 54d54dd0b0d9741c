// FHIR R4 (DESIGN §12): Communication search and read over the category-648 activity logs, scoped
// like every route; every resource and Bundle received validates against the R4 definitions.
import { and, eq, lt } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as readRoute } from "../../app/fhir/r4/Communication/[id]/route";
import { GET as searchRoute } from "../../app/fhir/r4/Communication/route";
import { GET as metadataRoute } from "../../app/fhir/r4/metadata/route";
import { POST as calloutRoute } from "../../app/report/[billId]/critical/callout/route";
import { createApiToken } from "../../db/queries/api-tokens";
import * as t from "../../db/schema";
import type { TestDb } from "../support/db";
import { fhirBundleProblems, fhirProblems } from "../support/fhir-validate";
import type { Scenario } from "../support/fixtures";
import { call } from "../support/http";
import { openScenario } from "../support/world";

// biome-ignore lint/suspicious/noExplicitAny: FHIR JSON is read as received
type Json = any;
let tdb: TestDb;
let s: Scenario;
const bearer = {} as Record<"support" | "tech0" | "supportB", string>;
const logs = {} as Record<"reached" | "noAnswer" | "wrongNumber" | "escalation" | "messageSent" | "ack", number>;

beforeAll(async () => {
  ({ tdb, s } = await openScenario());
  for (const who of ["support", "tech0", "supportB"] as const) bearer[who] = `Bearer ${(await createApiToken(tdb.db, s.users[who], who)).token}`;
  const cbc = s.r.cbcPending.id;
  const entry = (date: string, text: string, dumpedJson: Record<string, unknown>, userId: number | null = s.users.tech0.id) => ({
    labId: s.labA.id, billId: s.bill1.id, labReportId: cbc, labReportIds: [cbc], logCategoryId: 648, userId,
    labUserName: userId ? "Tech Zero" : "System", activityText: text, activityDate: new Date(date), dumpedJson,
  });
  const rows = await tdb.db
    .insert(t.activityLogs)
    .values([
      entry("2026-10-01T10:00:00Z", "Callout done by - Tech Zero", {
        is_draft: false, recipient_list: ["Referral"], methods: ["email"], comment: "Told the doctor",
        outcome: { code: "reached", person: "Dr. Rhea Kapoor", role: "referring physician", read_back: true },
      }),
      entry("2026-10-02T10:00:00Z", "Callout Attempted by - Tech Zero", { is_draft: true, recipients: "Organization", method: "Fax", outcome: { code: "no_answer" } }),
      entry("2026-10-03T10:00:00Z", "Callout Attempted by - Tech Zero", { is_draft: true, recipient_list: ["Patient"], methods: ["sms"], outcome: { code: "wrong_number" } }),
      entry("2026-10-04T10:00:00Z", "Escalated (level 1): 3 unsuccessful attempts", { kind: "escalation", level: 1, reason: "max_attempts" }, null),
      entry("2026-10-05T10:00:00Z", "Callout done by - Tech Zero", {
        is_draft: false, recipient_list: ["Patient"], methods: ["whatsapp"], outcome: { code: "message_sent" },
        notify_to_others: { name: "Ana Lopez", contactNumber: "555-0303" },
      }),
      entry("2026-10-06T10:00:00Z", "Acknowledged by Dr. Rhea Kapoor", { kind: "acknowledgement" }),
    ])
    .returning({ id: t.activityLogs.id });
  [logs.reached, logs.noAnswer, logs.wrongNumber, logs.escalation, logs.messageSent, logs.ack] = rows.map((r) => r.id);
});
afterAll(() => tdb.dispose());

/** The fixture's own category-648 logs of lab A: its done callout and its attempt. */
async function seedLogIds(): Promise<[number, number]> {
  const rows = await tdb.db.select().from(t.activityLogs).where(and(eq(t.activityLogs.labId, s.labA.id), eq(t.activityLogs.logCategoryId, 648), lt(t.activityLogs.activityDate, new Date("2026-11-21"))));
  const seed = rows.filter((r) => r.activityDate >= new Date("2026-11-20"));
  return [seed.find((r) => r.activityText.startsWith("Callout done"))!.id, seed.find((r) => r.activityText.startsWith("Callout Attempted"))!.id];
}

async function search(query: string, who: keyof typeof bearer = "support") {
  const res = await call(searchRoute, `/fhir/r4/Communication?${query}`, { cookie: bearer[who] });
  if (res.status === 200) expect(fhirBundleProblems(res.json)).toEqual([]);
  return res;
}
const ids = (bundle: Json): string[] => (bundle.entry ?? []).map((e: Json) => e.resource.id);
const id = (log: number, report = s.r.cbcPending.id) => `${log}-${report}`;
async function read(communicationId: string, who: keyof typeof bearer = "support") {
  const res = await call(readRoute, `/fhir/r4/Communication/${communicationId}`, { cookie: bearer[who], params: { id: communicationId } });
  if (res.status === 200) expect(fhirProblems(res.json)).toEqual([]);
  else expect(fhirProblems(res.json)).toEqual([]); // the OperationOutcome, too
  return res;
}

describe("the validator", () => {
  it("finds what is wrong with an invalid Communication", () => {
    expect(fhirProblems({ resourceType: "Communication", status: "sent", priority: "urgent-ish" }).length).toBeGreaterThan(0);
    expect(fhirProblems({ resourceType: "Communication" }).length).toBeGreaterThan(0); // status is required
    expect(fhirProblems({ resourceType: "Communication", status: "completed", sent: "yesterday" }).length).toBeGreaterThan(0);
    expect(fhirBundleProblems({ resourceType: "Bundle", type: "searchset", entry: [{ resource: { resourceType: "Communication", status: "done" } }] } as never)).toEqual([
      'Communication.status: "done" is not in its required ValueSet',
    ]);
  });
});

describe("GET /fhir/r4/metadata", () => {
  it("is a valid CapabilityStatement, without a session", async () => {
    const res = await call(metadataRoute, "/fhir/r4/metadata");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/fhir\+json/);
    expect(res.json.resourceType).toBe("CapabilityStatement");
    expect(fhirProblems(res.json)).toEqual([]);
    expect(res.json.rest[0].resource[0].searchParam.map((p: Json) => p.name)).toEqual(expect.arrayContaining(["patient", "sent", "status", "part-of", "_count", "_lastUpdated"]));
  });
});

describe("Communication search", () => {
  it("finds a patient's callouts, newest first, one per report and action, acknowledgements left out", async () => {
    const res = await search(`patient=Patient/${s.patient.id}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/fhir\+json/);
    expect(res.json).toMatchObject({ resourceType: "Bundle", type: "searchset" });
    const [seedDone, seedAttempt] = await seedLogIds();
    expect(ids(res.json)).toEqual([
      id(seedDone, s.r.cultureDone.id),
      id(seedAttempt, s.r.cbcPending.id), // the seed's attempt names two reports: two communications
      id(seedAttempt, s.r.kAttempted.id),
      ...[logs.messageSent, logs.escalation, logs.wrongNumber, logs.noAnswer, logs.reached].map((l) => id(l)),
    ]);
    expect(ids(res.json)).not.toContain(id(logs.ack));
    const sent = res.json.entry.map((e: Json) => e.resource.sent);
    expect([...sent].sort().reverse()).toEqual(sent);
  });

  it("answers only what the session's scope sees", async () => {
    const tech0 = await search(`patient=${s.patient.id}`, "tech0");
    const reports = new Set(tech0.json.entry.map((e: Json) => e.resource.partOf[0].reference));
    expect([...reports]).toEqual([`DiagnosticReport/${s.r.cbcPending.id}`]); // Hematology only
    expect(ids(tech0.json).length).toBe(6);
    const otherLab = await search(`patient=${s.patient.id}`, "supportB");
    expect(otherLab.json.entry).toBeUndefined();
  });

  it("filters by sent date ranges and by _lastUpdated", async () => {
    expect(ids((await search(`patient=${s.patient.id}&sent=ge2026-10-02&sent=lt2026-10-04`)).json)).toEqual([id(logs.wrongNumber), id(logs.noAnswer)]);
    expect(ids((await search(`patient=${s.patient.id}&sent=2026-10-05`)).json)).toEqual([id(logs.messageSent)]);
    expect(ids((await search(`patient=${s.patient.id}&_lastUpdated=le2026-10-01`)).json)).toEqual([id(logs.reached)]);
    expect(ids((await search(`patient=${s.patient.id}&sent=gt2026-10-04T10:00:00Z&sent=lt2026-11`)).json)).toEqual([id(logs.messageSent)]);
  });

  it("filters by status, as each Communication states it", async () => {
    const byStatus = async (status: string) => (await search(`patient=${s.patient.id}&status=${status}`)).json.entry.map((e: Json) => e.resource);
    const notDone = await byStatus("not-done");
    expect(notDone.map((c: Json) => c.id)).toEqual([id(logs.escalation), id(logs.wrongNumber)]);
    const completed = await byStatus("completed");
    expect(completed.map((c: Json) => c.id)).toEqual(expect.arrayContaining([id(logs.messageSent), id(logs.reached)]));
    expect(completed.length).toBe(3); // and the seed's done culture
    const inProgress = await byStatus("in-progress");
    expect(inProgress.length).toBe(3); // no answer, and the seed's attempt on two reports
    for (const [status, list] of [["not-done", notDone], ["completed", completed], ["in-progress", inProgress]] as const) {
      expect(list.every((c: Json) => c.status === status)).toBe(true);
    }
    expect(ids((await search(`patient=${s.patient.id}&status=not-done,completed`)).json).length).toBe(5);
  });

  it("pages with next links until every match was seen once", async () => {
    const all = ids((await search(`patient=${s.patient.id}&_count=100`)).json);
    const seen: string[] = [];
    let url: string | undefined = `/fhir/r4/Communication?patient=${s.patient.id}&_count=3`;
    let pages = 0;
    while (url) {
      const res = await search(new URL(url, "http://x").search.slice(1));
      expect(res.json.entry.length).toBeLessThanOrEqual(3);
      seen.push(...ids(res.json));
      url = res.json.link.find((l: Json) => l.relation === "next")?.url;
      if (url) expect(url).toMatch(/^http:\/\/localhost:3000\/fhir\/r4\/Communication\?/);
      pages++;
    }
    expect(pages).toBe(3);
    expect(seen).toEqual(all);
  });

  it("filters by part-of (the lab report)", async () => {
    const res = await search(`part-of=DiagnosticReport/${s.r.cultureDone.id}`);
    expect(res.json.entry.map((e: Json) => e.resource.status)).toEqual(["completed"]);
  });

  it("answers bad searches and missing credentials with an OperationOutcome", async () => {
    for (const q of ["patient=abc", "sent=yesterday", "status=sent", "_count=0", "_count=101", "colour=red", `patient=1&patient=2`]) {
      const res = await search(q);
      expect(res.status, q).toBe(400);
      expect(res.json.resourceType).toBe("OperationOutcome");
      expect(res.json.issue[0].code).toBe("invalid");
      expect(fhirProblems(res.json)).toEqual([]);
    }
    expect((await search("colour=red")).json.issue[0].details.text).toBe(
      'Unknown search parameter "colour" (supported: patient, part-of, status, sent, _lastUpdated, _count, _offset)',
    );
    const anonymous = await call(searchRoute, "/fhir/r4/Communication");
    expect(anonymous.status).toBe(401);
    expect(anonymous.json).toMatchObject({ resourceType: "OperationOutcome", issue: [{ code: "login" }] });
  });
});

describe("Communication read and mapping", () => {
  it("maps a done callout that reached a person: completed, read-back noted, Practitioner recipient, values as Observations", async () => {
    const res = await read(id(logs.reached));
    expect(res.status).toBe(200);
    const c = res.json;
    expect(c).toMatchObject({
      status: "completed", priority: "stat", sent: "2026-10-01T10:00:00.000Z",
      category: [{ coding: [{ code: "alert" }] }],
      subject: { reference: `Patient/${s.patient.id}`, display: "Maria Lopez" },
      partOf: [{ reference: `DiagnosticReport/${s.r.cbcPending.id}` }],
      recipient: [{ reference: `Practitioner/${s.doctors.ref1.id}` }],
      medium: [{ coding: [{ code: "EMAILWRIT" }] }],
      sender: { display: "Tech Zero" },
    });
    expect(c.received).toBeUndefined(); // acknowledgement is not recorded yet
    expect(c.statusReason).toBeUndefined();
    expect(c.note.map((n: Json) => n.text)).toContain("Read back by Dr. Rhea Kapoor (referring physician): confirmed");
    const hgb = c.contained.find((r: Json) => r.resourceType === "Observation" && r.code.text === "Hemoglobin");
    expect(hgb).toMatchObject({ valueQuantity: { value: 6.1, unit: "g/dL" }, interpretation: [{ coding: [{ code: "LL" }] }] });
    expect(c.about).toEqual([{ reference: `#${hgb.id}`, display: "Hemoglobin LL" }]);
    expect(c.payload[0].contentString).toContain("Hemoglobin 6.1 g/dL (LL");
  });

  it("maps attempts: no answer is in progress (Organization); a wrong number is not done (Patient)", async () => {
    const noAnswer = (await read(id(logs.noAnswer))).json;
    expect(noAnswer).toMatchObject({ status: "in-progress", recipient: [{ reference: `Organization/${s.org.id}`, display: "St. Mary Clinic" }], medium: [{ coding: [{ code: "FAXWRIT" }] }] });
    const wrong = (await read(id(logs.wrongNumber))).json;
    expect(wrong).toMatchObject({
      status: "not-done",
      statusReason: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/communication-not-done-reason", code: "invalid-phone-number" }] },
      recipient: [{ reference: `Patient/${s.patient.id}` }],
    });
  });

  it("maps an escalation as not done, recipient unavailable, sent by the system", async () => {
    const c = (await read(id(logs.escalation))).json;
    expect(c).toMatchObject({ status: "not-done", statusReason: { coding: [{ code: "recipient-unavailable" }] }, sender: { display: "System" } });
    expect(c.note.map((n: Json) => n.text)).toContain("Escalated (level 1): 3 unsuccessful attempts");
  });

  it("maps another person notified as a contained RelatedPerson recipient", async () => {
    const c = (await read(id(logs.messageSent))).json;
    expect(c.status).toBe("completed");
    const other = c.contained.find((r: Json) => r.resourceType === "RelatedPerson");
    expect(other).toMatchObject({ name: [{ text: "Ana Lopez" }], patient: { reference: `Patient/${s.patient.id}` }, telecom: [{ system: "phone", value: "555-0303" }] });
    expect(c.recipient).toEqual([{ reference: `Patient/${s.patient.id}`, display: "Maria Lopez" }, { reference: `#${other.id}` }]);
  });

  it("maps logs written before outcomes existed: done → completed, attempt → in-progress", async () => {
    const culture = (await search(`part-of=${s.r.cultureDone.id}`)).json.entry[0].resource;
    expect(culture.status).toBe("completed");
    expect(culture.contained[0]).toMatchObject({ valueString: "Growth Detected", interpretation: [{ coding: [{ code: "AA" }] }] });
    const attempt = (await search(`part-of=${s.r.kAttempted.id}`)).json.entry[0].resource;
    expect(attempt.status).toBe("in-progress");
  });

  it("records what the app's own write produces: a done callout with a phone call read back", async () => {
    const res = await call(calloutRoute, "/c", {
      cookie: bearer.support,
      params: { billId: String(s.bill1.id) },
      body: {
        lab_report_ids: [s.r.cbcPending.id], is_draft: false, recipients: ["Referral"], critical_callout_comment: "Called the doctor",
        critical_callout_meta: { communication_methods: [], already_notified: { phone_call: { name: "Dr. Rhea Kapoor", contact: "555-0201", read_back: true } } },
      },
    });
    expect(res.status).toBe(201);
    const newest = (await search(`part-of=${s.r.cbcPending.id}&_count=1`)).json.entry[0].resource;
    expect(newest).toMatchObject({ status: "completed", medium: [{ coding: [{ code: "PHONE" }] }], recipient: [{ reference: `Practitioner/${s.doctors.ref1.id}` }] });
    expect(newest.note.map((n: Json) => n.text)).toContain("Read back by Dr. Rhea Kapoor: confirmed");
  });

  it("answers 404 for a Communication out of scope, of another lab, or that does not exist, alike", async () => {
    const culture = (await search(`part-of=${s.r.cultureDone.id}`)).json.entry[0].resource.id;
    expect((await read(culture)).status).toBe(200); // support sees it
    const hidden = await read(culture, "tech0"); // Microbiology: not tech0's
    const otherLab = await read(culture, "supportB");
    const ghost = await read("2147483000-2147483000", "tech0");
    for (const res of [hidden, otherLab, ghost]) {
      expect(res.status).toBe(404);
      expect(res.json).toMatchObject({ resourceType: "OperationOutcome", issue: [{ code: "not-found", details: { text: "No such Communication" } }] });
    }
    expect((await read("abc")).status).toBe(400);
  });
});
