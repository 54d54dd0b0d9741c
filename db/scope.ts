// Lab and department scope (DESIGN §3), written once. Every query that reads or writes reports, their
// logs or their callouts adds `reportScope(session)`; bill lookups add `billScope(session)`.
import { and, eq, type SQL, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import type { SessionContext } from "@/domain/auth/session-context";
import { bills, departments, doctorDepartments, labReports, labUserDepartments, tests } from "./schema";

const NOTHING = sql`false`;

/** The test ids a department-scoped session may see, read with the session (db/queries/sessions.ts). */
const scopeTests = new WeakMap<SessionContext, number[]>();

export function rememberScopeTests(s: SessionContext, testIds: number[]) {
  scopeTests.set(s, testIds.map(Number));
}

const intArray = (ids: number[]) => sql.raw(`'{${ids.map((n) => Math.trunc(Number(n))).join(",")}}'::int[]`);

/** The departments filter of the session, as a condition on a department id column. */
function departmentFilter(s: SessionContext, departmentId: SQL | PgColumn): SQL | undefined {
  if (s.kind === "support") return undefined;
  if (s.kind === "doctor") {
    if (s.doctorId == null) return NOTHING;
    if (s.docType === 0) {
      return sql`${departmentId} in (select ${doctorDepartments.departmentId} from ${doctorDepartments} where ${doctorDepartments.doctorId} = ${s.doctorId})`;
    }
    return undefined; // referral doctors are scoped by bill, not department
  }
  if (s.departmentDataType === 1) {
    return sql`${departmentId} in (select ${labUserDepartments.departmentId} from ${labUserDepartments} where ${labUserDepartments.userId} = ${s.userId})`;
  }
  // department_data_type 0 (and unset): the list copied into the session at login.
  if (s.departmentIds.length === 0) return NOTHING;
  return sql`${departmentId} = any(${sql.raw(`'{${s.departmentIds.map(Number).join(",")}}'::int[]`)})`;
}

/** Rows of `bills` the session may see: its lab, and for a referral doctor only bills assigned to them. */
export function billScope(s: SessionContext): SQL {
  const lab = eq(bills.labId, s.labId);
  if (s.kind === "doctor" && s.docType !== 0) {
    return s.doctorId == null ? NOTHING : and(lab, eq(bills.docId, s.doctorId))!;
  }
  return lab;
}

/** Rows of `lab_reports` the session may see: its lab and its departments (or its bills). */
export function reportScope(s: SessionContext): SQL {
  const lab = eq(labReports.labId, s.labId);
  if (s.kind === "doctor" && s.docType !== 0) {
    if (s.doctorId == null) return NOTHING;
    return and(
      lab,
      sql`exists (select 1 from ${bills} where ${bills.id} = ${labReports.billId} and ${bills.docId} = ${s.doctorId})`,
    )!;
  }
  const dept = departmentFilter(s, tests.departmentId);
  if (!dept) return lab;
  // Sessions from loadSession carry their departments' test ids, read in the session lookup itself:
  // constants, which the planner estimates from the column statistics (and the lab_id/test_id
  // dependency, migration 0004). At 1M reports a department-scoped worklist's Done tab took 14 ms this
  // way against 70–92 ms with the subqueries below, whose selectivity the planner cannot see.
  const testIds = scopeTests.get(s);
  if (testIds) return and(lab, sql`${labReports.testId} = any(${intArray(testIds)})`)!;
  // Otherwise the tests of those departments, looked up once per statement: `= any(array(subquery))` is an
  // uncorrelated InitPlan the planner cannot pull up into a join. A per-row `(select department_id …
  // where id = test_id)` probed the catalog once per report (350 ms of the worklist's 460 ms for 47k
  // critical reports at 1M reports); a plain `test_id in (select id from tests …)` is pulled up into a
  // semi-join, which inside the worklist's per-bill subqueries became a Seq Scan of `tests` per report
  // (11,518 loops, 58 ms of a department-scoped Pending tab's 97 ms at 1M reports; bench/).
  return and(lab, sql`${labReports.testId} = any(array(select ${tests.id} from ${tests} where ${tests.labId} = ${s.labId} and ${dept}))`)!;
}

/** Rows of `departments` the session may see (the worklist's department filter offers these). A
 * referral doctor is scoped by bill, so every department of the lab may hold one of their reports. */
export function departmentScope(s: SessionContext): SQL {
  const lab = eq(departments.labId, s.labId);
  const dept = departmentFilter(s, departments.id);
  return dept ? and(lab, dept)! : lab;
}
