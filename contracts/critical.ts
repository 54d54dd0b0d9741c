// Plain-zod contracts of the critical callout API, shared by the route handlers (input) and the
// client (response parsing). No drizzle-zod here: this file ships to the browser.
import { z } from "zod";
import { COMMUNICATION_METHODS, RECIPIENTS } from "@/domain/callout/activity";
import { OUTCOME_CODES } from "@/domain/callout/outcome";
import { idListSchema, idSchema } from "./ids";

export const MAX_LOG_REPORT_IDS = 200;
export const MAX_RECORD_REPORT_IDS = 500;
export const MAX_LOG_ENTRIES = 1000;
export const MAX_COMMENT_LENGTH = 2000;

export const criticalParameterSchema = z.object({
  parameter_id: z.number(),
  parameter_name: z.string(),
  value: z.union([z.number(), z.string()]),
  unit: z.string(),
  reference_range: z.string(),
  critical_range: z.string(),
  flag: z.enum(["LL", "HH", "AA"]),
});
export type CriticalParameterDto = z.infer<typeof criticalParameterSchema>;

export const labReportSchema = z.object({
  orgId: z.number().nullable(),
  onHold: z.boolean(),
  billId: z.number(),
  docForId: z.number().nullable(),
  reportID: z.object({
    testID: z.number(),
    testName: z.string(),
    departmentId: z.number(),
    departmentName: z.string(),
    isProfile: z.boolean(),
  }),
  isSigned: z.boolean(),
  isSynced: z.boolean(),
  comments: z.string().nullable(),
  isProfile: z.boolean(),
  isApproved: z.boolean(),
  isResolved: z.boolean(),
  inQuestion: z.boolean(),
  labReportId: z.number(),
  notPerformed: z.boolean(),
  claim_on_hold: z.boolean(),
  userDetailsId: z.number(),
  reportFormatId: z.number().nullable(),
  criticalValues: z.number(),
  auto_approval_status: z.number(),
});
export type LabReportDto = z.infer<typeof labReportSchema>;

const jsonObject = z.record(z.string(), z.unknown());

export const attemptedCalloutSchema = z.object({
  recipients: z.array(z.string()),
  critical_callout_comment: z.string(),
  critical_values_meta: jsonObject,
  critical_callout_meta: z.looseObject({
    communication_methods: z.array(z.string()).optional(),
    callout_for: z.array(z.number()).optional(),
  }),
});

/** A critical report's clock against the lab's target (DESIGN §9); null where unknown. */
export const reportClockSchema = z.object({
  started_at: z.string().nullable(),
  notified_at: z.string().nullable(),
  minutes: z.number().nullable(),
  target_minutes: z.number(),
  overdue: z.boolean().nullable(),
  attempts: z.number(),
  escalated_at: z.string().nullable(),
  /** 0 none, 1 escalated, 2 escalated again when the target was missed. */
  escalation_level: z.number(),
  acknowledged_at: z.string().nullable(),
});
export type ReportClockDto = z.infer<typeof reportClockSchema>;

export const criticalRecordsResponseSchema = z.object({
  reports: z.array(z.object({ critical_parameters: z.array(criticalParameterSchema), lab_report: labReportSchema, clock: reportClockSchema })),
  attempted_callout: attemptedCalloutSchema.nullable(),
  /** The bill's callout version, also sent as the ETag; a write sends it back in If-Match. */
  callout_version: z.number(),
});
export type CriticalRecordsResponse = z.infer<typeof criticalRecordsResponseSchema>;

// ---- Endpoint 2: logs ----
export const logsQuerySchema = z.object({ report_ids: idListSchema(MAX_LOG_REPORT_IDS) });

/** An outbound message caused by a log entry's action: shown next to it in the timeline. */
export const deliverySchema = z.object({
  channel: z.string(),
  recipientKind: z.string(),
  recipientName: z.string(),
  address: z.string(),
  status: z.enum(["pending", "sent", "failed", "no_provider"]),
  attempts: z.number(),
  lastError: z.string().nullable(),
  sentAt: z.string().nullable(),
});
export type DeliveryDto = z.infer<typeof deliverySchema>;

