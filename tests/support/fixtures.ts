// A small, fully known world built inside a fresh lab of the test database, beside the demo seed:
// every scoping row, every excluded kind of report, a draft and some history.
import { hashPassword } from "../../domain/auth/password";
import type { Db } from "../../db/connect";
import * as t from "../../db/schema";

export const PASSWORD = "correct horse";
let hashed: Promise<string> | undefined;

const REF_DATE = new Date("2026-11-20T08:00:00Z");

export async function buildScenario(db: Db) {
  hashed ??= hashPassword(PASSWORD);
  const passwordHash = await hashed;
  const tag = Math.random().toString(36).slice(2, 8);
  const one = async <T>(p: Promise<T[]>) => (await p)[0];

  const labA = await one(db.insert(t.labs).values({ name: `Lab A ${tag}` }).returning());
  const labB = await one(db.insert(t.labs).values({ name: `Lab B ${tag}` }).returning());
  const [hema, chem, micro] = await db
    .insert(t.departments)
    .values([
      { labId: labA.id, name: "Hematology" },
      { labId: labA.id, name: "Clinical Chemistry" },
      { labId: labA.id, name: "Microbiology" },
    ])
    .returning();
  const deptB = await one(db.insert(t.departments).values({ labId: labB.id, name: "Chemistry B" }).returning());

  const [cbc, potassium, culture, potassiumB] = await db
    .insert(t.tests)
    .values([
      { labId: labA.id, testName: "Complete Blood Count", departmentId: hema.id },
      { labId: labA.id, testName: "Potassium", departmentId: chem.id },
      { labId: labA.id, testName: "Blood Culture", departmentId: micro.id },
      { labId: labB.id, testName: "Potassium", departmentId: deptB.id },
    ])
    .returning();
  const [hgb, plt, k, growth, kB] = await db
    .insert(t.testParameters)
    .values([
      { testId: cbc.id, name: "Hemoglobin", unit: "g/dL", sortOrder: 1 },
      { testId: cbc.id, name: "Platelets", unit: "10^3/uL", sortOrder: 2 },
      { testId: potassium.id, name: "Potassium", unit: "mmol/L", sortOrder: 1 },
      { testId: culture.id, name: "Growth", unit: "", resultType: "text", sortOrder: 1 },
      { testId: potassiumB.id, name: "Potassium", unit: "mmol/L", sortOrder: 1 },
    ])
    .returning();
  await db.insert(t.parameterRanges).values([
    { parameterId: hgb.id, refLow: "13.00", refHigh: "17.00", criticalLow: "7.00", criticalHigh: "20.00" },
    { parameterId: plt.id, refLow: "150", refHigh: "400", criticalLow: "20", criticalHigh: "1000" },
    { parameterId: k.id, refLow: "3.5", refHigh: "5.1", criticalLow: "2.5", criticalHigh: "6.5" },
    { parameterId: growth.id, criticalTexts: ["positive", "growth detected"] },
    { parameterId: kB.id, refLow: "3.5", refHigh: "5.1", criticalLow: "2.5", criticalHigh: "6.5" },
  ]);

  const org = await one(db.insert(t.organizations).values({ labId: labA.id, name: "St. Mary Clinic", email: "desk@stmary.test", phone: "555-0101", fax: "555-0102" }).returning());
  const [ref1, ref2, deptDoc] = await db
    .insert(t.doctors)
    .values([
      { labId: labA.id, name: "Dr. Rhea Kapoor", docType: 2, email: "rhea@clinic.test", phone: "555-0201" },
      { labId: labA.id, name: "Dr. Omar Haddad", docType: 2, email: "omar@clinic.test" },
      { labId: labA.id, name: "Dr. Lena Brandt", docType: 0 },
    ])
    .returning();
  await db.insert(t.doctorDepartments).values({ doctorId: deptDoc.id, departmentId: hema.id });
  const refB = await one(db.insert(t.doctors).values({ labId: labB.id, name: "Dr. B", docType: 2 }).returning());

  const patient = await one(db.insert(t.patients).values({ labId: labA.id, fullName: "Maria Lopez", sex: "F", dateOfBirth: "1970-05-01", email: "maria@example.test" }).returning());
  const patientB = await one(db.insert(t.patients).values({ labId: labB.id, fullName: "Bob B", sex: "M" }).returning());

  const [bill1, bill2] = await db
    .insert(t.bills)
    .values([
      { labId: labA.id, patientId: patient.id, docId: ref1.id, orgId: org.id, accessionNo: `A-${tag}-1`, createdAt: REF_DATE },
      { labId: labA.id, patientId: patient.id, docId: ref2.id, orgId: org.id, accessionNo: `A-${tag}-2`, createdAt: REF_DATE },
    ])
    .returning();
  const billB = await one(db.insert(t.bills).values({ labId: labB.id, patientId: patientB.id, docId: refB.id, accessionNo: `B-${tag}-1` }).returning());

  const base = { labId: labA.id, billId: bill1.id, patientId: patient.id, orgId: org.id, docForId: ref1.id, sampleCollected: true, sampleCollectedAt: REF_DATE, isApproved: true, approvedAt: REF_DATE };
  const reports = await db
    .insert(t.labReports)
    .values([
      { ...base, testId: cbc.id, criticalValues: 1 }, // 0 cbcPending: Hgb 6.1 LL
      { ...base, testId: potassium.id, criticalValues: 4 }, // 1 kAttempted: K 7.2 HH
      { ...base, testId: culture.id, criticalValues: 2 }, // 2 cultureDone: AA
      { ...base, testId: cbc.id, criticalValues: 1, dismissed: true }, // 3 dismissed
      { ...base, testId: cbc.id, criticalValues: 1, sampleCollected: false, sampleCollectedAt: null }, // 4 uncollected
      { ...base, testId: cbc.id, criticalValues: 0 }, // 5 normal status
      { ...base, testId: cbc.id, criticalValues: 3 }, // 6 abnormal status
      { ...base, testId: potassium.id, criticalValues: 1 }, // 7 status 1 but values not critical
      { ...base, billId: bill2.id, docForId: ref2.id, testId: potassium.id, criticalValues: 1 }, // 8 other doctor's bill
    ])
    .returning();
  const [rB] = await db
    .insert(t.labReports)
    .values({ labId: labB.id, billId: billB.id, testId: potassiumB.id, patientId: patientB.id, sampleCollected: true, sampleCollectedAt: REF_DATE, criticalValues: 1 })
    .returning();

  const cbcValues = (reportId: number, h: string, p: string) => [
    { labReportId: reportId, parameterId: hgb.id, valueNumeric: h },
    { labReportId: reportId, parameterId: plt.id, valueNumeric: p },
  ];
  await db.insert(t.reportValues).values([
    ...cbcValues(reports[0].id, "6.1", "250"),
    { labReportId: reports[1].id, parameterId: k.id, valueNumeric: "7.2" },
    { labReportId: reports[2].id, parameterId: growth.id, valueText: "  Growth Detected " },
    ...cbcValues(reports[3].id, "5.0", "10"),
    ...cbcValues(reports[4].id, "5.0", "10"),
    ...cbcValues(reports[5].id, "5.0", "10"),
    ...cbcValues(reports[6].id, "5.0", "10"),
    { labReportId: reports[7].id, parameterId: k.id, valueNumeric: "3.0" }, // abnormal, not critical
    { labReportId: reports[8].id, parameterId: k.id, valueNumeric: "1.9" },
    { labReportId: rB.id, parameterId: kB.id, valueNumeric: "7.5" },
  ]);

  const users = await db
    .insert(t.users)
    .values([
      { labId: labA.id, username: `tech0-${tag}`, passwordHash, displayName: "Tech Zero", kind: "lab_user", departmentDataType: 0, departmentIds: [hema.id] },
      { labId: labA.id, username: `tech1-${tag}`, passwordHash, displayName: "Tech One", kind: "lab_user", departmentDataType: 1, departmentIds: [hema.id] },
      { labId: labA.id, username: `drdept-${tag}`, passwordHash, displayName: "Dr. Lena Brandt", kind: "doctor", doctorId: deptDoc.id },
      { labId: labA.id, username: `drref-${tag}`, passwordHash, displayName: "Dr. Rhea Kapoor", kind: "doctor", doctorId: ref1.id },
      { labId: labA.id, username: `support-${tag}`, passwordHash, displayName: "Support A", kind: "support" },
      { labId: labB.id, username: `supportb-${tag}`, passwordHash, displayName: "Support B", kind: "support" },
      { labId: labA.id, username: `nodept-${tag}`, passwordHash, displayName: "No Dept", kind: "lab_user", departmentDataType: 0, departmentIds: [] },
    ])
    .returning();
  // tech1 is scoped by lab_user_departments (chem), not by its department_ids (hema).
  await db.insert(t.labUserDepartments).values({ userId: users[1].id, departmentId: chem.id });

  await db.insert(t.criticalCallouts).values([
    {
      labId: labA.id, billId: bill1.id, labReportId: null, isDraft: true, recipients: ["Referral"],
      criticalCalloutComment: "No answer at the clinic", criticalValuesMeta: {},
      criticalCalloutMeta: { communication_methods: ["email"], callout_for: [potassium.id] },
      performedByUserId: users[0].id, orgId: org.id, patientId: patient.id, referralId: ref1.id,
    },
    {
      labId: labA.id, billId: bill1.id, labReportId: reports[2].id, isDraft: false, recipients: ["Organization"],
      criticalCalloutComment: "Informed ward nurse", criticalValuesMeta: { critical_parameters: [] },
      criticalCalloutMeta: { communication_methods: ["fax"] }, performedByUserId: users[4].id,
      orgId: org.id, patientId: patient.id, referralId: ref1.id, createdOn: new Date("2026-11-20T09:00:00Z"),
    },
  ]);
  const log = (reportIds: number[], text: string, date: string, category = 648, labId = labA.id, billId = bill1.id) => ({
    labId, billId, labReportId: reportIds[0], labReportIds: reportIds, logCategoryId: category, userId: users[0].id,
    labUserName: "Tech Zero", activityText: text, activityDate: new Date(date), dumpedJson: { is_draft: text.includes("Attempted") },
  });
  await db.insert(t.activityLogs).values([
    log([reports[2].id], "Callout done by - Support A", "2026-11-20T09:00:00Z"),
    log([reports[1].id, reports[0].id], "Callout Attempted by - Tech Zero", "2026-11-20T08:30:00Z"),
    log([reports[0].id], "Report approved", "2026-11-20T08:10:00Z", 100),
    log([rB.id], "Callout done by - B", "2026-11-20T08:20:00Z", 648, labB.id, billB.id),
  ]);

  return {
    tag, labA, labB, depts: { hema, chem, micro }, tests: { cbc, potassium, culture }, params: { hgb, plt, k, growth },
    org, doctors: { ref1, ref2, deptDoc }, patient, bill1, bill2, billB,
    r: {
      cbcPending: reports[0], kAttempted: reports[1], cultureDone: reports[2], dismissed: reports[3], uncollected: reports[4],
      normal: reports[5], abnormal: reports[6], notCritical: reports[7], otherDoctor: reports[8], otherLab: rB,
    },
    users: { tech0: users[0], tech1: users[1], drdept: users[2], drref: users[3], support: users[4], supportB: users[5], nodept: users[6] },
  };
}
export type Scenario = Awaited<ReturnType<typeof buildScenario>>;
