// The lab's notify configuration (DESIGN §6 and §9), stored in lab_settings under one key.
import { z } from "zod";

export const NOTIFY_SETTINGS_KEY = "critical_notification_settings";

const flag = z.union([z.literal(0), z.literal(1)]);
const minutes = (max: number) => z.number().int("whole minutes").min(1, "at least 1 minute").max(max, `at most ${max} minutes`);

/** An IANA time zone the runtime knows ("Europe/Berlin"); the lab's shifts are read in it. */
const timeZone = z
  .string()
  .min(1)
  .max(64)
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat("en", { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, "is not a known time zone");

export const shiftSchema = z.strictObject({
  name: z.string().trim().min(1, "a name").max(40),
  start: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "must be HH:MM (24 h)"),
});
export type Shift = z.infer<typeof shiftSchema>;

export const notifySettingsSchema = z.strictObject({
  additional_instruction: z.string().max(1000, "at most 1000 characters"),
  mandatory_comments: flag,
  always_notify: flag,
  show_patient_name: flag,
  share_comment: flag,
  is_email: flag,
  /** Minutes from a critical result's approval to its notification that the lab promises (TJC). */
  notify_target_minutes: minutes(1440),
  /** Minutes of waiting after which an open critical result is escalated (level 1). */
  escalation_after_minutes: minutes(1440),
  /** Unsuccessful attempts after which an open critical result is escalated (level 1). */
  max_attempts: z.number().int().min(1, "at least 1").max(20, "at most 20"),
  /** Who is emailed when a critical result is escalated (supervisor, on-call pathologist). */
  escalation_emails: z.array(z.email("must be an email address").max(320)).max(20, "at most 20 addresses"),
  ack_link_hours: z.number().int().min(1, "at least 1 hour").max(720, "at most 720 hours"),
  time_zone: timeZone,
  shifts: z
    .array(shiftSchema)
    .min(1, "at least one shift")
    .max(6, "at most 6 shifts")
    .refine((shifts) => new Set(shifts.map((s) => s.start)).size === shifts.length, "two shifts start at the same time"),
  /** The number recipients call back. */
  lab_phone: z.string().trim().max(50, "at most 50 characters"),
});
export type NotifySettings = z.infer<typeof notifySettingsSchema>;

/** A PUT replaces the whole configuration; escalating after the target was missed would be no warning. */
export const notifySettingsPutSchema = notifySettingsSchema.refine((s) => s.escalation_after_minutes <= s.notify_target_minutes, {
  path: ["escalation_after_minutes"],
  message: "must not be later than notify_target_minutes",
});

export const DEFAULT_NOTIFY_SETTINGS: NotifySettings = {
  additional_instruction: "",
  mandatory_comments: 0,
  always_notify: 0,
  show_patient_name: 0,
  share_comment: 0,
  is_email: 1,
  notify_target_minutes: 60,
  escalation_after_minutes: 30,
  max_attempts: 3,
  escalation_emails: [],
  ack_link_hours: 72,
  time_zone: "UTC",
  shifts: [
    { name: "Day", start: "07:00" },
    { name: "Evening", start: "15:00" },
    { name: "Night", start: "23:00" },
  ],
  lab_phone: "",
};

export const notifySettingsResponseSchema = z.object({ settings: notifySettingsSchema, can_edit: z.boolean() });
export type NotifySettingsResponse = z.infer<typeof notifySettingsResponseSchema>;
