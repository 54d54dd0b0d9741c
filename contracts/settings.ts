// The lab's notify configuration (DESIGN §6), stored in lab_settings under one key.
import { z } from "zod";

export const NOTIFY_SETTINGS_KEY = "critical_notification_settings";

const flag = z.union([z.literal(0), z.literal(1)]);

export const notifySettingsSchema = z.strictObject({
  additional_instruction: z.string().max(1000, "at most 1000 characters"),
  mandatory_comments: flag,
  always_notify: flag,
  show_patient_name: flag,
  share_comment: flag,
  is_email: flag,
});
export type NotifySettings = z.infer<typeof notifySettingsSchema>;

export const DEFAULT_NOTIFY_SETTINGS: NotifySettings = {
  additional_instruction: "",
  mandatory_comments: 0,
  always_notify: 0,
  show_patient_name: 0,
  share_comment: 0,
  is_email: 1,
};

export const notifySettingsResponseSchema = z.object({ settings: notifySettingsSchema, can_edit: z.boolean() });
export type NotifySettingsResponse = z.infer<typeof notifySettingsResponseSchema>;
