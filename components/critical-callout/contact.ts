// Who each recipient of a callout is on this bill, and how they can be reached.
import type { Recipient } from "@/domain/callout/activity";
import type { CalloutBillDto, ContactDto } from "@/contracts/bill";

export function contactFor(bill: CalloutBillDto, recipient: Recipient): ContactDto | null {
  if (recipient === "Organization") return bill.organization;
  if (recipient === "Referral") return bill.referral;
  return { name: bill.patient.name, email: bill.patient.email, phone: bill.patient.phone, fax: null };
}

/** One line per way of reaching them ("Fax +1-555…"), or a note that nothing is on file. */
export function contactLines(c: ContactDto): string[] {
  const lines = [c.phone && `Phone ${c.phone}`, c.email, c.fax && `Fax ${c.fax}`].filter((x): x is string => !!x);
  return lines.length ? lines : ["No phone, email or fax on file"];
}

