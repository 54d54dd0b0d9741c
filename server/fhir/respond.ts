// FHIR's own answers under /fhir/ (DESIGN §12): application/fhir+json bodies, and OperationOutcome in
// place of the error envelope, with the status the envelope would have had.
import "server-only";
import { type CommunicationSearch, communicationSearchSchema, FHIR_JSON, REPEATABLE_SEARCH_PARAMS } from "@/contracts/fhir";
import { ApiError } from "@/domain/errors";
import { operationOutcome } from "@/domain/fhir/resources";
import { parseInput } from "@/server/api/body";
import { handleApiError } from "@/server/api/handle-error";
import { requestOrigin } from "@/server/api/handler";

export function fhirJson(resource: unknown, status = 200): Response {
  return new Response(JSON.stringify(resource), { status, headers: { "content-type": `${FHIR_JSON}; charset=utf-8` } });
}

/** The error envelope's status and message, as an OperationOutcome. */
export async function fhirError(err: unknown, requestId: string): Promise<Response> {
  const envelope = handleApiError(err, requestId);
  const body = (await envelope.json()) as { error: { message: string; request_id?: string } };
  const res = fhirJson(operationOutcome(envelope.status, body.error.message, `request_id ${requestId}`), envelope.status);
  for (const header of ["retry-after", "allow", "x-request-id", "cache-control"]) {
    const v = envelope.headers.get(header);
    if (v) res.headers.set(header, v);
  }
  return res;
}

/** The FHIR base URL as the client addressed it (`https://host/fhir/r4`). */
export function fhirBase(req: Request): string {
  return `${requestOrigin(req)}/fhir/r4`;
}

/** The search parameters of a request: date parameters may repeat, others are given once. */
export function parseCommunicationSearch(url: URL): CommunicationSearch {
  const raw: Record<string, string | string[]> = {};
  const known = Object.keys(communicationSearchSchema.shape);
  for (const key of new Set(url.searchParams.keys())) {
    if (!known.includes(key)) throw new ApiError("bad_request", `Unknown search parameter "${key}" (supported: ${known.join(", ")})`);
    const all = url.searchParams.getAll(key);
    if (REPEATABLE_SEARCH_PARAMS.has(key)) raw[key] = all;
    else if (all.length > 1) throw new ApiError("bad_request", `${key}: give it once (comma-separate values to match any of them)`);
    else raw[key] = all[0];
  }
  return parseInput(communicationSearchSchema, raw);
}

/** The same search, one page further. */
export function nextPageUrl(base: string, url: URL, q: CommunicationSearch): string {
  const next = new URLSearchParams(url.searchParams);
  next.set("_count", String(q._count));
  next.set("_offset", String(q._offset + q._count));
  return `${base}/Communication?${next}`;
}

