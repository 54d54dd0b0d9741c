// Lab-wide notify configuration: read with defaults filled in, written whole.
import { and, asc, eq } from "drizzle-orm";
import { DEFAULT_NOTIFY_SETTINGS, NOTIFY_SETTINGS_KEY, type NotifySettings, notifySettingsSchema } from "@/contracts/settings";
import type { Queryable } from "../connect";
import { labSettings, labs } from "../schema";

/** Every lab's notify configuration (the escalation worker serves all labs of the database). */
export async function allLabsNotifySettings(db: Queryable): Promise<{ labId: number; labName: string; settings: NotifySettings }[]> {
  const rows = await db
    .select({ labId: labs.id, labName: labs.name, value: labSettings.value })
    .from(labs)
    .leftJoin(labSettings, and(eq(labSettings.labId, labs.id), eq(labSettings.key, NOTIFY_SETTINGS_KEY)))
    .orderBy(asc(labs.id));
  return rows.map((r) => ({ labId: r.labId, labName: r.labName, settings: settingsFromStored(r.value) }));
}

export async function getNotifySettings(db: Queryable, labId: number): Promise<NotifySettings> {
  const [row] = await db
    .select({ value: labSettings.value })
    .from(labSettings)
    .where(and(eq(labSettings.labId, labId), eq(labSettings.key, NOTIFY_SETTINGS_KEY)))
    .limit(1);
  return settingsFromStored(row?.value);
}

/** Stored values written by other tools may be partial or odd: keep what is valid, default the rest. */
export function settingsFromStored(value: unknown): NotifySettings {
  const stored = (value && typeof value === "object" ? value : {}) as Record<string, unknown>;
  const merged: Record<string, unknown> = { ...DEFAULT_NOTIFY_SETTINGS };
  for (const key of Object.keys(DEFAULT_NOTIFY_SETTINGS)) {
    if (!(key in stored)) continue; // the default stands (and a zod failure per absent key costs endpoint 1)
    const field = notifySettingsSchema.shape[key as keyof NotifySettings];
    const v = stored[key];
    const coerced = typeof v === "boolean" ? Number(v) : v;
    if (field.safeParse(coerced).success) merged[key] = coerced;
  }
  return merged as NotifySettings;
}

export async function putNotifySettings(db: Queryable, labId: number, settings: NotifySettings): Promise<NotifySettings> {
  await db
    .insert(labSettings)
    .values({ labId, key: NOTIFY_SETTINGS_KEY, value: settings })
    .onConflictDoUpdate({ target: [labSettings.labId, labSettings.key], set: { value: settings } });
  return settings;
}
