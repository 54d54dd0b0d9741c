// Who each recipient of a callout is on a bill, and how they can be reached. The callout write, the
// bill page and the callout form all map recipients to people through these functions.
import type { ContactDetails, Recipient } from "./activity";

/** The bill's people; null where the bill has none (no organization, no referral doctor). */
export interface BillContacts {
  organization: ContactDetails | null;
  referral: ContactDetails | null;
  patient: ContactDetails | null;
}

/** A left-joined contact row (every column null when the join found nobody) as a contact or null. */
export function toContact(row: { name: string | null; email: string | null; phone: string | null; fax: string | null } | null): ContactDetails | null {
  return row?.name == null ? null : { name: row.name, email: row.email, phone: row.phone, fax: row.fax };
}

/** Patients have no fax on file. */
export function patientContact(p: { name: string | null; email: string | null; phone: string | null } | null): ContactDetails | null {
  return toContact(p && { ...p, fax: null });
}

export function contactOf(bill: BillContacts, recipient: Recipient): ContactDetails | null {
  if (recipient === "Organization") return bill.organization;
  if (recipient === "Referral") return bill.referral;
  return bill.patient;
}

/** The contacts of the chosen recipients, and the recipients the bill has nobody for. */
export function recipientContacts(bill: BillContacts, recipients: readonly Recipient[]) {
  const contacts: Partial<Record<Recipient, ContactDetails>> = {};
  const missing: Recipient[] = [];
  for (const r of recipients) {
    const c = contactOf(bill, r);
    if (c) contacts[r] = c;
    else missing.push(r);
  }
  return { contacts, missing };
}
