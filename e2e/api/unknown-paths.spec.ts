// Unknown API paths and wrong methods over real HTTP (DESIGN §13): 404 and 405 with Allow in the
// error envelope, not Next's HTML 404 page or its empty 405; pages keep their HTML 404.
import { expect, test } from "@playwright/test";
import { BASE_URL } from "../api-support";

const NOT_FOUND = [
  ["GET", "/api/no-such-thing"],
  ["POST", "/api/worklist/nope"],
  ["GET", "/report/291"],
  ["GET", "/report/291/critical/nope"],
  ["DELETE", "/operation/nothing"],
  ["GET", "/auth/whoami"],
  ["PUT", "/settings/unknown"],
] as const;

for (const [method, path] of NOT_FOUND) {
  test(`${method} ${path} is 404 in the envelope`, async ({ request }) => {
    const res = await request.fetch(path, { method, headers: { origin: BASE_URL } });
    expect(res.status()).toBe(404);
    expect(res.headers()["content-type"]).toContain("application/json");
    expect((await res.json()).error).toMatchObject({ code: "not_found", message: expect.stringContaining(path), request_id: expect.any(String) });
  });
}

const WRONG_METHOD = [
  ["DELETE", "/report/291/critical/records", "GET, HEAD, OPTIONS"],
  ["GET", "/report/291/critical/callout", "POST, OPTIONS"],
  ["PATCH", "/settings/critical-notification", "GET, HEAD, PUT, OPTIONS"],
  ["GET", "/auth/login", "POST, OPTIONS"],
  ["POST", "/api/worklist", "GET, HEAD, OPTIONS"],
] as const;

for (const [method, path, allow] of WRONG_METHOD) {
  test(`${method} ${path} is 405 with Allow: ${allow}`, async ({ request }) => {
    const res = await request.fetch(path, { method, headers: { origin: BASE_URL } });
    expect(res.status()).toBe(405);
    expect(res.headers().allow).toBe(allow);
    expect((await res.json()).error).toMatchObject({ code: "method_not_allowed", request_id: expect.any(String) });
  });
}

test("OPTIONS answers the route's methods", async ({ request }) => {
  const res = await request.fetch("/report/291/critical/records", { method: "OPTIONS" });
  expect(res.status()).toBe(204);
  expect(res.headers().allow).toBe("GET, HEAD, OPTIONS");
});

test("under /fhir/ they are OperationOutcomes", async ({ request }) => {
  const unknown = await request.get("/fhir/r4/Patient");
  expect(unknown.status()).toBe(404);
  expect((await unknown.json()).resourceType).toBe("OperationOutcome");
  const wrong = await request.fetch("/fhir/r4/Communication", { method: "DELETE" });
  expect(wrong.status()).toBe(405);
  expect(wrong.headers().allow).toBe("GET, HEAD, OPTIONS");
  expect((await wrong.json()).resourceType).toBe("OperationOutcome");
});

test("an unknown page is still the HTML 404 page", async ({ request }) => {
  const res = await request.get("/no-such-page");
  expect(res.status()).toBe(404);
  expect(res.headers()["content-type"]).toContain("text/html");
});
