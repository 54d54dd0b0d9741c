// GET /api/worklist?tab=&department=&status=&from=&to=&q=&sort=&page= → one page of the bill queue.
import { getWorklist } from "@/db/queries/worklist";
import { parseInput } from "@/server/api/body";
import { withSession } from "@/server/api/handler";
import { worklistQuerySchema } from "@/contracts/worklist";
import { otherMethods } from "@/server/api/methods";

export const GET = withSession(async ({ req, db, session }) => {
  const query = parseInput(worklistQuerySchema, Object.fromEntries(new URL(req.url).searchParams));
  return getWorklist(db, session, query);
}, { replica: true });

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
