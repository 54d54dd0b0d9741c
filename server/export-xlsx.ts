// Builds the worklist export workbook (exceljs): one sheet of critical reports with their callout
// status and latest callout, and one sheet saying what was exported, when and by whom (an auditor
// reading the file later has no URL to look at).
import ExcelJS from "exceljs";
import { methodLabels, type CommunicationMethod, COMMUNICATION_METHODS } from "@/domain/callout/activity";
import type { WorklistExport } from "@/contracts/worklist-export";
import { statusLabel } from "@/domain/critical/status";
import { formatCriticalParameter, slugify, utcTime } from "@/domain/format";

export const XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** A workbook as a download named `name` (ASCII fallback and the UTF-8 name, RFC 6266). */
export function xlsxResponse(name: string, body: Buffer): Response {
  return new Response(new Uint8Array(body), {
    headers: {
      "content-type": XLSX_CONTENT_TYPE,
      "content-disposition": `attachment; filename="${name}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    },
  });
}

const DATE_FORMAT = "yyyy-mm-dd hh:mm";

/** `critical-callouts_<lab>_<from>_<to>.xlsx`, or `…_all-dates.xlsx` without a date range. */
export function exportFileName(data: Pick<WorklistExport, "labName" | "query">): string {
  const { from, to } = data.query;
  const range = from && to ? `${from}_${to}` : from ? `from-${from}` : to ? `until-${to}` : "all-dates";
  return `critical-callouts_${slugify(data.labName)}_${range}.xlsx`;
}

function methods(list: string[]): string {
  const known = list.filter((m): m is CommunicationMethod => (COMMUNICATION_METHODS as readonly string[]).includes(m));
  const unknown = list.filter((m) => !known.includes(m as CommunicationMethod));
  return [methodLabels(known), ...unknown].filter(Boolean).join(", ");
}

export async function buildWorklistWorkbook(data: WorklistExport): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Critical Callout";
  wb.created = data.generatedAt;

  const sheet = wb.addWorksheet("Critical reports", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = [
    { header: "Bill", key: "bill", width: 8 },
    { header: "Accession", key: "accession", width: 18 },
    // In HIPAA mode the column still exists (so imports keep their layout) but holds the accession.
    { header: data.hipaa ? "Patient (accession, HIPAA mode)" : "Patient", key: "patient", width: 24 },
    { header: "Bill date (UTC)", key: "billDate", width: 17, style: { numFmt: DATE_FORMAT } },
    { header: "Referral doctor", key: "referral", width: 22 },
    { header: "Organization", key: "org", width: 24 },
    { header: "Test", key: "test", width: 26 },
    { header: "Department", key: "department", width: 18 },
    { header: "Critical parameters", key: "parameters", width: 48 },
    { header: "Approved (UTC)", key: "approved", width: 17, style: { numFmt: DATE_FORMAT } },
    { header: "Callout Status", key: "status", width: 14 },
    { header: "Latest callout (UTC)", key: "calloutAt", width: 19, style: { numFmt: DATE_FORMAT } },
    { header: "Called out by", key: "calloutBy", width: 22 },
    { header: "Recipients", key: "recipients", width: 24 },
    { header: "Methods", key: "methods", width: 18 },
    { header: "Comment", key: "comment", width: 40 },
    { header: "Acknowledged (UTC)", key: "ackAt", width: 19, style: { numFmt: DATE_FORMAT } },
    { header: "Acknowledged by", key: "ackBy", width: 22 },
  ];
  for (const r of data.rows) {
    const c = r.latestCallout;
    sheet.addRow({
      bill: r.billId,
      accession: r.accessionNo,
      patient: r.patient,
      billDate: r.billCreatedAt,
      referral: r.referralName ?? "",
      org: r.orgName ?? "",
      test: r.testName,
      department: r.departmentName,
      parameters: r.criticalParameters.map(formatCriticalParameter).join("; "),
      approved: r.approvedAt ?? "",
      status: statusLabel(r.status),
      calloutAt: c?.createdOn ?? "",
      calloutBy: c?.by ?? "",
      recipients: c?.recipients.join(", ") ?? "",
      methods: c ? methods(c.methods) : "",
      comment: c?.comment ?? "",
      ackAt: c?.acknowledgedAt ?? "",
      ackBy: c?.acknowledgedBy ?? "",
    });
  }
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columns.length } };

  const q = data.query;
  const about = wb.addWorksheet("About this export");
  about.columns = [
    { header: "Field", key: "k", width: 22 },
    { header: "Value", key: "v", width: 60 },
  ];
  about.addRows([
    { k: "Laboratory", v: data.labName },
    { k: "Exported by", v: data.generatedBy },
    { k: "Exported at (UTC)", v: utcTime(data.generatedAt) },
    { k: "Tab", v: q.tab === "done" ? "Done" : "Pending" },
    { k: "Status filter", v: q.tab === "pending" && q.status ? q.status : "all" },
    { k: "Department id", v: q.department ?? "all" },
    { k: "Bill date from", v: q.from ?? "" },
    { k: "Bill date to", v: q.to ?? "" },
    { k: "Search", v: q.q ?? "" },
    { k: "Critical reports", v: data.rows.length },
    { k: "Patient column", v: data.hipaa ? "Accession number (HIPAA mode: show_patient_name = 1)" : "Patient name" },
  ]);
  about.getRow(1).font = { bold: true };

  return Buffer.from(await wb.xlsx.writeBuffer());
}
