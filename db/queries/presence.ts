// Who has a bill's callout open (DESIGN §8). One row per open event stream, renewed by the stream's
// keep-alive; a row not renewed for PRESENCE_TTL_SECONDS (its instance died) no longer counts.
import { and, asc, eq, gt, lt, ne, sql } from "drizzle-orm";
import type { SessionContext } from "@/domain/auth/session-context";
import type { Queryable } from "../connect";
import { calloutPresence } from "../schema";
import { announce } from "./bill-events";

export const PRESENCE_TTL_SECONDS = 45;

const fresh = () => gt(calloutPresence.seenAt, sql`now() - make_interval(secs => ${PRESENCE_TTL_SECONDS})`);

export async function joinPresence(db: Queryable, session: SessionContext, billId: number, streamId: string) {
  await db.transaction(async (tx) => {
    await tx.insert(calloutPresence).values({ streamId, labId: session.labId, billId, userId: session.userId, displayName: session.displayName });
    await announce(tx, { type: "presence", lab_id: session.labId, bill_id: billId });
  });
}

export async function renewPresence(db: Queryable, streamId: string) {
  await db.update(calloutPresence).set({ seenAt: sql`now()` }).where(eq(calloutPresence.streamId, streamId));
}

export async function leavePresence(db: Queryable, session: SessionContext, billId: number, streamId: string) {
  await db.transaction(async (tx) => {
    await tx.delete(calloutPresence).where(eq(calloutPresence.streamId, streamId));
    await announce(tx, { type: "presence", lab_id: session.labId, bill_id: billId });
  });
}

/** The other people who have the bill's callout open, each once, with the earliest time they opened it. */
export async function listPresence(db: Queryable, session: SessionContext, billId: number) {
  const rows = await db
    .select({ userId: calloutPresence.userId, name: calloutPresence.displayName, since: sql<Date>`min(${calloutPresence.since})`.mapWith((v) => new Date(v)) })
    .from(calloutPresence)
    .where(and(eq(calloutPresence.billId, billId), eq(calloutPresence.labId, session.labId), ne(calloutPresence.userId, session.userId), fresh()))
    .groupBy(calloutPresence.userId, calloutPresence.displayName)
    .orderBy(asc(sql`min(${calloutPresence.since})`));
  return rows.map((r) => ({ user_id: r.userId, name: r.name, since: r.since.toISOString() }));
}

/** Rows of streams whose instance stopped renewing them (the worker's housekeeping). */
export async function purgeStalePresence(db: Queryable) {
  await db.delete(calloutPresence).where(lt(calloutPresence.seenAt, sql`now() - make_interval(secs => ${PRESENCE_TTL_SECONDS * 2})`));
}
