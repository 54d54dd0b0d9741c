// Who each recipient of a callout is on this bill (the same mapping the server writes with), and how
// they can be reached.
import type { CalloutBillDto, ContactDto } from "@/contracts/bill";
import type { Recipient } from "@/domain/callout/activity";
import { contactOf, patientContact } from "@/domain/callout/contacts";

export function contactFor(bill: CalloutBillDto, recipient: Recipient): ContactDto | null {
  return contactOf({ organization: bill.organization, referral: bill.referral, patient: patientContact(bill.patient) }, recipient);
}

/** One line per way of reaching them ("Fax +1-555…"), or a note that nothing is on file. */
export function contactLines(c: ContactDto): string[] {
  const lines = [c.phone && `Phone ${c.phone}`, c.email, c.fax && `Fax ${c.fax}`].filter((x): x is string => !!x);
  return lines.length ? lines : ["No phone, email or fax on file"];
}

