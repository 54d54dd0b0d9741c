// GET /settings/critical-notification → the lab's notify configuration (everyone in the lab).
// PUT /settings/critical-notification → replace it (support users only).
import { getNotifySettings, putNotifySettings } from "@/db/queries/settings";
import { readJson } from "@/lib/api/body";
import { withSession } from "@/lib/api/handler";
import { canEditNotifySettings } from "@/lib/auth/permissions";
import { notifySettingsSchema } from "@/lib/contracts/settings";
import { ApiError } from "@/lib/errors";

export const GET = withSession(async ({ db, session }) => ({
  settings: await getNotifySettings(db, session.labId),
  can_edit: canEditNotifySettings(session),
}));

export const PUT = withSession(async ({ req, db, session }) => {
  if (!canEditNotifySettings(session)) throw new ApiError("forbidden", "Only support users can change the notify configuration");
  const settings = await readJson(req, notifySettingsSchema);
  return { settings: await putNotifySettings(db, session.labId, settings), can_edit: true };
});
