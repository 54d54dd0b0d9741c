// GET /settings/critical-notification → the lab's notify configuration (everyone in the lab).
// PUT /settings/critical-notification → replace it (support users only).
import { getNotifySettings, putNotifySettings } from "@/db/queries/settings";
import { readJson } from "@/server/api/body";
import { withSession } from "@/server/api/handler";
import { canEditNotifySettings } from "@/domain/auth/permissions";
import { notifySettingsPutSchema } from "@/contracts/settings";
import { ApiError } from "@/domain/errors";
import { otherMethods } from "@/server/api/methods";

export const GET = withSession(async ({ db, session }) => ({
  settings: await getNotifySettings(db, session.labId),
  can_edit: canEditNotifySettings(session),
}));

export const PUT = withSession(async ({ req, db, session }) => {
  if (!canEditNotifySettings(session)) throw new ApiError("forbidden", "Only support users can change the notify configuration");
  const settings = await readJson(req, notifySettingsPutSchema);
  return { settings: await putNotifySettings(db, session.labId, settings), can_edit: true };
});

export const { POST, PATCH, DELETE, OPTIONS } = otherMethods("GET", "PUT");
