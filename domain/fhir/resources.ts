// The FHIR R4 resources around Communication: the searchset Bundle, the CapabilityStatement and
// OperationOutcome (errors under /fhir/).

type Json = Record<string, unknown>;

/** A searchset Bundle of one page; `next` when more follow. URLs are absolute, as FHIR asks. */
export function searchsetBundle(resources: Json[], links: { self: string; next?: string }, base: string): Json {
  return {
    resourceType: "Bundle",
    type: "searchset",
    link: [{ relation: "self", url: links.self }, ...(links.next ? [{ relation: "next", url: links.next }] : [])],
    ...(resources.length
      ? { entry: resources.map((r) => ({ fullUrl: `${base}/${r.resourceType}/${r.id}`, resource: r, search: { mode: "match" } })) }
      : {}),
  };
}

export const OUTCOME_ISSUE_CODE = {
  400: "invalid",
  401: "login",
  403: "forbidden",
  404: "not-found",
  405: "not-supported",
  409: "conflict",
  413: "too-costly",
  429: "throttled",
  503: "transient",
} as const satisfies Record<number, string>;

export function operationOutcome(status: number, message: string, diagnostics?: string): Json {
  const code = (OUTCOME_ISSUE_CODE as Record<number, string>)[status] ?? "exception";
  return {
    resourceType: "OperationOutcome",
    issue: [{ severity: status >= 500 ? "fatal" : "error", code, details: { text: message }, ...(diagnostics ? { diagnostics } : {}) }],
  };
}

const searchParam = (name: string, type: string, documentation: string) => ({ name, type, documentation });

export function capabilityStatement(base: string, date: string): Json {
  return {
    resourceType: "CapabilityStatement",
    status: "active",
    date,
    kind: "instance",
    software: { name: "Critical Callout" },
    implementation: { description: "Critical result callouts as Communication resources", url: base },
    fhirVersion: "4.0.1",
    format: ["application/fhir+json"],
    rest: [
      {
        mode: "server",
        documentation: "Every interaction but this one needs Authorization: Bearer <API token> (npm run token:add) or a session cookie; results follow the user's lab and department scope.",
        security: { cors: false, description: "Bearer API tokens or the app's session cookie" },
        resource: [
          {
            type: "Communication",
            interaction: [{ code: "read" }, { code: "search-type" }],
            searchParam: [
              searchParam("patient", "reference", "Patient/<id>: communications about the patient's results"),
              searchParam("part-of", "reference", "DiagnosticReport/<id>: communications about the lab report"),
              searchParam("status", "token", "completed | in-progress | not-done (comma-separated: any of them)"),
              searchParam("sent", "date", "When the callout or attempt was recorded; eq, gt, lt, ge, le; repeat to AND"),
              searchParam("_lastUpdated", "date", "The same instant as sent: activity logs are never changed"),
              searchParam("_count", "number", "Page size, 1–100 (default 20)"),
            ],
          },
        ],
      },
    ],
  };
}
