// The FHIR R4 interface (DESIGN §12): search parameters of Communication, and the loose shapes of the
// resources served (their full definition is the R4 specification; the tests validate against it).
import { z } from "zod";
import { type DateBounds, intersectBounds, parseDateSearch } from "@/domain/fhir/search-date";
import { COMMUNICATION_STATUSES } from "@/domain/fhir/communication-status";
import { idSchema } from "./ids";

export const FHIR_JSON = "application/fhir+json";
export const FHIR_DEFAULT_COUNT = 20;
export const FHIR_MAX_COUNT = 100;
/** Offsets beyond this are refused: narrow the search instead of paging that deep. */
export const FHIR_MAX_OFFSET = 10_000;

/** `Patient/12` or `12`: a reference search value of one type, as the id. */
const referenceParam = (type: string) =>
  z
    .string()
    .regex(new RegExp(`^(${type}/)?\\d+$`), `must be ${type}/<id> or <id>`)
    .transform((s) => Number(s.slice(s.lastIndexOf("/") + 1)))
    .pipe(idSchema);

const dateParam = z
  .array(z.string())
  .max(4, "at most 4 values")
  .transform((values, ctx): DateBounds => {
    const bounds: DateBounds[] = [];
    for (const v of values) {
      const b = parseDateSearch(v);
      if (b) bounds.push(b);
      else ctx.addIssue({ code: "custom", message: `"${v}" is not a date search value (e.g. ge2026-03-01 or lt2026-03-01T12:00:00Z)` });
    }
    return intersectBounds(bounds);
  });

const countParam = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, "must be a whole number")
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

/** GET /fhir/r4/Communication: every parameter but sent and _lastUpdated given at most once. */
export const communicationSearchSchema = z.strictObject({
  patient: referenceParam("Patient").optional(),
  "part-of": referenceParam("DiagnosticReport").optional(),
  status: z
    .string()
    .transform((s) => s.split(","))
    .pipe(z.array(z.enum(COMMUNICATION_STATUSES)).min(1))
    .optional(),
  sent: dateParam.optional(),
  _lastUpdated: dateParam.optional(),
  _count: countParam(1, FHIR_MAX_COUNT).default(FHIR_DEFAULT_COUNT),
  _offset: countParam(0, FHIR_MAX_OFFSET).default(0),
});
export type CommunicationSearch = z.infer<typeof communicationSearchSchema>;
/** Parameters that may repeat (ANDed); the others are given once. */
export const REPEATABLE_SEARCH_PARAMS = new Set(["sent", "_lastUpdated"]);

/** A Communication id: `<activity log id>-<report id>` (one per report and action). */
export const communicationParamsSchema = z.object({
  id: z
    .string()
    .regex(/^\d+-\d+$/, "must be <log id>-<report id>")
    .transform((s) => s.split("-").map(Number) as [number, number])
    .pipe(z.tuple([idSchema, idSchema])),
});

const resource = (type: string) =>
  z.object({ resourceType: z.literal(type) }).loose().describe(`A FHIR R4 ${type} (https://hl7.org/fhir/R4/${type.toLowerCase()}.html)`);
export const bundleSchema = resource("Bundle");
export const communicationSchema = resource("Communication");
export const capabilityStatementSchema = resource("CapabilityStatement");
export const operationOutcomeSchema = resource("OperationOutcome");
