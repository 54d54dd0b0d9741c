// The FHIR R4 operations (DESIGN §12), for the OpenAPI document. Under /fhir/ bodies are
// application/fhir+json and errors are OperationOutcome resources.
import {
  bundleSchema,
  capabilityStatementSchema,
  communicationParamsSchema,
  communicationSchema,
  communicationSearchSchema,
  FHIR_JSON,
  operationOutcomeSchema,
} from "../fhir";
import type { Operation } from "./operation";

const fhir = { tag: "FHIR R4", mediaType: FHIR_JSON, errorSchema: operationOutcomeSchema } as const;

export const FHIR_OPERATIONS: Operation[] = [
  {
    ...fhir, method: "GET", path: "/fhir/r4/metadata", access: "public",
    summary: "CapabilityStatement",
    description: "What this FHIR server offers: Communication read and search, with its search parameters. Public, as FHIR clients read it before they authenticate; it holds no patient data.",
    responses: { 200: { description: "The CapabilityStatement", schema: capabilityStatementSchema } },
  },
  {
    ...fhir, method: "GET", path: "/fhir/r4/Communication",
    summary: "Search critical result communications",
    description:
      "One Communication per report and callout action (attempt → in-progress, done → completed, unreachable or escalated → not-done), newest first, as a searchset Bundle with `next` links. `sent` and `_lastUpdated` take FHIR date prefixes (eq, gt, lt, ge, le) and may repeat; dates without a time are UTC days. Unknown parameters are a 400.",
    query: communicationSearchSchema,
    responses: { 200: { description: "A searchset Bundle", schema: bundleSchema }, 400: "A search parameter is not understood" },
  },
  {
    ...fhir, method: "GET", path: "/fhir/r4/Communication/[id]",
    summary: "Read one Communication",
    params: communicationParamsSchema,
    responses: { 200: { description: "The Communication", schema: communicationSchema }, 404: "No such Communication (or not visible)" },
  },
];
