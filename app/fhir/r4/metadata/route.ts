// GET /fhir/r4/metadata → the CapabilityStatement. Public: FHIR clients read it before they
// authenticate, and it holds no patient data.
import { capabilityStatement } from "@/domain/fhir/resources";
import { withPublic } from "@/server/api/handler";
import { fhirBase, fhirError, fhirJson } from "@/server/fhir/respond";
import { otherMethodsWith } from "@/server/api/methods";

export const GET = withPublic(async ({ req }) => fhirJson(capabilityStatement(fhirBase(req), new Date().toISOString())));

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethodsWith(fhirError, "GET");
