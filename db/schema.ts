// The Drizzle schema. Table and column names are a contract (DESIGN §2): tools outside the app read
// and write them, so every column added beyond the contract has a default or is nullable.
import { sql } from "drizzle-orm";
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  serial,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";

// The status enum lab_reports.critical_values stores; defined in the domain, re-exported for db code.
export { type CriticalValue, CriticalValues } from "../domain/critical/status";

/** activity_logs.log_category_id of a critical callout action. */
export const CRITICAL_CALLOUT_LOG_CATEGORY = 648;

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export const labs = pgTable("labs", {
  id: serial("id").primaryKey(),
  name: text("name").notNull(),
});

export const departments = pgTable(
  "departments",
  {
    id: serial("id").primaryKey(),
    labId: integer("lab_id").notNull().references(() => labs.id),
    name: text("name").notNull(),
  },
  (t) => [index("departments_lab_idx").on(t.labId)],
);

export const organizations = pgTable(
  "organizations",
  {
    id: serial("id").primaryKey(),
    labId: integer("lab_id").notNull().references(() => labs.id),
    name: text("name").notNull(),
    phone: text("phone"),
    email: text("email"),
    fax: text("fax"),
  },
  (t) => [index("organizations_lab_idx").on(t.labId)],
);

export const doctors = pgTable(
  "doctors",
  {
    id: serial("id").primaryKey(),
    labId: integer("lab_id").notNull().references(() => labs.id),
    name: text("name").notNull(),
    /** 0: department (in-house) doctor; 2: referral doctor. */
    docType: smallint("doc_type").notNull().default(2),
    phone: text("phone"),
    email: text("email"),
    fax: text("fax"),
  },
  (t) => [index("doctors_lab_idx").on(t.labId)],
);

export const doctorDepartments = pgTable(
  "doctor_departments",
  {
    id: serial("id").primaryKey(),
    doctorId: integer("doctor_id").notNull().references(() => doctors.id),
    departmentId: integer("department_id").notNull().references(() => departments.id),
  },
  (t) => [uniqueIndex("doctor_departments_uniq").on(t.doctorId, t.departmentId)],
);

export const patients = pgTable(
  "patients",
  {
    id: serial("id").primaryKey(),
    labId: integer("lab_id").notNull().references(() => labs.id),
    fullName: text("full_name").notNull(),
    sex: text("sex").notNull().default("U"),
    dateOfBirth: date("date_of_birth", { mode: "string" }),
    phone: text("phone"),
    email: text("email"),
  },
  (t) => [index("patients_lab_idx").on(t.labId)],
);

export const users = pgTable(
  "users",
  {
    id: serial("id").primaryKey(),
    labId: integer("lab_id").notNull().references(() => labs.id),
    username: text("username").notNull().unique(),
    passwordHash: text("password_hash").notNull(),
    displayName: text("display_name").notNull(),
    kind: text("kind").notNull(), // 'lab_user' | 'doctor' | 'support'
    doctorId: integer("doctor_id").references(() => doctors.id),
    departmentDataType: smallint("department_data_type"),
    departmentIds: integer("department_ids").array().notNull().default(sql`'{}'::int[]`),
  },
);

export const labUserDepartments = pgTable(
  "lab_user_departments",
  {
    id: serial("id").primaryKey(),
    userId: integer("user_id").notNull().references(() => users.id),
    departmentId: integer("department_id").notNull().references(() => departments.id),
  },
  (t) => [uniqueIndex("lab_user_departments_uniq").on(t.userId, t.departmentId)],
);

export const tests = pgTable(
  "tests",
  {
    id: serial("id").primaryKey(),
    labId: integer("lab_id").notNull().references(() => labs.id),
    testName: text("test_name").notNull(),
    departmentId: integer("department_id").notNull().references(() => departments.id),
    isProfile: boolean("is_profile").notNull().default(false),
  },
  (t) => [index("tests_lab_idx").on(t.labId), index("tests_department_idx").on(t.departmentId)],
);

