// The bill page (/bills/{billId}): the bill's people and every report of it the session may see,
// whatever its status. Same visibility as endpoint 1: an unseen bill is a 404, an out-of-scope
// report is simply absent. Each report also says whether endpoint 1 lists it, found by endpoint 1's
// own query, so the page's counts and badges never judge "critical" by a rule of their own.
import { and, asc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { SessionContext } from "@/domain/auth/session-context";
import type { BillDetailDto } from "@/contracts/bill";
import { toContact } from "@/domain/callout/contacts";
import type { CriticalValue } from "@/domain/critical/status";
import type { Queryable } from "../connect";
import { reportScope } from "../scope";
import { bills, departments, doctors, labReports, organizations, patients, tests } from "../schema";
import { loadBillCriticalReports } from "./critical-records";
import { requireVisibleBill } from "./visible-bill";
import { contactColumns } from "./contact-columns";

const referral = alias(doctors, "referral");

export async function getBillDetail(db: Queryable, session: SessionContext, billId: number): Promise<BillDetailDto> {
  const bill = await requireVisibleBill(db, session, billId);
  const [[head], reports, listed] = await Promise.all([
    db
      .select({
        createdAt: bills.createdAt,
        patient: {
          id: patients.id,
          name: patients.fullName,
          sex: patients.sex,
          dateOfBirth: patients.dateOfBirth,
          email: patients.email,
          phone: patients.phone,
        },
        referral: contactColumns(referral),
        organization: contactColumns(organizations),
      })
      .from(bills)
      .innerJoin(patients, eq(patients.id, bills.patientId))
      .leftJoin(referral, eq(referral.id, bills.docId))
      .leftJoin(organizations, eq(organizations.id, bills.orgId))
      .where(eq(bills.id, bill.id)),
    db
      .select({
        labReportId: labReports.id,
        testId: labReports.testId,
        testName: tests.testName,
        departmentId: tests.departmentId,
        departmentName: departments.name,
        criticalValues: labReports.criticalValues,
        sampleCollected: labReports.sampleCollected,
        dismissed: labReports.dismissed,
        isSigned: labReports.isSigned,
      })
      .from(labReports)
      .innerJoin(tests, eq(tests.id, labReports.testId))
      .innerJoin(departments, eq(departments.id, tests.departmentId))
      .where(and(eq(labReports.billId, bill.id), reportScope(session)))
      .orderBy(asc(labReports.id)),
    loadBillCriticalReports(db, session, bill.id),
  ]);
  const inCallout = new Set(listed.map((r) => r.row.report.id));
  const sex = head.patient.sex === "M" || head.patient.sex === "F" ? head.patient.sex : "U";
  return {
    billId: bill.id,
    accessionNo: bill.accessionNo,
    createdAt: head.createdAt.toISOString(),
    patient: { ...head.patient, sex },
    referral: toContact(head.referral),
    organization: toContact(head.organization),
    reports: reports.map((r) => ({ ...r, criticalValues: r.criticalValues as CriticalValue, inCallout: inCallout.has(r.labReportId) })),
  };
}
