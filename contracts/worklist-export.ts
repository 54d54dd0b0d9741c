// What the worklist export query hands to the workbook builder: plain data, no database types.
import type { WorklistQuery } from "@/contracts/worklist";
import type { CriticalParameter } from "@/domain/critical/evaluate";

export interface LatestCallout {
  createdOn: Date;
  /** performed_by_user_name, else performed_by_doctor_name. */
  by: string | null;
  recipients: string[];
  /** critical_callout_meta.communication_methods as stored (email, fax, sms, whatsapp). */
  methods: string[];
  comment: string;
  /** Its acknowledgement of receipt (DESIGN §10), if any. */
  acknowledgedAt: Date | null;
  acknowledgedBy: string | null;
}

export interface WorklistExportRow {
  reportId: number;
  billId: number;
  accessionNo: string;
  billCreatedAt: Date;
  /** The patient's name, or the accession number in HIPAA mode. */
  patient: string;
  referralName: string | null;
  orgName: string | null;
  testName: string;
  departmentName: string;
  criticalParameters: CriticalParameter[];
  /** lab_reports.critical_values: 1 pending, 2 done, 4 attempted. */
  status: 1 | 2 | 4;
  approvedAt: Date | null;
  latestCallout: LatestCallout | null;
}

export interface WorklistExport {
  labName: string;
  generatedBy: string;
  generatedAt: Date;
  /** show_patient_name = 1: the patient column holds the accession number. */
  hipaa: boolean;
  query: WorklistQuery;
  rows: WorklistExportRow[];
}