export const testParameters = pgTable(
  "test_parameters",
  {
    id: serial("id").primaryKey(),
    testId: integer("test_id").notNull().references(() => tests.id),
    name: text("name").notNull(),
    unit: text("unit").notNull().default(""),
    resultType: text("result_type").notNull().default("numeric"), // 'numeric' | 'text'
    sortOrder: integer("sort_order").notNull().default(0),
  },
  (t) => [index("test_parameters_test_idx").on(t.testId)],
);

export const parameterRanges = pgTable(
  "parameter_ranges",
  {
    id: serial("id").primaryKey(),
    parameterId: integer("parameter_id").notNull().references(() => testParameters.id),
    sex: text("sex"),
    ageMinDays: integer("age_min_days"),
    ageMaxDays: integer("age_max_days"),
    refLow: numeric("ref_low"),
    refHigh: numeric("ref_high"),
    criticalLow: numeric("critical_low"),
    criticalHigh: numeric("critical_high"),
    criticalTexts: text("critical_texts").array(),
  },
  (t) => [index("parameter_ranges_parameter_idx").on(t.parameterId)],
);

export const bills = pgTable(
  "bills",
  {
    id: serial("id").primaryKey(),
    labId: integer("lab_id").notNull().references(() => labs.id),
    patientId: integer("patient_id").notNull().references(() => patients.id),
    docId: integer("doc_id").references(() => doctors.id),
    orgId: integer("org_id").references(() => organizations.id),
    accessionNo: text("accession_no").notNull(),
    createdAt: ts("created_at").notNull().defaultNow(),
    /** Raised by every write on the bill's callouts (DESIGN §8): endpoint 1's ETag, checked by If-Match. */
    calloutVersion: integer("callout_version").notNull().default(0),
  },
  (t) => [
    index("bills_lab_created_idx").on(t.labId, t.createdAt),
    index("bills_doc_idx").on(t.docId),
    index("bills_lab_accession_idx").on(t.labId, t.accessionNo),
  ],
);

export const labReports = pgTable(
  "lab_reports",
  {
    id: serial("id").primaryKey(),
    labId: integer("lab_id").notNull().references(() => labs.id),
    billId: integer("bill_id").notNull().references(() => bills.id),
    testId: integer("test_id").notNull().references(() => tests.id),
    orgId: integer("org_id").references(() => organizations.id),
    docForId: integer("doc_for_id").references(() => doctors.id),
    patientId: integer("patient_id").notNull().references(() => patients.id),
    onHold: boolean("on_hold").notNull().default(false),
    isSigned: boolean("is_signed").notNull().default(false),
    isSynced: boolean("is_synced").notNull().default(false),
    comments: text("comments"),
    isProfile: boolean("is_profile").notNull().default(false),
    isApproved: boolean("is_approved").notNull().default(false),
    isResolved: boolean("is_resolved").notNull().default(false),
    inQuestion: boolean("in_question").notNull().default(false),
    notPerformed: boolean("not_performed").notNull().default(false),
    claimOnHold: boolean("claim_on_hold").notNull().default(false),
    reportFormatId: integer("report_format_id"),
    criticalValues: smallint("critical_values").notNull().default(0),
    autoApprovalStatus: smallint("auto_approval_status").notNull().default(0),
    dismissed: boolean("dismissed").notNull().default(false),
    sampleCollected: boolean("sample_collected").notNull().default(false),
    sampleCollectedAt: ts("sample_collected_at"),
    approvedAt: ts("approved_at"),
    /**
     * The highest escalation level reached (0 none, 1, 2), kept beside critical_escalations (the truth,
     * unique per report and level) so that reports escalated at both levels leave the worker's index.
     */
    escalationLevel: smallint("escalation_level").notNull().default(0),
  },
  (t) => [
    index("lab_reports_bill_idx").on(t.billId),
    // FHIR Communication search by patient (DESIGN §12).
    index("lab_reports_patient_idx").on(t.patientId),
    // The worklist's (and its export's) reports: partial on exactly the worklist's report filter and
    // covering every column it reads, so it runs on index-only scans. (lab_id, critical_values,
    // bill_id) first: the few open reports (1, 4) are one short range, and the done ones (2) come in
    // bill order for a streaming DISTINCT (measurements: bench/NOTES.md).
    // Not expressible here: the extended statistics lab_reports_lab_test_stats (lab_id, test_id),
    // migration 0004, which the department scope's `test_id = any(…)` estimates depend on.
    index("lab_reports_worklist_idx")
      .on(t.labId, t.criticalValues, t.billId, t.testId, t.approvedAt, t.sampleCollectedAt)
      .where(sql`${t.criticalValues} in (1, 2, 4) and ${t.dismissed} = false and ${t.sampleCollected} = true`),
    // The escalation worker's reports: the open critical ones not yet escalated at both levels, by lab
    // and clock start, so each tick reads only what may still be due (db/queries/escalation.ts).
    index("lab_reports_escalation_due_idx")
      .on(t.labId, sql`coalesce(${t.approvedAt}, ${t.sampleCollectedAt})`)
      .where(sql`${t.criticalValues} in (1, 4) and ${t.dismissed} = false and ${t.sampleCollected} = true and ${t.escalationLevel} < 2`),
  ],
);

