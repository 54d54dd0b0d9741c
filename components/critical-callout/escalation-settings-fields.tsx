"use client";
// The notify configuration's clock and escalation settings (DESIGN §9): the lab's target, when and to
// whom an open critical result is escalated, the acknowledgement link's life, the lab's time zone and
// shifts, and the number recipients call back. Checked with the same contract the server uses, so a
// problem shows beside the form before it is sent.
import { useState } from "react";
import { type NotifySettings, notifySettingsPutSchema, type Shift } from "@/contracts/settings";
import { inputClass } from "./callout-fields";

type NumberKey = "notify_target_minutes" | "escalation_after_minutes" | "max_attempts" | "ack_link_hours";

const NUMBERS: { key: NumberKey; label: string; unit: string; help: string; max: number }[] = [
  { key: "notify_target_minutes", label: "Notification target", unit: "min", help: "How soon a critical result must reach someone (CLSI GP47: at most 60).", max: 1440 },
  { key: "escalation_after_minutes", label: "Escalate after", unit: "min", help: "An open critical result is escalated once it has waited this long.", max: 1440 },
  { key: "max_attempts", label: "Escalate after attempts", unit: "attempts", help: "…or once this many attempts did not reach anyone.", max: 20 },
  { key: "ack_link_hours", label: "Acknowledgement link valid for", unit: "h", help: "How long the link in a callout email can confirm receipt.", max: 720 },
];

/** Every problem the server would answer for this configuration, by field. */
export function settingsProblems(draft: NotifySettings): Map<string, string> {
  const parsed = notifySettingsPutSchema.safeParse(draft);
  const problems = new Map<string, string>();
  if (parsed.success) return problems;
  for (const issue of parsed.error.issues) {
    const key = String(issue.path[0] ?? "");
    if (!problems.has(key)) problems.set(key, issue.message);
  }
  return problems;
}

