"use client";
// The dialog's right panel: the bill's callout history (endpoint 2) as a vertical timeline. Every
// attempt stays visible next to the done callouts, since attempts that reached nobody must never
// vanish from the record.

import { useQuery } from "@tanstack/react-query";
import { type ReactNode, useEffect, useId, useMemo, useState } from "react";
import { calloutLogsQueryOptions } from "./api";
import { QueryError, Skeleton } from "./feedback";
import { AlertCircleIcon, CheckCircleIcon, ClockIcon, InfoIcon, MinusCircleIcon, PhoneRetryIcon } from "./icons";
import { type DeliveryLine, relativeTime, type TimelineEntry, toTimelineEntry } from "./log-entry";

const CHANNEL_LABEL: Record<string, string> = { email: "Email", fax: "Fax", sms: "SMS", whatsapp: "WhatsApp" };

/**
 * A message's delivery in words. Only "sent" says sent: a message without a provider (fax, SMS,
 * WhatsApp; email without a mail server), still queued, or failed says plainly that it was not.
 */
const DELIVERY_STATUS: Record<string, { text: string; className: string; Icon: typeof CheckCircleIcon }> = {
  sent: { text: "sent", className: "text-brand-800", Icon: CheckCircleIcon },
  pending: { text: "queued, not sent yet", className: "text-amber-900", Icon: ClockIcon },
  failed: { text: "failed, not sent", className: "text-red-800", Icon: AlertCircleIcon },
  no_provider: { text: "not sent, no provider configured", className: "text-slate-700", Icon: MinusCircleIcon },
};

function DeliveryStatus({ d }: { d: DeliveryLine }) {
  const s = DELIVERY_STATUS[d.status] ?? { text: `not sent (${d.status})`, className: "text-slate-700", Icon: MinusCircleIcon };
  return (
    <span className={`inline-flex items-center gap-1 font-medium ${s.className}`}>
      <s.Icon className="h-3.5 w-3.5 shrink-0" />
      {s.text}
    </span>
  );
}
const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

/** The current time, refreshed every minute so "5 min. ago" does not go stale on an open dialog. */
function useNow(intervalMs = 60_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const t = setInterval(() => setNow(new Date()), intervalMs);
    return () => clearInterval(t);
  }, [intervalMs]);
  return now;
}

export function CriticalCalloutLogs({ reportIds }: { reportIds: readonly number[] }) {
  const id = useId();
  const logs = useQuery(calloutLogsQueryOptions(reportIds));
  const [newestFirst, setNewestFirst] = useState(true);
  const now = useNow();
  const entries = useMemo(() => (logs.data?.logs ?? []).map(toTimelineEntry), [logs.data]);
  // The endpoint answers oldest first.
  const ordered = newestFirst ? [...entries].reverse() : entries;

  return (
    <section aria-labelledby={`${id}-title`} className="flex min-h-full flex-col">
      <div className="sticky top-0 z-10 flex items-center justify-between gap-2 border-b border-slate-200 bg-slate-50/95 px-5 py-3 backdrop-blur">
        <h3 id={`${id}-title`} className="text-sm font-semibold text-ink">
          Callout history
          {logs.data && <span className="font-normal text-slate-600"> ({entries.length})</span>}
        </h3>
        <fieldset className="flex rounded-md border border-slate-300 bg-white p-0.5 text-xs">
          <legend className="sr-only">Order</legend>
          {[true, false].map((newest) => (
            <button
              key={String(newest)}
              type="button"
              aria-pressed={newestFirst === newest}
              onClick={() => setNewestFirst(newest)}
              className="rounded px-2 py-1 text-slate-700 aria-pressed:bg-brand-700 aria-pressed:text-white"
            >
              {newest ? "Newest first" : "Oldest first"}
            </button>
          ))}
        </fieldset>
      </div>
      <div className="flex-1 p-5">
        {logs.isFetching && logs.data && (
          <p className="mb-2 text-xs text-slate-500" aria-hidden="true">
            Updating…
          </p>
        )}
        {!logs.data ? (
          logs.isError ? (
            <QueryError error={logs.error} what="the callout history" onRetry={() => logs.refetch()} />
          ) : (
            <Skeleton label="Loading callout history…" rows={3} />
          )
        ) : entries.length === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center text-sm text-slate-600">No callouts recorded yet.</p>
        ) : (
          <ol aria-label="Callouts" className="relative space-y-4 border-l-2 border-slate-200 pl-5">
            {ordered.map((e) => (
              <TimelineItem key={e.id} entry={e} now={now} />
            ))}
          </ol>
        )}
        {logs.isError && logs.data && <QueryError error={logs.error} what="the latest callout history" onRetry={() => logs.refetch()} />}
      </div>
    </section>
  );
}