export const reportValues = pgTable(
  "report_values",
  {
    id: serial("id").primaryKey(),
    labReportId: integer("lab_report_id").notNull().references(() => labReports.id),
    parameterId: integer("parameter_id").notNull().references(() => testParameters.id),
    valueNumeric: numeric("value_numeric"),
    valueText: text("value_text"),
  },
  (t) => [index("report_values_report_idx").on(t.labReportId)],
);

export const criticalCallouts = pgTable(
  "critical_callouts",
  {
    id: serial("id").primaryKey(),
    labId: integer("lab_id").notNull().references(() => labs.id),
    billId: integer("bill_id").notNull().references(() => bills.id),
    labReportId: integer("lab_report_id").references(() => labReports.id),
    isDraft: boolean("is_draft").notNull().default(false),
    recipients: jsonb("recipients").notNull().default(sql`'[]'::jsonb`),
    criticalCalloutComment: text("critical_callout_comment").notNull().default(""),
    criticalValuesMeta: jsonb("critical_values_meta").notNull().default(sql`'{}'::jsonb`),
    criticalCalloutMeta: jsonb("critical_callout_meta").notNull().default(sql`'{}'::jsonb`),
    performedByUserId: integer("performed_by_user_id").references(() => users.id),
    performedByDoctorId: integer("performed_by_doctor_id").references(() => doctors.id),
    orgId: integer("org_id").references(() => organizations.id),
    patientId: integer("patient_id").references(() => patients.id),
    referralId: integer("referral_id").references(() => doctors.id),
    createdOn: ts("created_on").notNull().defaultNow(),
    updatedOn: ts("updated_on").notNull().defaultNow(),
  },
  (t) => [
    // At most one draft (attempted callout) per bill.
    uniqueIndex("critical_callouts_one_draft_per_bill")
      .on(t.billId)
      .where(sql`${t.labReportId} is null`),
    index("critical_callouts_report_idx")
      .on(t.labReportId, t.createdOn)
      .where(sql`${t.labReportId} is not null`),
  ],
);

export const activityLogs = pgTable(
  "activity_logs",
  {
    id: serial("id").primaryKey(),
    labId: integer("lab_id").notNull().references(() => labs.id),
    billId: integer("bill_id").references(() => bills.id),
    labReportId: integer("lab_report_id").references(() => labReports.id),
    labReportIds: integer("lab_report_ids").array().notNull().default(sql`'{}'::int[]`),
    logCategoryId: integer("log_category_id").notNull(),
    userId: integer("user_id").references(() => users.id),
    labUserName: text("lab_user_name").notNull().default(""),
    activityText: text("activity_text").notNull().default(""),
    activityDate: ts("activity_date").notNull().defaultNow(),
    dumpedJson: jsonb("dumped_json").notNull().default(sql`'{}'::jsonb`),
  },
  (t) => [
    // A GIN index partial on the callout category (DESIGN §2), and no plain GIN beside the
    // (lab_id, log_category_id, …) btree: the planner keeps endpoint 2 on it (bench/NOTES.md).
    // fastupdate off: a search would scan the whole pending list of new entries (migration 0013).
    index("activity_logs_callout_reports_gin")
      .using("gin", t.labReportIds)
      .with({ fastupdate: false })
      .where(sql`${t.logCategoryId} = 648`),
    index("activity_logs_bill_idx").on(t.billId),
  ],
);

