// GET /api/worklist/export?tab=&department=&status=&from=&to=&q=&sort= → the filtered worklist's
// critical reports as an .xlsx (all pages; 400 past WORKLIST_EXPORT_LIMIT reports).
import { getWorklistExport } from "@/db/queries/worklist-export";
import { parseInput } from "@/server/api/body";
import { withSession } from "@/server/api/handler";
import { worklistQuerySchema } from "@/contracts/worklist";
import { buildWorklistWorkbook, exportFileName, xlsxResponse } from "@/server/export-xlsx";
import { otherMethods } from "@/server/api/methods";

export const GET = withSession(async ({ req, db, session }) => {
  const query = parseInput(worklistQuerySchema, Object.fromEntries(new URL(req.url).searchParams));
  const data = await getWorklistExport(db, session, query);
  return xlsxResponse(exportFileName(data), await buildWorklistWorkbook(data));
}, { replica: true });

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
