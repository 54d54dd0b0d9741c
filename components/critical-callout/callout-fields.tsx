"use client";
// The callout form's sections below the report list: recipients, channels, other people to notify,
// contact already made (CAP asks for the person reached and the read-back of verbal results), and
// the comment. Controlled: the state lives in CriticalCalloutModal. Laid out by the form panel's
// width (the dialog makes it an @container), not the viewport's, since the history may sit beside it.

import { Fragment, useId } from "react";
import { COMMUNICATION_METHODS, type CommunicationMethod, METHOD_LABEL, RECIPIENTS } from "@/domain/callout/activity";
import type { CalloutBillDto } from "@/contracts/bill";
import { MAX_COMMENT_LENGTH } from "@/contracts/critical";
import { type CalloutForm, toggle } from "./callout-form";
import { contactFor, contactLines } from "./contact";

type Update = (patch: (form: CalloutForm) => CalloutForm) => void;

export const inputClass =
  "mt-1 w-full rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm text-ink placeholder:text-slate-400 disabled:bg-slate-50";
const legendClass = "text-sm font-semibold text-ink";
const checkboxClass = "h-4 w-4 shrink-0 accent-brand-700";


export function RecipientsField({ bill, form, update }: { bill: CalloutBillDto; form: CalloutForm; update: Update }) {
  const id = useId();
  return (
    <fieldset>
      <legend className={legendClass}>Recipients</legend>
      {/* One row each, so a long email address stays on one line beside the name (under it, narrow). */}
      <ul className="mt-2 divide-y divide-slate-100 rounded-md border border-slate-200">
        {RECIPIENTS.map((r) => {
          const c = contactFor(bill, r);
          return (
            <li key={r} className="grid items-start gap-x-3 gap-y-1 px-3 py-2 @md:grid-cols-[8.5rem_minmax(0,1fr)]">
              <div className="flex items-center gap-2">
                <input
                  id={`${id}-${r}`}
                  type="checkbox"
                  className={checkboxClass}
                  disabled={!c}
                  checked={!!c && form.recipients.includes(r)}
                  onChange={(e) => update((f) => ({ ...f, recipients: toggle(f.recipients, r, e.target.checked) }))}
                  aria-describedby={`${id}-${r}-contact`}
                />
                <label htmlFor={`${id}-${r}`} className="text-sm font-medium">
                  {r}
                </label>
              </div>
              <div id={`${id}-${r}-contact`} className="pl-6 text-sm leading-snug text-slate-600 @md:pl-0">
                {c ? (
                  <>
                    <span className="font-medium text-slate-800">{c.name}</span>
                    <span className="block text-xs">
                      {/* Breaks only between the items, never inside a phone number or address. */}
                      {contactLines(c).map((line, i) => (
                        <Fragment key={line}>
                          {i > 0 && " · "}
                          <span className="whitespace-nowrap">{line}</span>
                        </Fragment>
                      ))}
                    </span>
                  </>
                ) : (
                  "None on this bill"
                )}
              </div>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}

/** Channels without a delivery provider: the choice is recorded with the callout, nothing goes out. */
export const NO_PROVIDER_METHODS: readonly CommunicationMethod[] = ["fax", "sms", "whatsapp"];

export function ChannelsField({ form, update, emailOff }: { form: CalloutForm; update: Update; emailOff: boolean }) {
  const id = useId();
  return (
    <fieldset>
      <legend className={legendClass}>Channels</legend>
      <div className="mt-2 flex flex-wrap gap-x-5 gap-y-2">
        {COMMUNICATION_METHODS.map((m) => {
          const off = m === "email" && emailOff;
          const noProvider = NO_PROVIDER_METHODS.includes(m);
          const describedBy = off ? `${id}-email-off` : noProvider ? `${id}-${m}-tag ${id}-no-provider` : `${id}-email-note`;
          return (
            <div key={m} className="flex items-center gap-2">
              <input
                id={`${id}-${m}`}
                type="checkbox"
                className={checkboxClass}
                disabled={off}
                checked={!off && form.methods.includes(m)}
                onChange={(e) => update((f) => ({ ...f, methods: toggle(f.methods, m, e.target.checked) }))}
                aria-describedby={describedBy}
              />
              <label htmlFor={`${id}-${m}`} className="text-sm">
                {METHOD_LABEL[m]}
              </label>
              {noProvider && (
                <span id={`${id}-${m}-tag`} className="rounded border border-slate-200 bg-slate-50 px-1.5 text-xs text-slate-600">
                  recorded, not sent
                </span>
              )}
            </div>
          );
        })}
      </div>
      {emailOff ? (
        <p id={`${id}-email-off`} className="mt-1 text-xs text-slate-600">
          Email is turned off in the lab's notify configuration.
        </p>
      ) : (
        <p id={`${id}-email-note`} className="mt-1 text-xs text-slate-600">
          Email is queued for the recipients with an address once the callout is done; the history shows whether each message was sent.
        </p>
      )}
      <p id={`${id}-no-provider`} className="mt-1 text-xs text-slate-600">
        No fax, SMS or WhatsApp provider is configured: these channels are recorded with the callout, nothing is sent.
      </p>
    </fieldset>
  );
}

function TextInput({
  label,
  value,
  onChange,
  type = "text",
  autoComplete = "off",
  maxLength,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  type?: "text" | "email" | "tel";
  autoComplete?: string;
  maxLength: number;
}) {
  const id = useId();
  return (
    <div>
      <label htmlFor={id} className="block text-xs font-medium text-slate-700">
        {label}
      </label>
      <input id={id} type={type} value={value} maxLength={maxLength} autoComplete={autoComplete} onChange={(e) => onChange(e.target.value)} className={inputClass} />
    </div>
  );
}

export function NotifyOthersField({ form, update }: { form: CalloutForm; update: Update }) {
  const set = (k: keyof CalloutForm["others"]) => (v: string) => update((f) => ({ ...f, others: { ...f.others, [k]: v } }));
  return (
    <fieldset>
      <legend className={legendClass}>
        Notify others <span className="font-normal text-slate-500">(optional)</span>
      </legend>
      <div className="mt-1 grid gap-3 @md:grid-cols-2 @3xl:grid-cols-4">
        <TextInput label="Name" value={form.others.name} onChange={set("name")} maxLength={200} />
        <TextInput label="Email" type="email" value={form.others.email} onChange={set("email")} maxLength={320} />
        <TextInput label="Fax" type="tel" value={form.others.fax} onChange={set("fax")} maxLength={50} />
        <TextInput label="Contact number" type="tel" value={form.others.contactNumber} onChange={set("contactNumber")} maxLength={50} />
      </div>
    </fieldset>
  );
}

export function AlreadyNotifiedField({ form, update }: { form: CalloutForm; update: Update }) {
  const id = useId();
  const setPhone = (k: "name" | "contact") => (v: string) => update((f) => ({ ...f, phoneCall: { ...f.phoneCall, [k]: v } }));
  const setFax = (k: "name" | "faxNumber") => (v: string) => update((f) => ({ ...f, fax: { ...f.fax, [k]: v } }));
  return (
    <fieldset>
      <legend className={legendClass}>
        Already notified <span className="font-normal text-slate-500">(contact made outside the app)</span>
      </legend>
      <div className="mt-1 grid gap-3 @3xl:grid-cols-2">
        <fieldset className="rounded-md border border-slate-200 p-3">
          <legend className="px-1 text-xs font-semibold uppercase tracking-wide text-slate-600">Phone call</legend>
          <div className="grid gap-3 @md:grid-cols-2">
            <TextInput label="Name of person reached" value={form.phoneCall.name} onChange={setPhone("name")} maxLength={200} />
            <TextInput label="Phone number" type="tel" value={form.phoneCall.contact} onChange={setPhone("contact")} maxLength={50} />
          </div>
          <div className="mt-2 flex items-center gap-2">
            <input
              id={`${id}-readback`}
              type="checkbox"
              className={checkboxClass}
              checked={form.phoneCall.readBack}
              onChange={(e) => update((f) => ({ ...f, phoneCall: { ...f.phoneCall, readBack: e.target.checked } }))}
            />
            <label htmlFor={`${id}-readback`} className="text-sm">
              Result was read back
            </label>
          </div>
        </fieldset>
        <fieldset className="rounded-md border border-slate-200 p-3">
          <legend className="px-1 text-xs font-semibold uppercase tracking-wide text-slate-600">Fax</legend>
          <div className="grid gap-3 @md:grid-cols-2">
            <TextInput label="Name (fax sent to)" value={form.fax.name} onChange={setFax("name")} maxLength={200} />
            <TextInput label="Fax number" type="tel" value={form.fax.faxNumber} onChange={setFax("faxNumber")} maxLength={50} />
          </div>
        </fieldset>
      </div>
    </fieldset>
  );
}

export function CommentField({ form, update, required }: { form: CalloutForm; update: Update; required: boolean }) {
  const id = useId();
  const length = form.comment.length;
  return (
    <div>
      <div className="flex items-baseline justify-between">
        <label htmlFor={id} className={legendClass}>
          Comment {required ? <span className="font-normal text-slate-600">(required by the lab)</span> : <span className="font-normal text-slate-500">(optional)</span>}
        </label>
        <span id={`${id}-count`} className={`text-xs tabular-nums ${length >= MAX_COMMENT_LENGTH ? "text-red-700" : "text-slate-500"}`}>
          {length} / {MAX_COMMENT_LENGTH}
          <span className="sr-only"> characters</span>
        </span>
      </div>
      <textarea
        id={id}
        rows={3}
        value={form.comment}
        maxLength={MAX_COMMENT_LENGTH}
        required={required}
        aria-describedby={`${id}-count`}
        onChange={(e) => update((f) => ({ ...f, comment: e.target.value }))}
        className={`${inputClass} resize-y`}
      />
    </div>
  );
}
