// Writes a lab's plan: catalog, people and bills with their reports and values. Ids come back in
// insertion order and are stored on the plan, so later rows can point at them.
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Tx } from "../connect";
import * as t from "../schema";
import type { PLab } from "./plan-types";
import { storedValue } from "./rule";
import type { Timeline } from "./timeline";

const CHUNK = 500;

type TableWithId = PgTable & { id: PgColumn };

export async function insertIds<T extends TableWithId>(tx: Tx, table: T, rows: T["$inferInsert"][]): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += CHUNK) {
    const got = (await tx
      .insert(table)
      .values(rows.slice(i, i + CHUNK) as never)
      .returning({ id: table.id })) as { id: number }[];
    for (const g of got) {
      if (ids.length && g.id <= ids[ids.length - 1]) throw new Error("seed: ids came back out of order");
      ids.push(g.id);
    }
  }
  if (ids.length !== rows.length) throw new Error("seed: insert returned the wrong number of rows");
  return ids;
}

export async function insertAll<T extends PgTable>(tx: Tx, table: T, rows: T["$inferInsert"][]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await tx.insert(table).values(rows.slice(i, i + CHUNK) as never);
  }
}

/** Inserts rows built from items and stores each new id on its item. */
async function insertEach<T extends TableWithId, X extends { id: number }>(tx: Tx, table: T, items: X[], row: (x: X) => T["$inferInsert"]) {
  const ids = await insertIds(tx, table, items.map(row));
  items.forEach((x, i) => {
    x.id = ids[i];
  });
}

export async function insertCatalog(tx: Tx, lab: PLab): Promise<void> {
  [lab.id] = await insertIds(tx, t.labs, [{ name: lab.name }]);
  await insertEach(tx, t.departments, [...lab.depts.values()], (d) => ({ labId: lab.id, name: d.name }));
  await insertEach(tx, t.tests, lab.tests, (x) => ({ labId: lab.id, testName: x.def.name, departmentId: x.dept.id, isProfile: !!x.def.profile }));
  const params = lab.tests.flatMap((x) => x.params.map((p) => ({ test: x, p, id: 0 })));
  await insertEach(tx, t.testParameters, params, ({ test, p }) => ({
    testId: test.id,
    name: p.def.name,
    unit: p.def.unit,
    resultType: p.def.text ? "text" : "numeric",
    sortOrder: p.sortOrder,
  }));
  for (const x of params) x.p.id = x.id;
  // In catalog order: the order rule.ts gave the rule's tie-break.
  const ranges = params.flatMap(({ p }) => p.ranges.map(({ id: _, ...r }) => ({ ...r, parameterId: p.id })));
  await insertAll(tx, t.parameterRanges, ranges);
  await insertAll(tx, t.labSettings, [{ labId: lab.id, key: "critical_notification_settings", value: lab.settings }]);
}

export async function insertPeople(tx: Tx, lab: PLab, passwordHash: string): Promise<void> {
  const labId = lab.id;
  await insertEach(tx, t.organizations, lab.orgs, (o) => ({ labId, name: o.name, phone: o.phone, email: o.email, fax: o.fax }));
  await insertEach(tx, t.doctors, lab.doctors, (d) => ({ labId, name: d.name, docType: d.docType, phone: d.phone, email: d.email, fax: d.fax }));
  await insertAll(tx, t.doctorDepartments, lab.doctors.flatMap((d) => d.depts.map((x) => ({ doctorId: d.id, departmentId: x.id }))));
  await insertEach(tx, t.patients, lab.patients, (p) => ({ labId, fullName: p.fullName, sex: p.sex, dateOfBirth: p.dob, phone: p.phone, email: p.email }));
  await insertEach(tx, t.users, lab.users, (u) => ({
    labId,
    username: u.username,
    passwordHash,
    displayName: u.displayName,
    kind: u.kind,
    doctorId: u.doctor?.id ?? null,
    departmentDataType: u.departmentDataType,
    departmentIds: u.departmentIds.map((d) => d.id),
  }));
  await insertAll(tx, t.labUserDepartments, lab.users.flatMap((u) => u.relDepts.map((d) => ({ userId: u.id, departmentId: d.id }))));
}

export async function insertBills(tx: Tx, lab: PLab, tl: Timeline): Promise<number> {
  const labId = lab.id;
  const when = (ms: number | null) => (ms === null ? null : tl.shown(ms));
  await insertEach(tx, t.bills, lab.bills, (b) => ({
    labId,
    patientId: b.patient.id,
    docId: b.doc?.id ?? null,
    orgId: b.org?.id ?? null,
    accessionNo: b.accession,
    createdAt: tl.shown(b.createdAt),
  }));
  const reports = lab.bills.flatMap((b) => b.reports);
  await insertEach(tx, t.labReports, reports, (r) => ({
    labId,
    billId: r.bill.id,
    testId: r.test.id,
    orgId: r.bill.org?.id ?? null,
    docForId: r.bill.doc?.id ?? null,
    patientId: r.bill.patient.id,
    isSigned: r.signed,
    isSynced: r.signed,
    comments: r.comments,
    isProfile: !!r.test.def.profile,
    isApproved: r.approvedAt !== null,
    criticalValues: r.status,
    autoApprovalStatus: r.autoApproval,
    dismissed: r.dismissed,
    sampleCollected: r.collected,
    sampleCollectedAt: when(r.collectedAt),
    approvedAt: when(r.approvedAt),
  }));
  const values = reports.flatMap((r) => r.test.params.map((p, j) => ({ labReportId: r.id, parameterId: p.id, ...storedValue(p.def, r.values[j]) })));
  await insertAll(tx, t.reportValues, values);
  return reports.length;
}
