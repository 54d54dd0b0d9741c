// GET /api/events (DESIGN §8): a write reaches every open stream of a session that may see its
// reports, within 2 s, naming only those reports — and never a stream outside that scope. Presence:
// who else has a bill's callout open, until they close it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as eventsRoute } from "../../app/api/events/route";
import { POST as calloutRoute } from "../../app/report/[billId]/critical/callout/route";
import type { TestDb } from "../support/db";
import type { Scenario } from "../support/fixtures";
import { call } from "../support/http";
import { loginAs } from "../support/session";
import { openSse, type SseClient } from "../support/sse";
import { attemptBody, openScenario } from "../support/world";

let tdb: TestDb;
let s: Scenario;
const cookies: Record<string, string> = {};
const streams: SseClient[] = [];
beforeAll(async () => {
  ({ tdb, s } = await openScenario());
  for (const k of ["support", "tech0", "tech1", "drref", "supportB"] as const) cookies[k] = await loginAs(s.users[k].username);
});
afterAll(async () => {
  for (const stream of streams) stream.close();
  await tdb.dispose();
});

async function listen(who: string, query = "") {
  const stream = await openSse(eventsRoute, `/api/events${query}`, cookies[who]);
  streams.push(stream);
  return stream;
}

const attempt = (ids: number[], comment: string) => attemptBody(ids, comment);
const post = (who: string, ids: number[], comment: string) =>
  call(calloutRoute, `/report/${s.bill1.id}/critical/callout`, { cookie: cookies[who], body: attempt(ids, comment), params: { billId: String(s.bill1.id) } });

describe("the event stream", () => {
  it("is a text/event-stream for a session, 401 without one, 404 for an unseen bill", async () => {
    const stream = await listen("tech0");
    expect(stream.status).toBe(200);
    expect(stream.response.headers.get("content-type")).toMatch(/^text\/event-stream/);
    expect((await call(eventsRoute, "/api/events")).status).toBe(401);
    expect((await call(eventsRoute, `/api/events?bill_id=${s.bill2.id}`, { cookie: cookies.drref })).status).toBe(404);
    expect((await call(eventsRoute, `/api/events?bill_id=${s.billB.id}`, { cookie: cookies.support })).status).toBe(404);
    expect((await call(eventsRoute, "/api/events?presence=1", { cookie: cookies.support })).status).toBe(400);
    expect((await call(eventsRoute, "/api/events?bill_id=abc", { cookie: cookies.support })).status).toBe(400);
  });

  it("brings a colleague's write within 2 s to the sessions that see it, and to no other", async () => {
    const hema = await listen("tech0", `?bill_id=${s.bill1.id}`); // Hematology only
    const chem = await listen("tech1"); // Clinical Chemistry only
    const otherLab = await listen("supportB");
    const started = Date.now();
    expect((await post("support", [s.r.cbcPending.id], "hematology attempt")).status).toBe(201);
    const event = await hema.nextOf("callout", 2000);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(event.data).toMatchObject({ bill_id: s.bill1.id, lab_report_ids: [s.r.cbcPending.id], kind: "attempt", by: "Support A" });
    // The next write is Clinical Chemistry's: the first event the chemistry stream hears must be that one.
    expect((await post("support", [s.r.kAttempted.id], "chemistry attempt")).status).toBe(201);
    const chemEvent = await chem.nextOf("callout", 2000);
    expect(chemEvent.data).toMatchObject({ lab_report_ids: [s.r.kAttempted.id] });
    await expect(otherLab.nextOf("callout", 500)).rejects.toThrow(/no event/);
  });

  it("filters by bill_id", async () => {
    const other = await listen("support", `?bill_id=${s.bill2.id}`);
    await post("support", [s.r.cbcPending.id], "bill 1 again");
    await expect(other.nextOf("callout", 500)).rejects.toThrow(/no event/);
  });

  it("shows who else has the bill's callout open, and forgets them when their stream closes", async () => {
    const watcher = await listen("tech0", `?bill_id=${s.bill1.id}&presence=1`);
    expect((await watcher.nextOf("presence")).data).toEqual([]);
    const colleague = await listen("support", `?bill_id=${s.bill1.id}&presence=1`);
    const seen = await watcher.nextOf("presence");
    expect(seen.data).toEqual([{ user_id: s.users.support.id, name: "Support A", since: expect.any(String) }]);
    expect((await colleague.nextOf("presence")).data).toMatchObject([{ name: "Tech Zero" }]);
    colleague.close();
    expect((await watcher.nextOf("presence")).data).toEqual([]);
  });
});
