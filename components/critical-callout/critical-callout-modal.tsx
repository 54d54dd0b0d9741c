"use client";
// The dialog's left panel: the bill's critical reports (endpoint 1) and the callout form, with the
// two actions of endpoint 4. DESIGN §6 names this panel `CriticalCalloutModal`, so the name stays;
// the dialog around it is `CriticalCalloutDialog` (critical-callout-dialog.tsx). Endpoint 2 is fetched
// beside it by CriticalCalloutLogs; both requests leave as the dialog mounts, so they run in parallel.

import { type UseQueryResult, useIsMutating, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useLayoutEffect, useState } from "react";
import { METHOD_LABEL, RECIPIENTS } from "@/domain/callout/activity";
import type { CalloutBillDto } from "@/contracts/bill";
import type { CriticalRecordsResponse } from "@/contracts/critical";
import type { NotifySettingsResponse } from "@/contracts/settings";
import { isOpenStatus } from "@/domain/critical/status";
import { ApiError } from "@/domain/errors";
import { plural } from "@/domain/format";
import { criticalCalloutKeys, criticalRecordsQueryOptions, notifySettingsQueryOptions, useSaveCallout } from "./api";
import { AlreadyNotifiedField, ChannelsField, CommentField, NotifyOthersField, RecipientsField } from "./callout-fields";
import { blockers, type CalloutForm, initialForm, toRequestBody, toggle, withSelection } from "./callout-form";
import { contactFor } from "./contact";
import { errorMessage, QueryError, Skeleton } from "./feedback";
import { InfoIcon } from "./icons";
import { ChangedNotice, PresenceNotice, useCalloutLive } from "./live-notices";
import { OutcomeField } from "./outcome-choice";
import { ReportAccordion } from "./report-accordion";

/**
 * Endpoint 1 as it stands since this opening of the dialog, else undefined. On open (once a save
 * still in flight from before the last close has settled), any request sent earlier (a save's
 * refetch, a hover's) is cancelled and a new one sent; only an answer that arrived after that counts.
 * So the form is never seeded from what the cache held from an earlier opening.
 */
function useRecordsSinceOpening(billId: number) {
  const queryClient = useQueryClient();
  const records = useQuery(criticalRecordsQueryOptions(billId));
  const savesInFlight = useIsMutating({ mutationKey: criticalCalloutKeys.save(billId) });
  const [openedAt, setOpenedAt] = useState<number | null>(null);
  useLayoutEffect(() => {
    // Once per opening: a save made inside this opening resets the form itself (CalloutFormView).
    if (openedAt !== null || savesInFlight > 0) return;
    setOpenedAt(Date.now());
    const { queryKey } = criticalRecordsQueryOptions(billId);
    // Cancelling reverts the entry, so it keeps its old dataUpdatedAt until the new answer lands.
    void queryClient.cancelQueries({ queryKey, exact: true }).then(() => queryClient.refetchQueries({ queryKey, exact: true }));
  }, [queryClient, billId, openedAt, savesInFlight]);
  const since = (at: number) => openedAt !== null && at >= openedAt;
  return {
    fresh: records.data !== undefined && since(records.dataUpdatedAt) ? records.data : undefined,
    // An error of this opening's request (not one left from an earlier opening), once it gave up.
    error: since(records.errorUpdatedAt) && !records.isFetching ? records.error : null,
    retry: () => records.refetch(),
  };
}

export function CriticalCalloutModal({
  bill,
  preselect,
  onCalloutDone,
}: {
  bill: CalloutBillDto;
  /** Reports to select when the form opens (the report a Sign waits on), instead of the draft's or the open ones. */
  preselect?: readonly number[];
  /** After "Mark as done" was saved and the data refetched, with the reports it covered. */
  onCalloutDone?: (labReportIds: readonly number[]) => void;
}) {
  const { fresh, error, retry } = useRecordsSinceOpening(bill.billId);
  const settings = useQuery(notifySettingsQueryOptions());
  if (!fresh) {
    if (error) return <QueryError error={error} what="the critical results" onRetry={retry} />;
    return <Skeleton label="Loading critical results…" rows={4} />;
  }
  return <CalloutFormView bill={bill} records={fresh} settings={settings} preselect={preselect} onCalloutDone={onCalloutDone} />;
}


