"use client";
// The outcome of the next action (DESIGN §9) as one click: a radio group whose options look like
// buttons. It starts preset (no answer for an attempt; reached once a person is named, else message
// sent, for done), so the action button alone still records an outcome.
import { ATTEMPT_OUTCOMES, DONE_OUTCOMES, OUTCOME_LABEL, type OutcomeCode } from "@/domain/callout/outcome";
import { type CalloutForm, doneOutcomeOf } from "./callout-form";

export function OutcomeChoice<C extends OutcomeCode>({
  name,
  legend,
  options,
  value,
  onChange,
  hint,
}: {
  name: string;
  legend: string;
  options: readonly C[];
  value: C;
  onChange: (code: C) => void;
  hint?: string;
}) {
  return (
    <fieldset>
      <legend className="text-sm font-semibold">{legend}</legend>
      {hint && <p className="text-xs text-slate-600">{hint}</p>}
      <div className="mt-1.5 flex flex-wrap gap-1.5">
        {options.map((code) => (
          <label
            key={code}
            className="cursor-pointer rounded-full border border-slate-300 bg-white px-3 py-1 text-sm text-slate-800 hover:bg-slate-50 has-checked:border-brand-700 has-checked:bg-brand-50 has-checked:font-semibold has-checked:text-brand-900 has-focus-visible:outline-2 has-focus-visible:outline-brand-600"
          >
            <input type="radio" name={name} value={code} checked={value === code} onChange={() => onChange(code)} className="sr-only" />
            {value === code && <span aria-hidden="true">✓ </span>}
            {OUTCOME_LABEL[code]}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** Both outcomes of the form: the one "Save attempt" records and the one "Mark as done" records. */
export function OutcomeField({ form, update }: { form: CalloutForm; update: (patch: (f: CalloutForm) => CalloutForm) => void }) {
  return (
    <div className="space-y-3 rounded-lg border border-slate-200 bg-slate-50/60 p-3">
      <OutcomeChoice
        name="attempt-outcome"
        legend="Outcome of an attempt"
        hint="Recorded by Save attempt."
        options={ATTEMPT_OUTCOMES}
        value={form.attemptOutcome}
        onChange={(code) => update((f) => ({ ...f, attemptOutcome: code }))}
      />
      <OutcomeChoice
        name="done-outcome"
        legend="Outcome when done"
        hint="Recorded by Mark as done. Reached: a person took the result (named, with read-back, under the phone call already made)."
        options={DONE_OUTCOMES}
        value={doneOutcomeOf(form)}
        onChange={(code) => update((f) => ({ ...f, doneOutcome: code }))}
      />
    </div>
  );
}
