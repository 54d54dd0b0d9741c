// Interoperability over real HTTP (DESIGN §12): the OpenAPI document and its reference page, and FHIR
// R4 Communication search and read with the seed's history. Seed facts: bill 201 report 709
// (Hematology) and 710 (Microbiology) have log 725 (attempt) then 733 (done, phone call read back).
import { expect, test } from "@playwright/test";
import { type Cookies, loginAll } from "../api-support";

let cookies: Cookies;
test.beforeAll(async ({ playwright }) => {
  cookies = await loginAll(playwright, ["tech", "support"]);
});

test("the OpenAPI document lists every operation, and /api/docs shows each of them", async ({ request }) => {
  const doc = await (await request.get("/api/openapi.json", { headers: { cookie: cookies.support } })).json();
  expect(doc.openapi).toBe("3.1.0");
  const ops = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([p, m]) => Object.keys(m).map((x) => `${x.toUpperCase()} ${p}`));
  expect(ops).toEqual(expect.arrayContaining(["GET /fhir/r4/Communication", "POST /report/{billId}/critical/callout", "GET /api/openapi.json"]));
  const page = await request.get("/api/docs", { headers: { cookie: cookies.support } });
  expect(page.status()).toBe(200);
  const html = (await page.text()).replaceAll("<!-- -->", "");
  for (const op of ops) expect(html, op).toContain(op.replace(" ", "</span>"));
  const anonymous = await request.get("/api/docs", { maxRedirects: 0 });
  expect(anonymous.headers().location ?? "").toContain("/login");
  expect((await request.get("/api/openapi.json")).status()).toBe(401);
});

test("FHIR: metadata is public; Communication search and read follow the session's scope", async ({ request }) => {
  const metadata = await request.get("/fhir/r4/metadata");
  expect(metadata.status()).toBe(200);
  expect(metadata.headers()["content-type"]).toMatch(/^application\/fhir\+json/);
  expect((await metadata.json()).resourceType).toBe("CapabilityStatement");

  const bundle = await (await request.get("/fhir/r4/Communication?part-of=DiagnosticReport/709", { headers: { cookie: cookies.support } })).json();
  const byId = Object.fromEntries(bundle.entry.map((e: { resource: { id: string } }) => [e.resource.id, e.resource]));
  expect(byId["733-709"]).toMatchObject({ status: "completed", partOf: [{ reference: "DiagnosticReport/709" }] });
  expect(byId["733-709"].note.map((n: { text: string }) => n.text).join(" ")).toContain("Read back");
  expect(byId["725-709"].status).toBe("in-progress");

  const hidden = await request.get("/fhir/r4/Communication?part-of=710", { headers: { cookie: cookies.tech } });
  expect((await hidden.json()).entry).toBeUndefined(); // Microbiology is not tech's
  const read = await request.get("/fhir/r4/Communication/733-710", { headers: { cookie: cookies.tech } });
  expect(read.status()).toBe(404);
  expect(await read.json()).toMatchObject({ resourceType: "OperationOutcome", issue: [{ code: "not-found" }] });
  const anonymous = await request.get("/fhir/r4/Communication?patient=3");
  expect(anonymous.status()).toBe(401);
  expect((await anonymous.json()).resourceType).toBe("OperationOutcome");
});
