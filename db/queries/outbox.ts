// Reads of the outbox for people: the development mailbox page.
import { and, desc, eq } from "drizzle-orm";
import type { Queryable } from "../connect";
import { outboundMessages } from "../schema";

export function listOutboundMessages(db: Queryable, labId: number, limit = 50) {
  return db
    .select()
    .from(outboundMessages)
    .where(and(eq(outboundMessages.labId, labId)))
    .orderBy(desc(outboundMessages.id))
    .limit(limit);
}
