// GET /api/compliance/export?from=&to=[&department_id=][&group_by=] → the compliance page as an .xlsx.
import { complianceQuerySchema } from "@/contracts/compliance";
import { getComplianceReport } from "@/db/queries/compliance-report";
import { parseInput } from "@/server/api/body";
import { withSession } from "@/server/api/handler";
import { otherMethods } from "@/server/api/methods";
import { buildComplianceWorkbook, complianceFileName } from "@/server/compliance-xlsx";
import { xlsxResponse } from "@/server/export-xlsx";

export const GET = withSession(async ({ req, db, session }) => {
  const query = parseInput(complianceQuerySchema, Object.fromEntries(new URL(req.url).searchParams));
  const report = await getComplianceReport(db, session, { ...query, group_by: query.group_by ?? "department" });
  return xlsxResponse(complianceFileName(report), await buildComplianceWorkbook(report));
}, { replica: true });

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