export const logEntrySchema = z.object({
  id: z.number(),
  labReportId: z.number().nullable(),
  labReportIds: z.array(z.number()),
  meta: jsonObject,
  labUserName: z.string(),
  activityText: z.string(),
  activityDate: z.string(),
  deliveries: z.array(deliverySchema).default([]),
});
export type LogEntryDto = z.infer<typeof logEntrySchema>;
export const logsResponseSchema = z.object({ logs: z.array(logEntrySchema) });
export type LogsResponse = z.infer<typeof logsResponseSchema>;

// ---- Endpoint 3: audit records ----
export const calloutRecordsBodySchema = z.strictObject({
  lab_report_ids: z.array(idSchema).min(1, "at least one id").max(MAX_RECORD_REPORT_IDS, `at most ${MAX_RECORD_REPORT_IDS} ids`),
});

export const calloutRecordSchema = z.object({
  id: z.number(),
  bill_id: z.number(),
  lab_report_id: z.number(),
  recipients: z.array(z.string()),
  org_name: z.string().nullable(),
  patient_name: z.string().nullable(),
  referral_name: z.string().nullable(),
  performed_by_user_name: z.string().nullable(),
  performed_by_doctor_name: z.string().nullable(),
  critical_callout_comment: z.string(),
  critical_callout_meta: jsonObject,
  critical_values_meta: jsonObject,
  created_on: z.string(),
  /** The first acknowledgement of receipt of this report since this callout (DESIGN §10), or null. */
  acknowledged_at: z.string().nullable(),
  /** Who acknowledged: the name given on the link's page, or the doctor's name. */
  acknowledged_by: z.string().nullable(),
});
export type CalloutRecordDto = z.infer<typeof calloutRecordSchema>;
export const calloutRecordsResponseSchema = z.object({ records: z.array(calloutRecordSchema) });

// ---- Endpoint 4: post callout ----
const trimmed = (max: number) => z.string().trim().max(max);

export const postCalloutBodySchema = z.strictObject({
  lab_report_ids: z.array(idSchema).min(1, "select at least one report").max(MAX_RECORD_REPORT_IDS),
  is_draft: z.boolean(),
  recipients: z.array(z.enum(RECIPIENTS)).max(RECIPIENTS.length),
  critical_callout_comment: z.string().max(MAX_COMMENT_LENGTH, `at most ${MAX_COMMENT_LENGTH} characters`).default(""),
  critical_callout_meta: z.strictObject({
    communication_methods: z.array(z.enum(COMMUNICATION_METHODS)).max(COMMUNICATION_METHODS.length),
    notify_to_others: z
      .strictObject({
        name: trimmed(200),
        email: trimmed(320).optional().default(""),
        fax: trimmed(50).optional().default(""),
        contactNumber: trimmed(50).optional().default(""),
      })
      .nullish(),
    already_notified: z
      .strictObject({
        phone_call: z
          .strictObject({ name: trimmed(200).min(1, "name of the person reached"), contact: trimmed(50), read_back: z.boolean() })
          .nullish(),
        fax: z.strictObject({ name: trimmed(200).min(1), fax_number: trimmed(50).min(1) }).nullish(),
      })
      .nullish(),
    // Which codes fit which action is a rule (domain/callout/outcome.ts), reported as a 400 naming it.
    outcome: z
      .strictObject({
        code: z.enum(OUTCOME_CODES),
        person: trimmed(200).optional(),
        role: trimmed(100).optional(),
        read_back: z.boolean().optional(),
        note: trimmed(500).optional(),
      })
      .nullish(),
  }),
});
export type PostCalloutBody = z.infer<typeof postCalloutBodySchema>;
export type PostCalloutInput = z.input<typeof postCalloutBodySchema>;

export const postCalloutResponseSchema = z.object({
  callout: z.object({
    is_draft: z.boolean(),
    bill_id: z.number(),
    lab_report_ids: z.array(z.number()),
    callout_ids: z.array(z.number()),
    activity_log_id: z.number(),
    created_on: z.string(),
  }),
  /** Every report of the bill whose status this action changed, with its new status. */
  reports: z.array(z.object({ labReportId: z.number(), criticalValues: z.number() })),
  /** The bill's callout version after this action (endpoint 1's ETag names it). */
  version: z.number(),
});
export type PostCalloutResponse = z.infer<typeof postCalloutResponseSchema>;

/** Idempotency-Key header: printable ASCII, as clients generate UUIDs or similar. */
export const idempotencyKeySchema = z.string().regex(/^[\x21-\x7e]{1,200}$/, "must be 1–200 printable characters");
