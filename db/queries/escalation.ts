// Escalation (DESIGN §9): find open critical reports past a level, and escalate each bill's in one
// transaction — its escalation rows, one activity log row per level, the outbox emails, the bill's
// new version and its event. Every app instance runs this; the unique (report, level) index and the
// bill's row lock make them escalate each report once per level.
import { and, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { NotifySettings } from "@/contracts/settings";
import { systemActor } from "@/domain/auth/session-context";
import type { CriticalParameter } from "@/domain/critical/evaluate";
import {
  type DueEscalation,
  dueEscalations,
  ESCALATION_REASON_TEXT,
  type EscalationReason,
  escalationActivityJson,
  escalationActivityText,
} from "@/domain/critical/escalation";
import { buildEscalationOutboxRows } from "@/domain/notify/escalation-message";
import type { TransportLookup } from "@/domain/notify/outbox-messages";
import { type Db, rawRows, type Tx } from "../connect";
import { activityLogs, bills, CRITICAL_CALLOUT_LOG_CATEGORY, criticalEscalations, labReports, outboundMessages, patients } from "../schema";
import { recordBillChange } from "./bill-version";
import { loadCriticalParameters } from "./critical-evaluation";
import { type CriticalReportRow, selectCriticalReports } from "./critical-records";
import { attemptLogCondition, clockFacts } from "./report-clock";

export interface LabPolicy {
  labId: number;
  labName: string;
  settings: NotifySettings;
}

const MINUTE_MS = 60_000;

/**
 * Bills holding an open critical report that may be due for a level it lacks, oldest first. A coarse
 * filter in SQL (the exact decision is dueEscalations, under the bill's lock): per lab, reports at 1
 * or 4 that are collected, not dismissed and never called out, whose clock started before the
 * lab's escalation delay or target, or whose attempts reached the lab's maximum.
 */
export async function billsDueForEscalation(db: Db, labs: LabPolicy[], now: Date, limit = 500): Promise<{ labId: number; billId: number }[]> {
  if (labs.length === 0) return [];
  // The planner prices the attempts probe per report as a GIN bitmap scan, which lifts the estimate
  // past jit_above_cost: at 1M reports JIT compiled for ~1 s a statement that runs in milliseconds.
  const rows = await db.transaction(
    async (tx) => {
      await tx.execute(sql`set local jit = off`);
      return rawRows<{ lab_id: number; bill_id: number }>(tx, dueBillsQuery(labs, now, limit));
    },
    { accessMode: "read only" },
  );
  return rows.map((r) => ({ labId: Number(r.lab_id), billId: Number(r.bill_id) }));
}

/** The statement of billsDueForEscalation (the bench EXPLAINs it). */
export function dueBillsQuery(labs: LabPolicy[], now: Date, limit: number): SQL {
  const cfg = sql.join(
    labs.map(
      (l) =>
        sql`(${l.labId}::int, ${new Date(now.getTime() - l.settings.escalation_after_minutes * MINUTE_MS).toISOString()}::timestamptz, ${new Date(now.getTime() - l.settings.notify_target_minutes * MINUTE_MS).toISOString()}::timestamptz, ${l.settings.max_attempts}::int)`,
    ),
    sql`, `,
  );
  const since = sql`coalesce(lab_reports.approved_at, lab_reports.sample_collected_at)`;
  // Lateral per lab, so each lab's reports are one range of lab_reports_escalation_due_idx. The level
  // reached is read from lab_reports.escalation_level, not probed in critical_escalations (which grows
  // with the lab's history); the unique index there decides, under the bill's lock.
  return sql`with cfg(lab_id, level1_before, level2_before, max_attempts) as (values ${cfg})
      select r.lab_id, r.bill_id, min(r.since) as since
      from cfg cross join lateral (
        select lab_reports.lab_id, lab_reports.bill_id, ${since} as since
        from lab_reports
        where lab_reports.lab_id = cfg.lab_id and lab_reports.critical_values in (1, 4)
          and lab_reports.dismissed = false and lab_reports.sample_collected = true and lab_reports.escalation_level < 2
          and ${since} is not null
          and not exists (select 1 from critical_callouts c where c.lab_report_id = lab_reports.id and c.is_draft = false)
          and (
            ${since} <= cfg.level2_before
            or (lab_reports.escalation_level = 0 and (
              ${since} <= cfg.level1_before
              or (select count(*) from ${activityLogs} where ${attemptLogCondition}) >= cfg.max_attempts))
          )
      ) r
      group by r.lab_id, r.bill_id
      order by since, r.bill_id
      limit ${limit}`;
}

interface DueReport {
  row: CriticalReportRow;
  attempts: number;
  due: DueEscalation[];
}

/** What one transaction knows while it escalates a bill. */
interface BillEscalation {
  tx: Tx;
  lab: LabPolicy;
  billId: number;
  bill: { version: number; accessionNo: string; patientName: string };
  version: number;
  now: Date;
  transportFor: TransportLookup;
}

/** One activity log row (and one email per address) per level and reason: the reports escalated together. */
interface EscalationGroup {
  level: 1 | 2;
  reason: EscalationReason;
  escalationIds: number[];
  reports: { d: DueReport; esc: DueEscalation }[];
}

/** Escalates what is due on one bill, in one transaction; returns how many escalation rows it wrote. */
export async function escalateBill(db: Db, lab: LabPolicy, billId: number, now: Date, transportFor: TransportLookup): Promise<number> {
  return db.transaction(async (tx) => {
    const actor = systemActor(lab.labId, lab.labName);
    // The lock order of every writer: the bill row, then its reports in id order.
    const [bill] = await tx
      .select({ version: bills.calloutVersion, accessionNo: bills.accessionNo, patientName: patients.fullName })
      .from(bills)
      .innerJoin(patients, eq(patients.id, bills.patientId))
      .where(and(eq(bills.id, billId), eq(bills.labId, lab.labId)))
      .for("update", { of: bills });
    if (!bill) return 0;
    const rows = await selectCriticalReports(tx, actor, billId, { forUpdate: true, clock: true });
    const due = rows.flatMap((row): DueReport[] => {
      const facts = clockFacts(row.report, row.clock!);
      const levels = dueEscalations(facts, lab.settings, now);
      return levels.length ? [{ row, attempts: facts.attempts, due: levels }] : [];
    });
    const inserted = due.length ? await insertEscalations(tx, lab.labId, billId, due, now) : [];
    await syncEscalationLevels(tx, rows, inserted);
    if (inserted.length === 0) return 0; // nothing due after all, or another instance got there first
    const ctx: BillEscalation = { tx, lab, billId, bill, version: bill.version + 1, now, transportFor };
    const params = await loadCriticalParameters(
      tx,
      due.map((d) => ({ id: d.row.report.id, patient: { sex: d.row.sex, dateOfBirth: d.row.dateOfBirth, sampleCollectedAt: d.row.report.sampleCollectedAt } })),
    );
    for (const group of groupEscalations(inserted, due)) await writeEscalationGroup(ctx, group, params);
    const reportIds = [...new Set(inserted.map((e) => e.labReportId))].sort((a, b) => a - b);
    await recordBillChange(tx, { session: actor, billId, version: ctx.version, kind: "escalation", reportIds, at: now });
    return inserted.length;
  });
}

/**
 * lab_reports.escalation_level follows the escalation rows (the worker's index leaves out reports at
 * level 2); also mended here when another tool left it behind, so no bill is selected for ever.
 */
async function syncEscalationLevels(tx: Tx, rows: CriticalReportRow[], inserted: { labReportId: number; level: number }[]) {
  const byLevel = new Map<number, number[]>();
  for (const row of rows) {
    const stored = clockFacts(row.report, row.clock!).escalations.map((e) => e.level);
    const fresh = inserted.filter((e) => e.labReportId === row.report.id).map((e) => e.level);
    const level = Math.max(0, ...stored, ...fresh);
    if (level !== row.report.escalationLevel) byLevel.set(level, [...(byLevel.get(level) ?? []), row.report.id]);
  }
  for (const [level, ids] of byLevel) await tx.update(labReports).set({ escalationLevel: level }).where(inArray(labReports.id, ids));
}

/** Inserted escalations by level and reason, level 1 first. */
function groupEscalations(inserted: { id: number; labReportId: number; level: number }[], due: DueReport[]): EscalationGroup[] {
  const groups = new Map<string, EscalationGroup>();
  for (const e of inserted) {
    const d = due.find((x) => x.row.report.id === e.labReportId)!;
    const esc = d.due.find((x) => x.level === e.level)!;
    const key = `${esc.level}:${esc.reason}`;
    const group = groups.get(key) ?? { level: esc.level, reason: esc.reason, escalationIds: [], reports: [] };
    group.escalationIds.push(e.id);
    group.reports.push({ d, esc });
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) => a.level - b.level || a.reason.localeCompare(b.reason));
}

