// GET /fhir/r4/metadata → the CapabilityStatement. Public: FHIR clients read it before they
// authenticate, and it holds no patient data.
import { capabilityStatement } from "@/domain/fhir/resources";
import { withPublic } from "@/server/api/handler";
import { fhirBase, fhirJson } from "@/server/fhir/respond";

export const GET = withPublic(async ({ req }) => fhirJson(capabilityStatement(fhirBase(req), new Date().toISOString())));
