// The compliance page as an Excel workbook (exceljs, in the worklist export's style: bold frozen
// header row, autofilter, UTC date format, an "About this export" sheet): the measures overall and
// per group, the monthly trend, the histogram and every report out of target.
import ExcelJS from "exceljs";
import { ANCHORS, type ComplianceMeasures } from "@/contracts/compliance";
import type { ComplianceReport } from "@/db/queries/compliance-report";
import { slugify, utcTime } from "@/domain/format";
import { COMPLIANCE_MEASURE_COLUMNS } from "@/domain/compliance/columns";

const DATE_FORMAT = "yyyy-mm-dd hh:mm";

/** `compliance_<lab>_<from>_<to>.xlsx` (to exclusive, as in the address). */
export function complianceFileName(r: Pick<ComplianceReport, "labName" | "query">): string {
  return `compliance_${slugify(r.labName)}_${r.query.from}_${r.query.to}.xlsx`;
}

function header(sheet: ExcelJS.Worksheet) {
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columns.length } };
}

function measuresSheet(wb: ExcelJS.Workbook, title: string, firstHeader: string, rows: ({ label: string } & ComplianceMeasures)[]) {
  const sheet = wb.addWorksheet(title, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = [
    { header: firstHeader, key: "label", width: 28 },
    ...COMPLIANCE_MEASURE_COLUMNS.map((m) => ({ header: m.header, key: m.key, width: Math.max(12, m.header.length + 2) })),
  ];
  for (const r of rows) sheet.addRow({ label: r.label, ...Object.fromEntries(COMPLIANCE_MEASURE_COLUMNS.map((m) => [m.key, r[m.key] ?? ""])) });
  header(sheet);
}

export async function buildComplianceWorkbook(r: ComplianceReport): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Critical Callout";
  wb.created = r.generatedAt;
  const groupName = r.query.group_by ?? "department";

  measuresSheet(wb, "Measures", groupName[0].toUpperCase() + groupName.slice(1), [{ label: "All critical reports", ...r.summary.measures }, ...r.summary.groups]);
  measuresSheet(wb, "Monthly trend", "Month", r.trend);

  const hist = wb.addWorksheet("Minutes to notification", { views: [{ state: "frozen", ySplit: 1 }] });
  hist.columns = [
    { header: "From (min)", key: "from", width: 12 },
    { header: "To (min, exclusive)", key: "to", width: 18 },
    { header: "Reports notified", key: "count", width: 16 },
  ];
  for (const b of r.histogram.bins) hist.addRow({ from: b.from, to: b.to ?? "and over", count: b.count });
  header(hist);

  const late = wb.addWorksheet("Out of target", { views: [{ state: "frozen", ySplit: 1 }] });
  late.columns = [
    { header: "Bill", key: "bill", width: 8 },
    { header: "Accession", key: "accession", width: 18 },
    { header: "Test", key: "test", width: 26 },
    { header: "Department", key: "department", width: 18 },
    { header: "Clock started (UTC)", key: "started", width: 19, style: { numFmt: DATE_FORMAT } },
    { header: "Notified (UTC)", key: "notified", width: 17, style: { numFmt: DATE_FORMAT } },
    { header: "Minutes", key: "minutes", width: 10 },
    { header: "State", key: "state", width: 22 },
    { header: "Attempts", key: "attempts", width: 10 },
  ];
  for (const x of r.outOfTarget.reports) {
    late.addRow({
      bill: x.billId,
      accession: x.accessionNo,
      test: x.testName,
      department: x.departmentName,
      started: new Date(x.startedAt),
      notified: x.notifiedAt ? new Date(x.notifiedAt) : "",
      minutes: x.minutes,
      state: x.notifiedAt ? "Notified late" : "Open, past target",
      attempts: x.attempts,
    });
  }
  header(late);

  const about = wb.addWorksheet("About this export");
  about.columns = [
    { header: "Field", key: "k", width: 26 },
    { header: "Value", key: "v", width: 70 },
  ];
  about.addRows([
    { k: "Laboratory", v: r.labName },
    { k: "Exported by", v: r.generatedBy },
    { k: "Exported at (UTC)", v: utcTime(r.generatedAt) },
    { k: "Clock started from", v: `${r.query.from} (${r.settings.time_zone})` },
    { k: "Clock started before", v: `${r.query.to} (${r.settings.time_zone})` },
    { k: "Department id", v: r.query.department_id ?? "all" },
    { k: "Grouped by", v: groupName },
    { k: "Target (minutes)", v: r.settings.notify_target_minutes },
    { k: "Unable to reach after attempts", v: r.settings.max_attempts },
    { k: "Out-of-target reports", v: `${r.outOfTarget.total}${r.outOfTarget.total > r.outOfTarget.reports.length ? ` (the ${r.outOfTarget.reports.length} slowest listed)` : ""}` },
    { k: "Anchor", v: ANCHORS.medianMinutes.source },
    { k: "Anchor", v: ANCHORS.readBackPct.source },
    { k: "Anchor", v: ANCHORS.abandonedPct.source },
  ]);
  about.getRow(1).font = { bold: true };

  return Buffer.from(await wb.xlsx.writeBuffer());
}