/** What the actions will record, in one line, so it can be checked before clicking. */
function summary(form: CalloutForm, emailOff: boolean): string {
  const body = toRequestBody(form, false, { is_email: emailOff ? 0 : 1 });
  const methods = body.critical_callout_meta.communication_methods.map((m) => METHOD_LABEL[m]);
  return [plural(body.lab_report_ids.length, "report"), body.recipients.join(", "), methods.join(", ")].filter(Boolean).join(" · ");
}

function CalloutFormView({
  bill,
  records,
  settings,
  preselect,
  onCalloutDone,
}: {
  bill: CalloutBillDto;
  records: CriticalRecordsResponse;
  settings: UseQueryResult<NotifySettingsResponse>;
  preselect?: readonly number[];
  onCalloutDone?: (labReportIds: readonly number[]) => void;
}) {
  const id = useId();
  const queryClient = useQueryClient();
  const save = useSaveCallout(bill.billId);
  const [form, setForm] = useState<CalloutForm>(() => withSelection(initialForm(records), records, preselect));
  const [collapsed, setCollapsed] = useState<ReadonlySet<number>>(new Set());
  const [announcement, setAnnouncement] = useState("");
  // The bill version the form was filled from, sent as If-Match: a save never overwrites unseen work.
  const [baseVersion, setBaseVersion] = useState(records.callout_version);
  const live = useCalloutLive(bill.billId);

  const config = settings.data?.settings;
  const available = { recipients: RECIPIENTS.filter((r) => contactFor(bill, r)) };
  const block = blockers(form, config, available);
  const waitingForSettings = settings.isPending;
  const saving = save.isPending;
  const reasonsBoth = waitingForSettings ? ["Loading the lab's notify configuration…", ...block.both] : block.both;
  const canAttempt = !saving && reasonsBoth.length === 0;
  const canDone = canAttempt && block.done.length === 0;

  const update = (patch: (f: CalloutForm) => CalloutForm) => setForm(patch);

  function submit(isDraft: boolean) {
    if (isDraft ? !canAttempt : !canDone) return;
    setAnnouncement("");
    save.mutate({ body: toRequestBody(form, isDraft, config), version: baseVersion }, {
      onError: (err) => {
        // Someone changed the bill since the form was filled: the message says who; the form keeps
        // what was typed, and the next save is based on the version the user has now been shown.
        if (err instanceof ApiError && err.code === "bill_changed") {
          const current = (err.details as { version?: unknown } | undefined)?.version;
          if (typeof current === "number") setBaseVersion(current);
        }
      },
      onSuccess: (res) => {
        setBaseVersion(res.version);
        // The hook awaited the refetch, so the cache holds the bill as it now stands: start the
        // form over from it (a saved attempt is the draft again; a done callout leaves a clean form).
        const fresh = queryClient.getQueryData<CriticalRecordsResponse>(criticalCalloutKeys.records(bill.billId));
        if (fresh) {
          setForm(initialForm(fresh));
          setBaseVersion(fresh.callout_version);
        }
        const n = plural(res.callout.lab_report_ids.length, "report");
        setAnnouncement(
          isDraft
            ? `Attempt saved for ${n}. Statuses and history are updated.`
            : `Callout marked as done for ${n}. Statuses and history are updated.`,
        );
        if (!isDraft) onCalloutDone?.(res.callout.lab_report_ids);
      },
    });
  }

  const reports = records.reports;
  const openCount = reports.filter((r) => isOpenStatus(r.lab_report.criticalValues)).length;
  const instruction = config?.additional_instruction.trim();

  return (
    <form aria-labelledby={`${id}-title`} onSubmit={(e) => e.preventDefault()} className="flex min-h-full flex-col">
      <h3 id={`${id}-title`} className="sr-only">
        Callout form
      </h3>
      <div className="flex-1 space-y-5 p-5">
        {instruction && (
          <aside aria-label="Lab instruction" className="flex gap-2 rounded-lg border border-brand-100 bg-brand-50 px-3 py-2 text-sm text-brand-800">
            <InfoIcon className="mt-0.5 h-4 w-4 shrink-0" />
            <p>
              <span className="font-semibold">Lab instruction: </span>
              {instruction}
            </p>
          </aside>
        )}
        <PresenceNotice people={live.people} />
        {live.latest && live.latest.version > baseVersion && !saving && <ChangedNotice change={live.latest} />}
        {settings.isError && <QueryError error={settings.error} what="the lab's notify configuration" onRetry={() => settings.refetch()} />}

        {reports.length === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-300 bg-slate-50 p-6 text-center text-sm text-slate-600">
            No critical results on this bill await a callout in your departments.
          </p>
        ) : (
          <fieldset disabled={saving} className="space-y-5">
            <fieldset>
              <legend className="float-left text-sm font-semibold text-ink">
                Reports to call out{" "}
                <span className="font-normal text-slate-600">
                  ({form.selected.length} of {reports.length} selected, {openCount} open)
                </span>
              </legend>
              <div className="float-right flex gap-1 text-sm">
                <button
                  type="button"
                  className="rounded px-2 py-0.5 text-brand-700 hover:bg-brand-50"
                  onClick={() => update((f) => ({ ...f, selected: reports.filter((r) => isOpenStatus(r.lab_report.criticalValues)).map((r) => r.lab_report.labReportId) }))}
                >
                  Select open
                </button>
                <button type="button" className="rounded px-2 py-0.5 text-brand-700 hover:bg-brand-50" onClick={() => update((f) => ({ ...f, selected: [] }))}>
                  Clear
                </button>
              </div>
              <ul className="clear-both mt-2 space-y-2">
                {reports.map((r) => {
                  const rid = r.lab_report.labReportId;
                  return (
                    <ReportAccordion
                      key={rid}
                      report={r}
                      checked={form.selected.includes(rid)}
                      onCheckedChange={(on) => update((f) => ({ ...f, selected: toggle(f.selected, rid, on) }))}
                      expanded={!collapsed.has(rid)}
                      onExpandedChange={(open) => setCollapsed((c) => new Set(open ? [...c].filter((x) => x !== rid) : [...c, rid]))}
                    />
                  );
                })}
              </ul>
            </fieldset>
            <RecipientsField bill={bill} form={form} update={update} />
            <ChannelsField form={form} update={update} emailOff={config?.is_email === 0} />
            <NotifyOthersField form={form} update={update} />
            <AlreadyNotifiedField form={form} update={update} />
            <CommentField form={form} update={update} required={config?.mandatory_comments === 1} />
            <OutcomeField form={form} update={update} />
          </fieldset>
        )}
      </div>

      {reports.length > 0 && (
        <div className="sticky bottom-0 border-t border-slate-200 bg-white/95 px-5 py-3 backdrop-blur">
          {save.isError && (
            <div role="alert" className="mb-2 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900">
              <span className="font-medium">Not saved: </span>
              {errorMessage(save.error)}{" "}
              {save.error instanceof ApiError && save.error.code === "bill_changed"
                ? "Your entries are kept; the statuses and history now show the change. Save again once you have reviewed it."
                : "Your entries are kept; correct them and try again."}
            </div>
          )}
          <p role="status" aria-live="polite" className="text-sm font-medium text-brand-800 [&:not(:empty)]:mb-2">
            {announcement}
          </p>
          <div className="flex flex-wrap items-center justify-between gap-3">
            <ul id={`${id}-reasons`} className="text-xs text-slate-600">
              {reasonsBoth.map((r) => (
                <li key={r}>{r}</li>
              ))}
              {reasonsBoth.length === 0 &&
                block.done.map((r) => (
                  <li key={r}>
                    <span className="font-medium">To mark as done:</span> {r}
                  </li>
                ))}
              {reasonsBoth.length === 0 && block.done.length === 0 && <li>{summary(form, config?.is_email === 0)}</li>}
            </ul>
            <div className="ml-auto flex gap-2">
              <button
                type="button"
                aria-disabled={!canAttempt}
                aria-describedby={`${id}-reasons`}
                onClick={() => submit(true)}
                className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-ink hover:bg-slate-50 aria-disabled:cursor-not-allowed aria-disabled:opacity-50"
              >
                {saving && save.variables?.body.is_draft ? "Saving attempt…" : "Save attempt"}
              </button>
              <button
                type="button"
                aria-disabled={!canDone}
                aria-describedby={`${id}-reasons`}
                onClick={() => submit(false)}
                className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800 aria-disabled:cursor-not-allowed aria-disabled:opacity-50"
              >
                {saving && save.variables && !save.variables.body.is_draft ? "Marking as done…" : "Mark as done"}
              </button>
            </div>
          </div>
        </div>
      )}
    </form>
  );
}
