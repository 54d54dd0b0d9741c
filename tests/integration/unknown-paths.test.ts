// Unknown API paths and wrong methods (DESIGN §13): 404 and 405 (with Allow) in the error envelope,
// never Next's HTML page or its empty 405. Under /fhir/ the body is an OperationOutcome instead.
import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import * as apiCatchAll from "../../app/api/[...path]/route";
import * as fhirCatchAll from "../../app/fhir/[...path]/route";
import * as fhirSearch from "../../app/fhir/r4/Communication/route";
import * as login from "../../app/auth/login/route";
import * as reportCatchAll from "../../app/report/[...path]/route";
import * as callout from "../../app/report/[billId]/critical/callout/route";
import * as records from "../../app/report/[billId]/critical/records/route";
import * as settings from "../../app/settings/critical-notification/route";
import { call } from "../support/http";

const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
const APP = path.resolve(import.meta.dirname, "../../app");

describe("wrong methods", () => {
  it("every route file answers every method itself, so Next never sends its empty 405", async () => {
    const files = (readdirSync(APP, { recursive: true }) as string[]).filter((f) => f.endsWith(`${path.sep}route.ts`));
    expect(files.length).toBeGreaterThan(15);
    for (const file of files) {
      const mod = (await import(path.join(APP, file))) as Record<string, unknown>;
      const lacking = METHODS.filter((m) => typeof mod[m] !== "function" && !(m === "HEAD" && typeof mod.GET === "function"));
      expect(lacking, file).toEqual([]);
    }
  });

  it("a DELETE on a GET route is 405 in the envelope, with Allow", async () => {
    const res = await call(records.DELETE, "/report/1/critical/records", { method: "DELETE", params: { billId: "1" } });
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
    expect(res.json.error).toMatchObject({ code: "method_not_allowed", message: expect.stringContaining("GET"), request_id: expect.any(String) });
  });

  it("a GET on a POST route is 405 and names POST", async () => {
    for (const route of [callout, login]) {
      const res = await call(route.GET, "/x");
      expect(res.status).toBe(405);
      expect(res.headers.get("allow")).toBe("POST, OPTIONS");
      expect(res.json.error.code).toBe("method_not_allowed");
    }
  });

  it("OPTIONS lists the methods a route answers", async () => {
    const res = await call(settings.OPTIONS, "/settings/critical-notification", { method: "OPTIONS" });
    expect(res.status).toBe(204);
    expect(res.headers.get("allow")).toBe("GET, HEAD, PUT, OPTIONS");
  });

  it("under /fhir/ a wrong method is an OperationOutcome", async () => {
    const res = await call(fhirSearch.POST, "/fhir/r4/Communication", { method: "POST", body: {} });
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
    expect(res.json).toMatchObject({ resourceType: "OperationOutcome", issue: [{ severity: "error" }] });
  });
});

describe("unknown paths", () => {
  it("answer 404 in the envelope under every API prefix, whatever the method", async () => {
    for (const [route, p] of [
      [apiCatchAll, "/api/no-such-thing"],
      [reportCatchAll, "/report/291"],
    ] as const) {
      for (const method of ["GET", "POST", "DELETE"] as const) {
        const res = await call(route[method], p, { method });
        expect(res.status, `${method} ${p}`).toBe(404);
        expect(res.json.error).toMatchObject({ code: "not_found", message: expect.stringContaining(p) });
      }
    }
  });

  it("answer 404 as an OperationOutcome under /fhir/", async () => {
    const res = await call(fhirCatchAll.GET, "/fhir/r4/Patient");
    expect(res.status).toBe(404);
    expect(res.json).toMatchObject({ resourceType: "OperationOutcome" });
  });
});
