// Acknowledgement links (DESIGN §10): a random 256-bit token per emailed recipient of a done callout,
// sent once in the message and kept only as its SHA-256 (a token is not guessable, so a slow hash buys
// nothing; the hash is what a lookup compares, so a leaked table reveals no working link).
import { createHash, randomBytes } from "node:crypto";
import type { Recipient } from "@/domain/callout/activity";
import type { Tx } from "../connect";
import { criticalAckLinks } from "../schema";

/** What an acknowledgement link token looks like: 43 base64url characters (32 random bytes). */
export const ACK_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export const hashAckToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** The links of one done callout's messages: each mint adds a row; `insert` writes them in its transaction. */
export function ackLinkMinter(owner: {
  labId: number;
  billId: number;
  activityLogId: number;
  labReportIds: number[];
  calloutIds: number[];
  hidePatientName: boolean;
  now: Date;
  hours: number;
  baseUrl: string;
}) {
  const rows: (typeof criticalAckLinks.$inferInsert)[] = [];
  const expiresAt = new Date(owner.now.getTime() + owner.hours * 3_600_000);
  return {
    mint(to: { kind: Recipient | "Other"; name: string; address: string }): string {
      const token = randomBytes(32).toString("base64url");
      rows.push({
        labId: owner.labId,
        billId: owner.billId,
        activityLogId: owner.activityLogId,
        labReportIds: owner.labReportIds,
        calloutIds: owner.calloutIds,
        tokenHash: hashAckToken(token),
        recipientKind: to.kind,
        recipientName: to.name,
        address: to.address,
        hidePatientName: owner.hidePatientName,
        expiresAt,
        createdAt: owner.now,
      });
      return `${owner.baseUrl.replace(/\/+$/, "")}/ack/${token}`;
    },
    async insert(tx: Tx): Promise<void> {
      if (rows.length) await tx.insert(criticalAckLinks).values(rows);
    },
  };
}
