// Lab and department scope (DESIGN §3), written once. Every query that reads or writes reports, their
// logs or their callouts adds `reportScope(session)`; bill lookups add `billScope(session)`; the
// department list adds `departmentScope(session)`. Which departments a session covers is decided
// here too, in SQL, when the session is loaded (`sessionDepartmentScope`).
import { and, eq, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { SessionContext } from "@/domain/auth/session-context";
import { intArray } from "./int-array";
import { bills, departments, doctorDepartments, doctors, labReports, labUserDepartments, sessions, tests, users } from "./schema";

const NOTHING = sql`false`;

/**
 * Columns for the session lookup (a select over sessions, users and their doctor row): the
 * departments the session is limited to, and the tests of those departments. `carried` names the
 * department list a department_data_type 0 user brings (the session's copy, or for an API token
 * the user's current list) and the lab of the lookup. Null: no department
 * limit (support users; doctors other than department doctors, who are scoped by bill).
 *
 * Reading the test ids with the session lets `reportScope` filter by constant ids, which the planner
 * estimates from the column statistics, instead of by a subquery on the catalog whose selectivity it
 * cannot see (bench/NOTES.md).
 */
export function sessionDepartmentScope(
  carried: { departmentIds: AnyPgColumn; labId: AnyPgColumn } = { departmentIds: sessions.departmentIds, labId: sessions.labId },
) {
  const departmentIds = sql<number[] | null>`case
    when ${users.kind} = 'support' then null
    when ${users.kind} = 'doctor' and ${users.doctorId} is null then '{}'::int[]
    when ${users.kind} = 'doctor' and ${doctors.docType} = 0 then array(
      select ${doctorDepartments.departmentId} from ${doctorDepartments} where ${doctorDepartments.doctorId} = ${users.doctorId})
    when ${users.kind} = 'doctor' then null
    when ${users.departmentDataType} = 1 then array(
      select ${labUserDepartments.departmentId} from ${labUserDepartments} where ${labUserDepartments.userId} = ${users.id})
    else coalesce(${carried.departmentIds}, '{}'::int[])
  end`;
  // unnest() in FROM evaluates the department list once, not once per row of tests.
  const testIds = sql<number[] | null>`case when (${departmentIds}) is null then null else array(
    select ${tests.id} from unnest(${departmentIds}) as scope_department(id)
    join ${tests} on ${tests.departmentId} = scope_department.id and ${tests.labId} = ${carried.labId} order by 1) end`;
  return { scopeDepartmentIds: departmentIds, scopeTestIds: testIds };
}

/** Rows of `bills` the session may see: its lab, and for a referral doctor only bills assigned to them. */
export function billScope(s: SessionContext): SQL {
  const lab = eq(bills.labId, s.labId);
  if (s.kind === "doctor" && s.docType !== 0) {
    return s.doctorId == null ? NOTHING : and(lab, eq(bills.docId, s.doctorId))!;
  }
  return lab;
}

/** The columns of a report that decide its scope: lab_reports' own, or a table keyed by report. */
export interface ReportScopeColumns {
  labId: AnyPgColumn;
  billId: AnyPgColumn;
  testId: AnyPgColumn;
}

/** Rows of `lab_reports` the session may see: its lab and its departments (or its bills). `on` names
 * the same three columns of another table that carries them per report (the compliance summary). */
export function reportScope(s: SessionContext, on: ReportScopeColumns = labReports): SQL {
  const lab = eq(on.labId, s.labId);
  if (s.kind === "doctor" && s.docType !== 0) {
    if (s.doctorId == null) return NOTHING;
    return and(lab, sql`exists (select 1 from ${bills} where ${bills.id} = ${on.billId} and ${bills.docId} = ${s.doctorId})`)!;
  }
  if (!s.departmentScope) return lab;
  return and(lab, sql`${on.testId} = any(${intArray(s.departmentScope.testIds)})`)!;
}

/** Rows of `departments` the session may see (the worklist's department filter offers these). A
 * referral doctor is scoped by bill, so every department of the lab may hold one of their reports. */
export function departmentScope(s: SessionContext): SQL {
  const lab = eq(departments.labId, s.labId);
  if (!s.departmentScope) return lab;
  return and(lab, sql`${departments.id} = any(${intArray(s.departmentScope.departmentIds)})`)!;
}

/**
 * The departments whose bills a session counts in the worklist's summary (worklist_tab_counts, migration
 * 0009): null for every department of the lab; undefined when the session is scoped by bill (a
 * referral doctor), which the per-department summary cannot answer.
 */
export function summaryDepartmentScope(s: SessionContext): number[] | null | undefined {
  if (s.kind === "doctor" && s.docType !== 0) return undefined;
  return s.departmentScope ? s.departmentScope.departmentIds : null;
}
