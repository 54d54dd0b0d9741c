// Any path under /fhir/ that no route serves: 404 as FHIR's OperationOutcome.
import { unknownPath } from "@/server/api/methods";
import { fhirError } from "@/server/fhir/respond";

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = unknownPath(fhirError);
