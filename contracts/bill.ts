// The bill page's data (server component → client props). Plain types, no zod: it never crosses
// the network as JSON that the client must distrust, only as React props rendered by the server.
import type { ContactDetails } from "@/domain/callout/activity";
import type { CriticalValue } from "@/domain/critical/status";

/** A person on the bill and how to reach them. */
export type ContactDto = ContactDetails;

export interface BillReportDto {
  labReportId: number;
  testId: number;
  testName: string;
  departmentId: number;
  departmentName: string;
  /** lab_reports.critical_values (CriticalValues). */
  criticalValues: CriticalValue;
  sampleCollected: boolean;
  dismissed: boolean;
  /** lab_reports.is_signed: the report has been signed (POST /api/reports/{id}/sign or "Sign all"). */
  isSigned: boolean;
  /**
   * Endpoint 1 lists it (so the callout dialog can act on it): in scope, not dismissed, collected,
   * status 1/2/4, and at least one parameter critical now.
   */
  inCallout: boolean;
}

export interface BillDetailDto {
  billId: number;
  accessionNo: string;
  createdAt: string;
  patient: { id: number; name: string; sex: "M" | "F" | "U"; dateOfBirth: string | null; email: string | null; phone: string | null };
  referral: ContactDto | null;
  organization: ContactDto | null;
  /** Every report of the bill the session may see, whatever its status. */
  reports: BillReportDto[];
}

/**
 * What the callout dialog needs to know about a bill: who the recipients are and which reports'
 * history to show. A subset of BillDetailDto, so other pages (the worklist) can open the dialog
 * with what they already hold.
 */
export type CalloutBillDto = Pick<BillDetailDto, "billId" | "accessionNo" | "referral" | "organization"> & {
  patient: Pick<BillDetailDto["patient"], "name" | "email" | "phone">;
  reports: Pick<BillReportDto, "labReportId">[];
};
