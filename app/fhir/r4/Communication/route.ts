// GET /fhir/r4/Communication?patient=&sent=&status=&part-of=&_count=&_lastUpdated= → a searchset Bundle.
import { searchCommunications } from "@/db/queries/fhir-communications";
import { searchsetBundle } from "@/domain/fhir/resources";
import { withSession } from "@/server/api/handler";
import { fhirBase, fhirError, fhirJson, nextPageUrl, parseCommunicationSearch } from "@/server/fhir/respond";
import { otherMethodsWith } from "@/server/api/methods";

export const GET = withSession(
  async ({ req, db, session }) => {
    const url = new URL(req.url);
    const q = parseCommunicationSearch(url);
    const { communications, hasMore } = await searchCommunications(db, session, q);
    const base = fhirBase(req);
    const self = `${base}/Communication${url.search}`;
    return fhirJson(searchsetBundle(communications, { self, next: hasMore ? nextPageUrl(base, url, q) : undefined }, base));
  },
  { onError: fhirError, replica: true },
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethodsWith(fhirError, "GET");