export const labSettings = pgTable(
  "lab_settings",
  {
    id: serial("id").primaryKey(),
    labId: integer("lab_id").notNull().references(() => labs.id),
    key: text("key").notNull(),
    value: jsonb("value").notNull(),
  },
  (t) => [uniqueIndex("lab_settings_lab_key").on(t.labId, t.key)],
);

// ---- Tables of the app's own (not in the contract) ----

/** Server-side sessions, keyed by the SHA-256 of the random token held in the cookie. */
export const sessions = pgTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: integer("user_id").notNull().references(() => users.id),
    labId: integer("lab_id").notNull().references(() => labs.id),
    /** users.department_ids copied at login (department_data_type 0 scopes by this list). */
    departmentIds: integer("department_ids").array().notNull().default(sql`'{}'::int[]`),
    createdAt: ts("created_at").notNull().defaultNow(),
    expiresAt: ts("expires_at").notNull(),
    revokedAt: ts("revoked_at"),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/**
 * API tokens of machine clients (DESIGN §12): the SHA-256 of a random token, acting as one user of one
 * lab with that user's scope. Created by `npm run token:add`, revoked by `npm run token:revoke`.
 */
export const apiTokens = pgTable(
  "api_tokens",
  {
    id: serial("id").primaryKey(),
    tokenHash: text("token_hash").notNull(),
    userId: integer("user_id").notNull().references(() => users.id),
    labId: integer("lab_id").notNull().references(() => labs.id),
    name: text("name").notNull(),
    createdAt: ts("created_at").notNull().defaultNow(),
    lastUsedAt: ts("last_used_at"),
    revokedAt: ts("revoked_at"),
  },
  (t) => [uniqueIndex("api_tokens_token_hash_key").on(t.tokenHash), index("api_tokens_user_idx").on(t.userId)],
);

/** Idempotency keys of the write endpoint: the first answer, replayed for the same user and key. */
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    userId: integer("user_id").notNull().references(() => users.id),
    key: text("key").notNull(),
    requestHash: text("request_hash").notNull(),
    status: integer("status").notNull(),
    /** The response body as sent (text, not jsonb, so a replay is byte-for-byte the first answer). */
    body: text("body").notNull(),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.key] }), index("idempotency_keys_created_idx").on(t.createdAt)],
);

export type Lab = typeof labs.$inferSelect;
export type Department = typeof departments.$inferSelect;
export type Organization = typeof organizations.$inferSelect;
export type Doctor = typeof doctors.$inferSelect;
export type Patient = typeof patients.$inferSelect;
export type User = typeof users.$inferSelect;
export type Test = typeof tests.$inferSelect;
export type TestParameter = typeof testParameters.$inferSelect;
export type ParameterRange = typeof parameterRanges.$inferSelect;
export type Bill = typeof bills.$inferSelect;
export type LabReport = typeof labReports.$inferSelect;
export type ReportValue = typeof reportValues.$inferSelect;
export type CriticalCallout = typeof criticalCallouts.$inferSelect;
export type ActivityLog = typeof activityLogs.$inferSelect;
export type LabSetting = typeof labSettings.$inferSelect;
export type Session = typeof sessions.$inferSelect;
export type ApiToken = typeof apiTokens.$inferSelect;

/**
 * Transactional outbox: messages a done callout sends, written in the callout's transaction and
 * delivered after commit by the in-app worker. `status`: pending → sent | failed, or no_provider
 * for channels without a configured transport (nothing claims they were sent).
 */
