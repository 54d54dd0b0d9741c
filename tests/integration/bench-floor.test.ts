// The bench's floor route (app/api/bench/floor/route.ts): a constant answer of the asked size for a
// signed-in user, served only by a server started with BENCH_FLOOR_ROUTE=1.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { GET as floorRoute } from "../../app/api/bench/floor/route";
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
  cookie = await loginAs(s.users.tech0.username);
});
afterAll(() => tdb.dispose());
afterEach(() => {
  delete process.env.BENCH_FLOOR_ROUTE;
});

describe("GET /api/bench/floor", () => {
  it("is an unknown endpoint on a server not started for the bench", async () => {
    const res = await call(floorRoute, "/api/bench/floor?bytes=100", { cookie });
    expect(res.status).toBe(404);
    expect(res.json.error.code).toBe("not_found");
  });

  it("answers JSON of exactly the asked size when enabled, from memory or written by PostgreSQL", async () => {
    process.env.BENCH_FLOOR_ROUTE = "1";
    for (const [bytes, from] of [
      [16, "memory"],
      [20_500, "memory"],
      [59_000, "memory"],
      [16, "database"],
      [20_500, "database"],
    ] as const) {
      const res = await call(floorRoute, `/api/bench/floor?bytes=${bytes}&from=${from}`, { cookie });
      expect(res.status, `${bytes} from ${from}`).toBe(200);
      expect(res.headers.get("content-type")).toBe("application/json");
      expect(Buffer.byteLength(res.text)).toBe(bytes);
      expect(res.json.pad).toMatch(/^x*$/);
    }
  });

  it("refuses a size it cannot make, and a request without a session", async () => {
    process.env.BENCH_FLOOR_ROUTE = "1";
    for (const q of ["", "bytes=3", "bytes=abc", "bytes=2000000", "bytes=100&from=disk"]) {
      const res = await call(floorRoute, `/api/bench/floor?${q}`, { cookie });
      expect(res.status, q).toBe(400);
      expect(res.json.error.code).toBe("bad_request");
    }
    expect((await call(floorRoute, "/api/bench/floor?bytes=100")).status).toBe(401);
  });
});
