// GET /fhir/r4/Communication/{logId}-{reportId} → one Communication; 404 when unseen or nonexistent.
import { communicationParamsSchema } from "@/contracts/fhir";
import { readCommunication } from "@/db/queries/fhir-communications";
import { notFound } from "@/domain/errors";
import { withSession } from "@/server/api/handler";
import { fhirError, fhirJson } from "@/server/fhir/respond";
import { otherMethodsWith } from "@/server/api/methods";

export const GET = withSession(
  async ({ db, session, params }) => {
    const [logId, reportId] = params.id;
    const communication = await readCommunication(db, session, logId, reportId);
    if (!communication) throw notFound("No such Communication");
    return fhirJson(communication);
  },
  { params: communicationParamsSchema, onError: fhirError },
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethodsWith(fhirError, "GET");
