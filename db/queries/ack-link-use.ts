// The public acknowledgement page's reads and write (DESIGN §10): a link is found by the SHA-256 of
// its token only, so an unknown, malformed or guessed token looks the same (not found) and reveals
// nothing. It shows only what its message showed (the patient's name only when the message did).
import { and, asc, eq, inArray } from "drizzle-orm";
import type { AckLinkState, AckView } from "@/domain/notify/ack-page";
import { systemActor } from "@/domain/auth/session-context";
import type { CriticalParameter } from "@/domain/critical/evaluate";
import type { Db, Queryable } from "../connect";
import { activityLogs, bills, criticalAckLinks, criticalAcknowledgements, criticalCallouts, labs, patients } from "../schema";
import { ACK_TOKEN_PATTERN, hashAckToken } from "./ack-links";
import { writeAcknowledgement } from "./acknowledge";
import { getNotifySettings } from "./settings";

type LinkRow = Awaited<ReturnType<typeof findLink>>;

async function findLink(db: Queryable, token: string) {
  if (!ACK_TOKEN_PATTERN.test(token)) return undefined;
  const [row] = await db
    .select({
      link: criticalAckLinks,
      labName: labs.name,
      accessionNo: bills.accessionNo,
      patientName: patients.fullName,
      callerName: activityLogs.labUserName,
      calledAt: activityLogs.activityDate,
    })
    .from(criticalAckLinks)
    .innerJoin(labs, eq(labs.id, criticalAckLinks.labId))
    .innerJoin(bills, and(eq(bills.id, criticalAckLinks.billId), eq(bills.labId, criticalAckLinks.labId)))
    .innerJoin(patients, eq(patients.id, bills.patientId))
    .leftJoin(activityLogs, eq(activityLogs.id, criticalAckLinks.activityLogId))
    .where(eq(criticalAckLinks.tokenHash, hashAckToken(token)))
    .limit(1);
  return row;
}

async function existingAcknowledgement(db: Queryable, linkId: number) {
  const [row] = await db
    .select({ at: criticalAcknowledgements.createdAt, by: criticalAcknowledgements.acknowledgedBy })
    .from(criticalAcknowledgements)
    .where(eq(criticalAcknowledgements.linkId, linkId))
    .orderBy(asc(criticalAcknowledgements.id))
    .limit(1);
  return row;
}

/** The reports as the message showed them: the done callouts' snapshots of their critical values. */
async function reportsOf(db: Queryable, row: NonNullable<LinkRow>): Promise<AckView["reports"]> {
  if (row.link.calloutIds.length === 0) return [];
  const callouts = await db
    .select({ meta: criticalCallouts.criticalValuesMeta })
    .from(criticalCallouts)
    .where(and(inArray(criticalCallouts.id, row.link.calloutIds), eq(criticalCallouts.labId, row.link.labId)))
    .orderBy(asc(criticalCallouts.labReportId));
  return callouts.map(({ meta }) => {
    const m = (meta ?? {}) as { test_name?: string; department_name?: string; critical_parameters?: CriticalParameter[] };
    return { testName: m.test_name ?? "", departmentName: m.department_name ?? "", parameters: Array.isArray(m.critical_parameters) ? m.critical_parameters : [] };
  });
}

async function stateOf(db: Queryable, row: LinkRow, now: Date): Promise<AckLinkState> {
  if (!row) return { state: "unknown" };
  const [settings, done] = await Promise.all([getNotifySettings(db, row.link.labId), existingAcknowledgement(db, row.link.id)]);
  const lab = { labName: row.labName, labPhone: settings.lab_phone };
  if (done) return { state: "acknowledged", ...lab, at: done.at.toISOString(), by: done.by };
  if (row.link.expiresAt.getTime() <= now.getTime()) return { state: "expired", ...lab };
  const prefill = row.link.recipientKind === "Referral" || row.link.recipientKind === "Other" ? row.link.recipientName : "";
  return {
    state: "open",
    ...lab,
    view: {
      accessionNo: row.accessionNo,
      patientName: row.link.hidePatientName ? null : row.patientName,
      recipientName: row.link.recipientKind === "Patient" && row.link.hidePatientName ? "" : row.link.recipientName,
      prefillName: prefill,
      callerName: row.callerName ?? "",
      calledAt: (row.calledAt ?? row.link.createdAt).toISOString(),
      expiresAt: row.link.expiresAt.toISOString(),
      reports: await reportsOf(db, row),
    },
  };
}

/** What the page shows for a token at `now`. */
export async function readAckLink(db: Db, token: string, now = new Date()): Promise<AckLinkState> {
  return stateOf(db, await findLink(db, token), now);
}

export interface AckRequestFacts {
  name: string;
  clientAddress: string | null;
  userAgent: string | null;
}

/**
 * Records the acknowledgement of a link, once: under the bill's row lock (the order of every writer),
 * a link already used answers "acknowledged" with the first one's time, an expired one "expired".
 */
export async function acknowledgeByLink(db: Db, token: string, facts: AckRequestFacts, now = new Date()): Promise<AckLinkState | { state: "recorded"; labName: string; labPhone: string; at: string; by: string }> {
  const row = await findLink(db, token);
  if (!row) return { state: "unknown" };
  return db.transaction(async (tx) => {
    const [bill] = await tx
      .select({ version: bills.calloutVersion })
      .from(bills)
      .where(and(eq(bills.id, row.link.billId), eq(bills.labId, row.link.labId)))
      .for("update");
    const state = await stateOf(tx, row, now);
    if (state.state !== "open" || !bill) return state;
    const actor = { ...systemActor(row.link.labId, row.labName), sessionId: "ack-link", username: "ack-link", displayName: facts.name };
    await writeAcknowledgement(tx, {
      actor,
      currentVersion: bill.version,
      billId: row.link.billId,
      labReportIds: [...row.link.labReportIds].sort((a, b) => a - b),
      by: facts.name,
      via: "link",
      recipient: { kind: row.link.recipientKind, name: row.link.recipientName, address: row.link.address },
      linkId: row.link.id,
      userId: null,
      doctorId: null,
      clientAddress: facts.clientAddress,
      userAgent: facts.userAgent?.slice(0, 500) ?? null,
      now,
    });
    return { state: "recorded", labName: state.labName, labPhone: state.labPhone, at: now.toISOString(), by: facts.name };
  });
}