function ActionBadge({ action }: { action: TimelineEntry["action"] }) {
  if (action === "Done") {
    return (
      <span className="inline-flex items-center gap-1 rounded-full border border-brand-100 bg-brand-50 px-2 py-0.5 text-xs font-semibold text-brand-800">
        <CheckCircleIcon className="h-3.5 w-3.5" /> Done
      </span>
    );
  }
  if (action === "Attempted") {
    return (
      <span className="inline-flex items-center gap-1 rounded-full border border-amber-200 bg-amber-50 px-2 py-0.5 text-xs font-semibold text-amber-900">
        <PhoneRetryIcon className="h-3.5 w-3.5" /> Attempted
      </span>
    );
  }
  if (action === "Acknowledged") {
    return (
      <span className="inline-flex items-center gap-1 rounded-full border border-green-300 bg-green-50 px-2 py-0.5 text-xs font-semibold text-green-900">
        <CheckCircleIcon className="h-3.5 w-3.5" /> Acknowledged
      </span>
    );
  }
  if (action === "Escalated") {
    return (
      <span className="inline-flex items-center gap-1 rounded-full border border-dashed border-purple-400 bg-purple-50 px-2 py-0.5 text-xs font-semibold text-purple-900">
        <InfoIcon className="h-3.5 w-3.5" /> Escalated
      </span>
    );
  }
  return (
    <span className="inline-flex items-center gap-1 rounded-full border border-slate-200 bg-white px-2 py-0.5 text-xs font-semibold text-slate-700">
      <InfoIcon className="h-3.5 w-3.5" /> Callout
    </span>
  );
}

function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[7rem_1fr] gap-2">
      <dt className="text-slate-500">{term}</dt>
      <dd className="min-w-0 break-words text-slate-800">{children}</dd>
    </div>
  );
}

function TimelineItem({ entry: e, now }: { entry: TimelineEntry; now: Date }) {
  const dot = { Done: "bg-brand-700", Attempted: "bg-amber-500", Escalated: "bg-purple-600", Acknowledged: "bg-green-700", Callout: "bg-slate-400" }[e.action];
  return (
    <li className="relative">
      <span aria-hidden="true" className={`absolute -left-[1.72rem] top-2 h-3 w-3 rounded-full ring-4 ring-slate-50 ${dot}`} />
      <article className="rounded-lg border border-slate-200 bg-white p-3 text-sm shadow-sm">
        <header className="flex flex-wrap items-center gap-x-2 gap-y-1">
          <ActionBadge action={e.action} />
          <span className="font-medium text-ink">{e.who || "Unknown user"}</span>
          <time dateTime={e.when.toISOString()} className="ml-auto text-xs text-slate-600">
            <span className="whitespace-nowrap">{dateTime.format(e.when)}</span> · <span className="whitespace-nowrap">{relativeTime(e.when, now)}</span>
          </time>
        </header>
        <dl className="mt-2 space-y-1 text-sm">
          {e.outcome && (
            <Row term="Outcome">
              <span className="font-medium">{e.outcome.text}</span>
              {e.outcome.note && <span className="text-slate-600"> · {e.outcome.note}</span>}
            </Row>
          )}
          {e.escalation && (
            <Row term="Escalation">
              Level {e.escalation.level}
              {e.escalation.reason && `: ${e.escalation.reason}`}
              {e.escalation.emails.length > 0 ? ` · emailed ${e.escalation.emails.join(", ")}` : " · no escalation email configured"}
            </Row>
          )}
          {e.acknowledgement && <Row term="Receipt">{e.acknowledgement.via}</Row>}
          {e.tests.length > 0 && <Row term="Reports">{e.tests.join(", ")}</Row>}
          {e.methods.length > 0 && <Row term="Channels">{e.methods.join(", ")}</Row>}
          {e.recipients.length > 0 && <Row term="Recipients">{e.recipients.join(", ")}</Row>}
          {e.others && (
            <Row term="Also notified">
              {e.others.name}
              {e.others.detail && <span className="text-slate-600"> · {e.others.detail}</span>}
            </Row>
          )}
          {e.phoneCall && (
            <Row term="Phone call">
              {e.phoneCall.name}
              {e.phoneCall.contact && (
                <span className="text-slate-600">
                  {" · "}
                  <span className="whitespace-nowrap">{e.phoneCall.contact}</span>
                </span>
              )}
              <span className="text-slate-600"> · </span>
              {e.phoneCall.readBack ? (
                <span className="font-medium text-brand-800">Read back ✓</span>
              ) : (
                <span className="font-medium text-amber-900">Not read back</span>
              )}
            </Row>
          )}
          {e.fax && (
            <Row term="Faxed by staff">
              {e.fax.name}
              {e.fax.faxNumber && (
                <span className="text-slate-600">
                  {" · "}
                  <span className="whitespace-nowrap">{e.fax.faxNumber}</span>
                </span>
              )}
            </Row>
          )}
          {e.deliveries.length > 0 && (
            <Row term="Messages">
              <ul>
                {e.deliveries.map((d, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: deliveries have no id and never reorder
                  <li key={i}>
                    {CHANNEL_LABEL[d.channel] ?? d.channel} to {d.recipientName || (d as { address?: string }).address}: <DeliveryStatus d={d} />
                  </li>
                ))}
              </ul>
            </Row>
          )}
          {e.fallbackText && <Row term="Entry">{e.fallbackText}</Row>}
        </dl>
        {e.comment && <blockquote className="mt-2 border-l-2 border-slate-300 pl-3 text-slate-700">{e.comment}</blockquote>}
      </article>
    </li>
  );
}
