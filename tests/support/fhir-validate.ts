// Validation of FHIR resources against the R4 StructureDefinitions (Medplum's validator, with the
// base type and resource definitions): the problems found, [] when the resource is valid.
import { indexStructureDefinitionBundle, OperationOutcomeError, readJson, validateResource } from "../../tools/fhir";
import { bindingProblems } from "./fhir-bindings";

type Resource = Parameters<typeof validateResource>[0];
type Definitions = Parameters<typeof indexStructureDefinitionBundle>[0];
interface Issue {
  expression?: string[];
  details?: { text?: string };
  diagnostics?: string;
}
const describeIssue = (i: Issue) => `${i.expression?.join(",") ?? ""}: ${i.details?.text ?? i.diagnostics}`;

let indexed = false;
function index() {
  if (indexed) return;
  indexStructureDefinitionBundle(readJson("fhir/r4/profiles-types.json") as Definitions);
  indexStructureDefinitionBundle(readJson("fhir/r4/profiles-resources.json") as Definitions);
  indexed = true;
}

/** Errors (not warnings) of one resource, each as "path: message": structure, and required codes. */
export function fhirProblems(resource: unknown): string[] {
  return [...structureProblems(resource), ...bindingProblems(resource)];
}

function structureProblems(resource: unknown): string[] {
  index();
  try {
    return validateResource(resource as Resource)
      .filter((i) => i.severity === "error" || i.severity === "fatal")
      .map(describeIssue);
  } catch (err) {
    if (err instanceof OperationOutcomeError) return (err.outcome.issue ?? []).map(describeIssue);
    throw err;
  }
}

/** Problems of a Bundle and of every resource in it (bindings are checked through entries already). */
export function fhirBundleProblems(bundle: { entry?: { resource?: unknown }[] }): string[] {
  return [fhirProblems(bundle), ...(bundle.entry ?? []).map((e) => structureProblems(e.resource))].flat();
}