const TIME_ZONES: string[] = (() => {
  const supported = (Intl as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf?.("timeZone") ?? [];
  return ["UTC", ...supported.filter((z) => z !== "UTC")];
})();

const splitEmails = (text: string) => text.split(/[\s,;]+/).map((s) => s.trim()).filter(Boolean);

interface FieldsProps {
  id: string;
  draft: NotifySettings;
  setDraft: (update: (d: NotifySettings) => NotifySettings) => void;
  problems: Map<string, string>;
}

function Problem({ id, text }: { id: string; text?: string }) {
  return text ? (
    <p id={id} className="text-xs font-medium text-red-800">
      {text}
    </p>
  ) : null;
}

export function EscalationSettingsFields({ id, draft, setDraft, problems }: FieldsProps) {
  const [emails, setEmails] = useState(draft.escalation_emails.join("\n"));
  const setShifts = (shifts: Shift[]) => setDraft((d) => ({ ...d, shifts }));
  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-semibold">Clock and escalation</legend>
      <div className="grid gap-3 sm:grid-cols-2">
        {NUMBERS.map((n) => (
          <div key={n.key}>
            <label htmlFor={`${id}-${n.key}`} className="text-sm font-medium">
              {n.label} ({n.unit})
            </label>
            <input
              id={`${id}-${n.key}`}
              type="number"
              min={1}
              max={n.max}
              step={1}
              value={Number.isFinite(draft[n.key]) ? draft[n.key] : ""}
              aria-describedby={`${id}-${n.key}-help`}
              aria-invalid={problems.has(n.key) || undefined}
              onChange={(e) => setDraft((d) => ({ ...d, [n.key]: e.target.valueAsNumber }))}
              className={inputClass}
            />
            <p id={`${id}-${n.key}-help`} className="text-xs text-slate-600">
              {n.help}
            </p>
            <Problem id={`${id}-${n.key}-problem`} text={problems.get(n.key)} />
          </div>
        ))}
      </div>
      <div>
        <label htmlFor={`${id}-emails`} className="text-sm font-medium">
          Escalation emails
        </label>
        <textarea
          id={`${id}-emails`}
          rows={2}
          value={emails}
          aria-describedby={`${id}-emails-help`}
          aria-invalid={problems.has("escalation_emails") || undefined}
          onChange={(e) => {
            setEmails(e.target.value);
            setDraft((d) => ({ ...d, escalation_emails: splitEmails(e.target.value) }));
          }}
          className={inputClass}
        />
        <p id={`${id}-emails-help`} className="text-xs text-slate-600">
          One address per line: the supervisor or on-call pathologist told when a result is escalated.
        </p>
        <Problem id={`${id}-emails-problem`} text={problems.get("escalation_emails")} />
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        <div>
          <label htmlFor={`${id}-tz`} className="text-sm font-medium">
            Lab time zone
          </label>
          <select id={`${id}-tz`} value={draft.time_zone} onChange={(e) => setDraft((d) => ({ ...d, time_zone: e.target.value }))} className={inputClass}>
            {(TIME_ZONES.includes(draft.time_zone) ? TIME_ZONES : [draft.time_zone, ...TIME_ZONES]).map((z) => (
              <option key={z}>{z}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-phone`} className="text-sm font-medium">
            Lab phone (for call-backs)
          </label>
          <input id={`${id}-phone`} type="tel" maxLength={50} value={draft.lab_phone} onChange={(e) => setDraft((d) => ({ ...d, lab_phone: e.target.value }))} className={inputClass} />
        </div>
      </div>
      <ShiftsEditor id={id} shifts={draft.shifts} onChange={setShifts} problem={problems.get("shifts")} />
    </fieldset>
  );
}

function ShiftsEditor({ id, shifts, onChange, problem }: { id: string; shifts: Shift[]; onChange: (s: Shift[]) => void; problem?: string }) {
  const edit = (i: number, change: Partial<Shift>) => onChange(shifts.map((s, j) => (j === i ? { ...s, ...change } : s)));
  return (
    <fieldset aria-describedby={problem ? `${id}-shifts-problem` : undefined}>
      <legend className="text-sm font-medium">Shifts (start times in the lab's zone)</legend>
      <ul className="mt-1 space-y-2">
        {shifts.map((s, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place; their position is their identity
          <li key={i} className="flex items-center gap-2">
            <input aria-label={`Shift ${i + 1} name`} value={s.name} maxLength={40} onChange={(e) => edit(i, { name: e.target.value })} className={`${inputClass} mt-0 w-40`} />
            <input aria-label={`Shift ${i + 1} start`} type="time" value={s.start} onChange={(e) => edit(i, { start: e.target.value })} className={`${inputClass} mt-0 w-32`} />
            <button
              type="button"
              onClick={() => onChange(shifts.filter((_, j) => j !== i))}
              disabled={shifts.length <= 1}
              className="rounded border border-slate-300 px-2 py-1 text-xs font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-50"
            >
              Remove<span className="sr-only"> shift {i + 1}</span>
            </button>
          </li>
        ))}
      </ul>
      {shifts.length < 6 && (
        <button type="button" onClick={() => onChange([...shifts, { name: "", start: "12:00" }])} className="mt-2 text-sm font-medium text-brand-700 underline underline-offset-2">
          Add a shift
        </button>
      )}
      <Problem id={`${id}-shifts-problem`} text={problem} />
    </fieldset>
  );
}

/** The same settings, read only (users who may not change them). */
export function EscalationSettingsView({ settings }: { settings: NotifySettings }) {
  const rows: [string, string][] = [
    ["Notification target", `${settings.notify_target_minutes} min`],
    ["Escalate after", `${settings.escalation_after_minutes} min, or ${settings.max_attempts} unsuccessful attempts`],
    ["Escalation emails", settings.escalation_emails.join(", ") || "None"],
    ["Acknowledgement link valid for", `${settings.ack_link_hours} h`],
    ["Lab time zone", settings.time_zone],
    ["Shifts", settings.shifts.map((s) => `${s.name} ${s.start}`).join(", ")],
    ["Lab phone", settings.lab_phone || "None"],
  ];
  return (
    <>
      {rows.map(([label, value]) => (
        <div key={label} className="grid gap-1 px-4 py-3 sm:grid-cols-[14rem_1fr]">
          <dt className="text-sm font-medium">{label}</dt>
          <dd className="text-sm text-slate-700">{value}</dd>
        </div>
      ))}
    </>
  );
}
