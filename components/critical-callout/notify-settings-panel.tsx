"use client";
// The "Notify configuration" tab: the lab's settings (DESIGN §6 and §9). Lab-wide, so only support
// users may change them (the GET says so in can_edit; the PUT enforces it); others read them.

import { useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import type { NotifySettings } from "@/contracts/settings";
import { notifySettingsQueryOptions, useSaveNotifySettings } from "./api";
import { inputClass } from "./callout-fields";
import { EscalationSettingsFields, EscalationSettingsView, settingsProblems } from "./escalation-settings-fields";
import { errorMessage, QueryError, Skeleton } from "./feedback";
import { LockIcon } from "./icons";

type Flag = "mandatory_comments" | "always_notify" | "show_patient_name" | "share_comment" | "is_email";

const FLAGS: { key: Flag; label: string; help: string }[] = [
  { key: "mandatory_comments", label: "Comment required", help: "Save attempt and Mark as done stay disabled until a comment is typed." },
  { key: "always_notify", label: "Callout before signing", help: "Signing a report with open critical values requires a callout first." },
  { key: "show_patient_name", label: "HIPAA mode", help: "Outgoing messages carry the accession number instead of the patient's name." },
  { key: "share_comment", label: "Share comment", help: "The callout comment is appended to outgoing messages." },
  { key: "is_email", label: "Email channel", help: "Callouts may be sent by email." },
];

export function NotifySettingsPanel() {
  const settings = useQuery(notifySettingsQueryOptions());
  if (!settings.data) {
    if (settings.isError) return <QueryError error={settings.error} what="the notify configuration" onRetry={() => settings.refetch()} />;
    return <Skeleton label="Loading the notify configuration…" rows={2} />;
  }
  return settings.data.can_edit ? <SettingsForm initial={settings.data.settings} /> : <SettingsView settings={settings.data.settings} />;
}

function SettingsView({ settings }: { settings: NotifySettings }) {
  return (
    <div className="max-w-3xl space-y-4">
      <p className="flex items-start gap-2 rounded-lg border border-slate-200 bg-slate-50 px-3 py-2 text-sm text-slate-700">
        <LockIcon className="mt-0.5 h-4 w-4 shrink-0" />
        The notify configuration applies to the whole lab; only support users (lab supervisors) can change it.
      </p>
      <dl className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
        <div className="grid gap-1 px-4 py-3 sm:grid-cols-[14rem_1fr]">
          <dt className="text-sm font-medium">Additional instruction</dt>
          <dd className="text-sm text-slate-700">{settings.additional_instruction || <span className="text-slate-500">None</span>}</dd>
        </div>
        {FLAGS.map((f) => (
          <div key={f.key} className="grid gap-1 px-4 py-3 sm:grid-cols-[14rem_1fr]">
            <dt className="text-sm font-medium">{f.label}</dt>
            <dd className="text-sm text-slate-700">
              <span className={`font-semibold ${settings[f.key] ? "text-brand-800" : "text-slate-600"}`}>{settings[f.key] ? "On" : "Off"}</span>
              <span className="text-slate-600"> — {f.help}</span>
            </dd>
          </div>
        ))}
        <EscalationSettingsView settings={settings} />
      </dl>
    </div>
  );
}

function SettingsForm({ initial }: { initial: NotifySettings }) {
  const id = useId();
  const [draft, setDraft] = useState<NotifySettings>(initial);
  const [announcement, setAnnouncement] = useState("");
  const save = useSaveNotifySettings();
  const dirty = JSON.stringify(draft) !== JSON.stringify(initial);
  const problems = settingsProblems(draft);

  return (
    <form
      className="max-w-3xl space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        if (save.isPending || !dirty || problems.size > 0) return;
        setAnnouncement("");
        save.mutate(draft, {
          onSuccess: (res) => {
            setDraft(res.settings);
            setAnnouncement("Notify configuration saved.");
          },
        });
      }}
    >
      <p className="text-sm text-slate-600">These settings apply to every user of the lab.</p>
      <div>
        <label htmlFor={`${id}-instruction`} className="text-sm font-semibold">
          Additional instruction
        </label>
        <p id={`${id}-instruction-help`} className="text-xs text-slate-600">
          Shown to staff at the top of the callout form.
        </p>
        <textarea
          id={`${id}-instruction`}
          rows={3}
          maxLength={1000}
          value={draft.additional_instruction}
          aria-describedby={`${id}-instruction-help`}
          onChange={(e) => setDraft((d) => ({ ...d, additional_instruction: e.target.value }))}
          className={inputClass}
        />
      </div>
      <fieldset className="space-y-3">
        <legend className="text-sm font-semibold">Rules</legend>
        {FLAGS.map((f) => (
          <div key={f.key} className="flex items-start gap-2">
            <input
              id={`${id}-${f.key}`}
              type="checkbox"
              checked={draft[f.key] === 1}
              onChange={(e) => setDraft((d) => ({ ...d, [f.key]: e.target.checked ? 1 : 0 }))}
              aria-describedby={`${id}-${f.key}-help`}
              className="mt-0.5 h-4 w-4 accent-brand-700"
            />
            <div>
              <label htmlFor={`${id}-${f.key}`} className="text-sm font-medium">
                {f.label}
              </label>
              <p id={`${id}-${f.key}-help`} className="text-xs text-slate-600">
                {f.help}
              </p>
            </div>
          </div>
        ))}
      </fieldset>
      <EscalationSettingsFields id={id} draft={draft} setDraft={setDraft} problems={problems} />
      {save.isError && (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900">
          <span className="font-medium">Not saved: </span>
          {errorMessage(save.error)}
        </p>
      )}
      <div className="flex items-center gap-3">
        <button
          type="submit"
          aria-disabled={save.isPending || !dirty || problems.size > 0}
          className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800 aria-disabled:cursor-not-allowed aria-disabled:opacity-50"
        >
          {save.isPending ? "Saving…" : "Save configuration"}
        </button>
        <p role="status" aria-live="polite" className="text-sm font-medium text-brand-800">
          {announcement}
        </p>
      </div>
    </form>
  );
}