async function writeEscalationGroup(ctx: BillEscalation, group: EscalationGroup, params: Map<number, CriticalParameter[]>): Promise<void> {
  const { tx, lab, billId, now } = ctx;
  const reports = group.reports.map(({ d, esc }) => ({
    labReportId: d.row.report.id,
    testName: d.row.testName,
    departmentName: d.row.departmentName,
    minutesWaited: esc.minutesWaited,
    attempts: d.attempts,
    parameters: params.get(d.row.report.id) ?? [],
  }));
  const activity = { billId, level: group.level, reason: group.reason, policy: lab.settings, emails: lab.settings.escalation_emails, version: ctx.version, reports };
  const [log] = await tx
    .insert(activityLogs)
    .values({
      labId: lab.labId,
      billId,
      labReportId: reports[0].labReportId,
      labReportIds: reports.map((r) => r.labReportId),
      logCategoryId: CRITICAL_CALLOUT_LOG_CATEGORY,
      userId: null,
      labUserName: "System",
      activityText: escalationActivityText(activity),
      activityDate: now,
      dumpedJson: escalationActivityJson(activity),
    })
    .returning({ id: activityLogs.id });
  await tx.update(criticalEscalations).set({ activityLogId: log.id }).where(inArray(criticalEscalations.id, group.escalationIds));
  const message = {
    labId: lab.labId,
    labName: lab.labName,
    billId,
    accessionNo: ctx.bill.accessionNo,
    patientName: ctx.bill.patientName,
    hipaaMode: lab.settings.show_patient_name === 1,
    activityLogId: log.id,
    level: group.level,
    reason: group.reason,
    reasonText: ESCALATION_REASON_TEXT[group.reason](lab.settings),
    reports,
    labPhone: lab.settings.lab_phone,
    at: now,
  };
  const rows = buildEscalationOutboxRows(message, lab.settings.escalation_emails, ctx.transportFor);
  if (rows.length) await tx.insert(outboundMessages).values(rows);
}

/** The escalation rows, once per report and level: a row another instance wrote first is skipped. */
async function insertEscalations(tx: Tx, labId: number, billId: number, due: DueReport[], now: Date) {
  return tx
    .insert(criticalEscalations)
    .values(
      due.flatMap((d) =>
        d.due.map((e) => ({ labId, billId, labReportId: d.row.report.id, level: e.level, reason: e.reason, minutesWaited: e.minutesWaited, createdAt: now })),
      ),
    )
    .onConflictDoNothing({ target: [criticalEscalations.labReportId, criticalEscalations.level] })
    .returning({ id: criticalEscalations.id, labReportId: criticalEscalations.labReportId, level: criticalEscalations.level });
}
