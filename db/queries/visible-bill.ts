// The bill a request acts on, or a 404: the bill page, endpoint 1 and sign-all look it up here, so an
// unseen bill answers the same whichever of them asked.
import { and, eq } from "drizzle-orm";
import type { SessionContext } from "@/domain/auth/session-context";
import { notFound } from "@/domain/errors";
import type { Queryable } from "../connect";
import { bills } from "../schema";
import { billScope } from "../scope";

/** The bill if the session may see it, else 404 (other lab, or not assigned to a referral doctor). */
export async function requireVisibleBill(db: Queryable, session: SessionContext, billId: number, opts: { forUpdate?: boolean } = {}) {
  const query = db
    .select({ id: bills.id, labId: bills.labId, patientId: bills.patientId, docId: bills.docId, orgId: bills.orgId, accessionNo: bills.accessionNo, version: bills.calloutVersion })
    .from(bills)
    .where(and(eq(bills.id, billId), billScope(session)))
    .limit(1);
  // A writer locks the bill row before anything else of the bill: the order every writer keeps.
  const [bill] = await (opts.forUpdate ? query.for("update") : query);
  if (!bill) throw notFound("Bill not found");
  return bill;
}
