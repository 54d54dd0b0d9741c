// The OpenAPI document (/api/openapi.json) covers every handler of every route file, validates as
// OpenAPI 3.1, and is what the reference page (/api/docs) lists.
import { validate } from "@readme/openapi-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as openApiRoute } from "../../app/api/openapi.json/route";
import { openApiDocument, openApiPath } from "../../server/openapi/document";
import { referenceOperations } from "../../server/openapi/reference";
import { appRoutes } from "../support/app-routes";
import type { TestDb } from "../support/db";
import type { Scenario } from "../support/fixtures";
import { call } from "../support/http";
import { loginAs } from "../support/session";
import { openScenario } from "../support/world";

let tdb: TestDb;
let s: Scenario;
beforeAll(async () => {
  ({ tdb, s } = await openScenario());
});
afterAll(() => tdb.dispose());

const documented = (doc: ReturnType<typeof openApiDocument>) =>
  Object.entries(doc.paths).flatMap(([p, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${p}`)).sort();

describe("/api/openapi.json", () => {
  it("is served to a session and refused without one", async () => {
    const cookie = await loginAs(s.users.tech0.username);
    const res = await call(openApiRoute, "/api/openapi.json", { cookie });
    expect(res.status).toBe(200);
    expect(res.json.openapi).toBe("3.1.0");
    expect((await call(openApiRoute, "/api/openapi.json")).status).toBe(401);
  });

  it("documents every handler of every route file, and nothing else", async () => {
    const routes = (await appRoutes()).map((r) => {
      const [method, p] = r.split(" ");
      return `${method} ${openApiPath(p)}`;
    });
    expect(documented(openApiDocument())).toEqual(routes.sort());
  });

  it("validates as OpenAPI 3.1", async () => {
    const result = await validate(structuredClone(openApiDocument()) as never);
    expect(result.valid ? [] : result.errors).toEqual([]);
    expect(result.valid).toBe(true);
    // The validator does look: a response without its description is refused.
    const broken = structuredClone(openApiDocument()) as { paths: Record<string, Record<string, { responses: Record<string, { description?: string }> }>> };
    delete broken.paths["/auth/me"].get.responses["200"].description;
    expect((await validate(broken as never)).valid).toBe(false);
  });

  it("describes the contracts the routes parse: the write's body and the FHIR search parameters", () => {
    const doc = openApiDocument() as { paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { required?: string[] } }> }; parameters: { name: string }[] }>> };
    const write = doc.paths["/report/{billId}/critical/callout"].post;
    expect(write.requestBody?.content["application/json"].schema.required).toEqual(expect.arrayContaining(["lab_report_ids", "is_draft", "recipients"]));
    expect(write.parameters.map((p) => p.name)).toEqual(expect.arrayContaining(["billId", "Idempotency-Key", "If-Match"]));
    const search = doc.paths["/fhir/r4/Communication"].get;
    expect(search.parameters.map((p) => p.name).sort()).toEqual(["_count", "_lastUpdated", "_offset", "part-of", "patient", "sent", "status"]);
  });

  it("lists every operation on the reference page", () => {
    const ops = referenceOperations(openApiDocument());
    expect(ops.map((o) => `${o.method} ${o.path}`).sort()).toEqual(documented(openApiDocument()));
    expect(ops.every((o) => o.summary && o.responses.length > 0)).toBe(true);
  });
});