export const outboundMessages = pgTable(
  "outbound_messages",
  {
    id: serial("id").primaryKey(),
    labId: integer("lab_id").notNull().references(() => labs.id),
    billId: integer("bill_id").notNull().references(() => bills.id),
    activityLogId: integer("activity_log_id").references(() => activityLogs.id),
    labReportIds: integer("lab_report_ids").array().notNull().default(sql`'{}'::int[]`),
    channel: text("channel").notNull(), // email | fax | sms | whatsapp
    recipientKind: text("recipient_kind").notNull(), // Organization | Referral | Patient | Other
    recipientName: text("recipient_name").notNull().default(""),
    address: text("address").notNull(),
    subject: text("subject").notNull().default(""),
    bodyText: text("body_text").notNull().default(""),
    bodyHtml: text("body_html"),
    status: text("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: ts("next_attempt_at").notNull().defaultNow(),
    lastError: text("last_error"),
    providerResponse: text("provider_response"),
    transport: text("transport"),
    sentAt: ts("sent_at"),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [
    index("outbound_messages_due_idx").on(t.nextAttemptAt).where(sql`${t.status} = 'pending'`),
    index("outbound_messages_log_idx").on(t.activityLogId),
  ],
);
export type OutboundMessage = typeof outboundMessages.$inferSelect;

/**
 * Who has a bill's callout open (DESIGN §8), one row per open event stream. Kept in the database so
 * every app instance sees it; a row whose stream stopped renewing `seen_at` no longer counts.
 */
export const calloutPresence = pgTable(
  "callout_presence",
  {
    streamId: text("stream_id").primaryKey(),
    labId: integer("lab_id").notNull().references(() => labs.id),
    billId: integer("bill_id").notNull().references(() => bills.id),
    userId: integer("user_id").notNull().references(() => users.id),
    displayName: text("display_name").notNull(),
    since: ts("since").notNull().defaultNow(),
    seenAt: ts("seen_at").notNull().defaultNow(),
  },
  (t) => [index("callout_presence_bill_idx").on(t.billId, t.seenAt)],
);

/**
 * Escalations of open critical reports (DESIGN §9): level 1 once the escalation delay passed (or the
 * attempts ran out), level 2 once the target was missed. Unique per report and level, so however many
 * app instances run the worker, each report is escalated once per level.
 */
export const criticalEscalations = pgTable(
  "critical_escalations",
  {
    id: serial("id").primaryKey(),
    labId: integer("lab_id").notNull().references(() => labs.id),
    billId: integer("bill_id").notNull().references(() => bills.id),
    labReportId: integer("lab_report_id").notNull().references(() => labReports.id),
    level: smallint("level").notNull(),
    /** delay | attempts | target_missed */
    reason: text("reason").notNull(),
    /** Minutes the report had waited when it was escalated. */
    minutesWaited: numeric("minutes_waited", { mode: "number" }),
    activityLogId: integer("activity_log_id").references(() => activityLogs.id),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("critical_escalations_report_level").on(t.labReportId, t.level), index("critical_escalations_bill_idx").on(t.billId)],
);
export type CriticalEscalation = typeof criticalEscalations.$inferSelect;

/**
 * The compliance summary (DESIGN §11): one row per critical report (status 1, 2 or 4, collected, not
 * dismissed), kept by the database itself. Triggers on lab_reports, critical_callouts, activity_logs
 * (category 648) and tests recompute a report's row with cc_compliance_refresh(), whoever writes, so
 * reports and callouts written by other programs of the LIS are counted too (migration
 * 0008_compliance_summary). The app only reads it; the critical rule is not re-evaluated here: the
 * stored lab_reports.critical_values decides, as on the worklist.
 */
export const complianceReports = pgTable(
  "compliance_reports",
  {
    labReportId: integer("lab_report_id")
      .primaryKey()
      .references(() => labReports.id, { onDelete: "cascade" }),
    labId: integer("lab_id").notNull(),
    billId: integer("bill_id").notNull(),
    testId: integer("test_id").notNull(),
    departmentId: integer("department_id"),
    criticalValues: smallint("critical_values").notNull(),
    /** The clock's start (DESIGN §9): approved_at, else sample_collected_at. */
    clockStartedAt: ts("clock_started_at"),
    /** The first done (non-draft) callout; null: not notified. */
    firstDoneAt: ts("first_done_at"),
    /** Exact minutes from clock start to the first done callout (never negative). */
    notifyMinutes: numeric("notify_minutes", { mode: "number" }),
    /** Attempt log rows (is_draft) naming the report, as endpoint 1's clock counts them. */
    attempts: integer("attempts").notNull().default(0),
    escalated: boolean("escalated").notNull().default(false),
    /** Escalated because the attempts ran out (reason "attempts"). */
    escalatedForAttempts: boolean("escalated_for_attempts").notNull().default(false),
    /** Done callout log rows naming the report whose outcome is `reached`, and those read back. */
    reachedOutcomes: integer("reached_outcomes").notNull().default(0),
    readBackOutcomes: integer("read_back_outcomes").notNull().default(0),
    /** The first acknowledgement log (dumped_json.kind = "acknowledgement") naming the report. */
    acknowledgedAt: ts("acknowledged_at"),
    /** Exact minutes from the first done callout to the acknowledgement. */
    ackMinutes: numeric("ack_minutes", { mode: "number" }),
    /** The first done callout's recipients, sorted and joined with " + " ("Organization + Referral"). */
    recipientKind: text("recipient_kind"),
  },
  (t) => [index("compliance_reports_lab_clock_idx").on(t.labId, t.clockStartedAt)],
);

/**
 * The acknowledgement links of done callouts (DESIGN §10): one per emailed recipient, its token kept
 * only as a SHA-256 hash. Which reports and callout rows it acknowledges, and whether the message it
 * came in hid the patient's name, are fixed when the message is written.
 */
export const criticalAckLinks = pgTable(
  "critical_ack_links",
  {
    id: serial("id").primaryKey(),
    labId: integer("lab_id").notNull().references(() => labs.id),
    billId: integer("bill_id").notNull().references(() => bills.id),
    activityLogId: integer("activity_log_id").references(() => activityLogs.id),
    labReportIds: integer("lab_report_ids").array().notNull().default(sql`'{}'::int[]`),
    calloutIds: integer("callout_ids").array().notNull().default(sql`'{}'::int[]`),
    tokenHash: text("token_hash").notNull(),
    recipientKind: text("recipient_kind").notNull(), // Organization | Referral | Patient | Other
    recipientName: text("recipient_name").notNull().default(""),
    address: text("address").notNull().default(""),
    hidePatientName: boolean("hide_patient_name").notNull().default(false),
    expiresAt: ts("expires_at").notNull(),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("critical_ack_links_token_hash").on(t.tokenHash), index("critical_ack_links_bill_idx").on(t.billId)],
);
export type CriticalAckLink = typeof criticalAckLinks.$inferSelect;

/**
 * Acknowledgements of receipt (DESIGN §10), one row per report: who confirmed, when, from where. By
 * link (`link_id`, single use: unique per link and report) or by a doctor login in the app (`user_id`).
 * Append-only, like the callouts they acknowledge.
 */
export const criticalAcknowledgements = pgTable(
  "critical_acknowledgements",
  {
    id: serial("id").primaryKey(),
    labId: integer("lab_id").notNull().references(() => labs.id),
    billId: integer("bill_id").notNull().references(() => bills.id),
    labReportId: integer("lab_report_id").notNull().references(() => labReports.id),
    linkId: integer("link_id").references(() => criticalAckLinks.id),
    userId: integer("user_id").references(() => users.id),
    doctorId: integer("doctor_id").references(() => doctors.id),
    acknowledgedBy: text("acknowledged_by").notNull(),
    clientAddress: text("client_address"),
    userAgent: text("user_agent"),
    activityLogId: integer("activity_log_id").references(() => activityLogs.id),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [
    index("critical_acknowledgements_report_idx").on(t.labReportId, t.createdAt),
    uniqueIndex("critical_acknowledgements_link_report")
      .on(t.linkId, t.labReportId)
      .where(sql`${t.linkId} is not null`),
  ],
);
export type CriticalAcknowledgement = typeof criticalAcknowledgements.$inferSelect;

/**
 * Windowed counters of the throttles (sign-in; DESIGN §3 and §13): one row per key (`u:<username>`,
 * `a:<address>`) and minute, bumped by an atomic upsert, so every app instance counts the same tries.
 */
export const throttleCounters = pgTable(
  "throttle_counters",
  {
    key: text("key").notNull(),
    windowStart: ts("window_start").notNull(),
    hits: integer("hits").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] }), index("throttle_counters_window_idx").on(t.windowStart)],
);
