// GET /api/compliance?from=&to=[&department_id=][&group_by=] → DESIGN §11's measures, overall and per group.
import { complianceQuerySchema } from "@/contracts/compliance";
import { getCompliance } from "@/db/queries/compliance";
import { parseInput } from "@/server/api/body";
import { withSession } from "@/server/api/handler";
import { otherMethods } from "@/server/api/methods";

export const GET = withSession(async ({ req, db, session }) => {
  const query = parseInput(complianceQuerySchema, Object.fromEntries(new URL(req.url).searchParams));
  return getCompliance(db, session, query);
}, { replica: true });

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
