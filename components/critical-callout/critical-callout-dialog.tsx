"use client";
// The critical callout dialog: a native <dialog> opened with showModal(), which makes the page
// behind inert and closes on Esc; Tab is additionally kept inside (it would otherwise wander to the
// browser's toolbar). Loaded on demand by CriticalCalloutTrigger, which owns (or is handed) the open
// state and puts focus back on close. `options` carry what the opener asks for: reports to
// pre-select, a notice on top (why it opened, then what happened), a callback on a done callout.

import { type KeyboardEvent, useId, useLayoutEffect, useRef, useState } from "react";
import type { CalloutBillDto } from "@/contracts/bill";
import { CriticalCalloutLogs } from "./critical-callout-logs";
import { CriticalCalloutModal } from "./critical-callout-modal";
import type { CalloutDialogOptions } from "./dialog-options";
import { AlertCircleIcon, CheckCircleIcon, CloseIcon, InfoIcon } from "./icons";
import { NotifySettingsPanel } from "./notify-settings-panel";

const TABS = [
  { id: "callout", label: "Callout" },
  { id: "config", label: "Notify configuration" },
] as const;
type TabId = (typeof TABS)[number]["id"];

const FOCUSABLE = 'a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])';

/** Wraps Tab and Shift+Tab around the dialog's visible, enabled controls. */
function keepFocusInside(e: KeyboardEvent<HTMLDialogElement>) {
  if (e.key !== "Tab") return;
  const nodes = Array.from(e.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE)).filter(
    (el) => el.tabIndex >= 0 && !el.matches(":disabled") && el.getClientRects().length > 0,
  );
  if (nodes.length === 0) return;
  const first = nodes[0];
  const last = nodes[nodes.length - 1];
  if (e.shiftKey && document.activeElement === first) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && document.activeElement === last) {
    e.preventDefault();
    first.focus();
  }
}

const NOTICE_TONE = {
  info: { className: "border-brand-100 bg-brand-50 text-brand-800", Icon: InfoIcon },
  warning: { className: "border-amber-300 bg-amber-50 text-amber-950", Icon: AlertCircleIcon },
  success: { className: "border-brand-600/40 bg-brand-50 text-brand-800", Icon: CheckCircleIcon },
  error: { className: "border-red-200 bg-red-50 text-red-900", Icon: AlertCircleIcon },
} as const;

export default function CriticalCalloutDialog({
  bill,
  onClose,
  options,
}: {
  bill: CalloutBillDto;
  onClose: () => void;
  options?: CalloutDialogOptions;
}) {
  const id = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const tabRefs = useRef<Partial<Record<TabId, HTMLButtonElement | null>>>({});
  const [tab, setTab] = useState<TabId>("callout");
  const reportIds = bill.reports.map((r) => r.labReportId);

  // Before paint, so the dialog never shows for a frame as a non-modal box in the page flow.
  useLayoutEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    tabRefs.current.callout?.focus();
    return () => dialog.close();
  }, []);

  function selectTab(next: TabId, focus = false) {
    setTab(next);
    if (focus) tabRefs.current[next]?.focus();
  }

  function onTabKeyDown(e: KeyboardEvent<HTMLButtonElement>) {
    const i = TABS.findIndex((t) => t.id === tab);
    const to =
      e.key === "ArrowRight" ? (i + 1) % TABS.length : e.key === "ArrowLeft" ? (i - 1 + TABS.length) % TABS.length : e.key === "Home" ? 0 : e.key === "End" ? TABS.length - 1 : -1;
    if (to < 0) return;
    e.preventDefault();
    selectTab(TABS[to].id, true);
  }

  return (
    // Esc fires "cancel" then "close"; the close button calls close(): one path back to the trigger.
    <dialog
      ref={dialogRef}
      aria-labelledby={`${id}-title`}
      // Read with the title when the dialog opens, since a live region's first content is not announced.
      aria-describedby={options?.notice ? `${id}-notice` : undefined}
      aria-modal="true"
      onClose={onClose}
      onKeyDown={keepFocusInside}
      // A phone gets the whole screen; wider screens a framed dialog.
      className="m-0 h-dvh max-h-none w-full max-w-none flex-col overflow-hidden bg-white p-0 text-ink shadow-2xl backdrop:bg-slate-900/50 open:flex sm:m-auto sm:h-[calc(100dvh-2rem)] sm:w-[min(84rem,calc(100vw-2rem))] sm:rounded-xl"
    >
      {/* On a phone the tabs take a line of their own under the title and the close button. */}
      <header className="flex flex-wrap items-start gap-x-4 border-b border-slate-200 px-4 pt-4 sm:flex-nowrap sm:px-6">
        <div className="min-w-0 flex-1 pb-3">
          <h2 id={`${id}-title`} className="text-lg font-semibold">
            Critical callout
          </h2>
          <p className="text-sm text-slate-600">
            <span className="font-medium text-slate-800">{bill.patient.name}</span> ·{" "}
            <span className="whitespace-nowrap">Accession {bill.accessionNo}</span> · <span className="whitespace-nowrap">Bill {bill.billId}</span>
          </p>
        </div>
        <div className="contents sm:flex sm:items-end sm:gap-4 sm:self-stretch">
          <div role="tablist" aria-label="Critical callout sections" className="order-last flex w-full gap-1 self-end sm:order-none sm:w-auto">
            {TABS.map((t) => (
              <button
                key={t.id}
                ref={(el) => {
                  tabRefs.current[t.id] = el;
                }}
                id={`${id}-tab-${t.id}`}
                type="button"
                role="tab"
                aria-selected={tab === t.id}
                aria-controls={`${id}-panel-${t.id}`}
                tabIndex={tab === t.id ? 0 : -1}
                onClick={() => selectTab(t.id)}
                onKeyDown={onTabKeyDown}
                className="-mb-px whitespace-nowrap rounded-t-md border border-transparent px-4 py-2 text-sm font-medium text-slate-600 hover:text-ink aria-selected:border-slate-200 aria-selected:border-b-white aria-selected:bg-white aria-selected:text-brand-800"
              >
                {t.label}
              </button>
            ))}
          </div>
          <button
            type="button"
            onClick={() => dialogRef.current?.close()}
            className="mb-3 self-start rounded-md p-1.5 text-slate-600 hover:bg-slate-100 hover:text-ink"
          >
            <CloseIcon className="h-5 w-5" />
            <span className="sr-only">Close</span>
          </button>
        </div>
      </header>

      {options?.notice !== undefined && <Notice id={`${id}-notice`} tone={options.noticeTone ?? "info"} text={options.notice} />}

      <div
        role="tabpanel"
        id={`${id}-panel-callout`}
        aria-labelledby={`${id}-tab-callout`}
        hidden={tab !== "callout"}
        // Each scroller is `relative`, so absolutely placed descendants (sr-only text) stay inside it
        // instead of overflowing the dialog, which focus() would then scroll.
        // Side by side only where both fit (the form's tables need about 36rem, the history 22rem);
        // narrower, the form and then the history scroll as one column.
        className="relative min-h-0 flex-1 overflow-y-auto lg:grid lg:grid-cols-[minmax(0,3fr)_minmax(22rem,2fr)] lg:overflow-hidden"
      >
        <div className="@container relative min-w-0 lg:min-h-0 lg:overflow-y-auto">
          <CriticalCalloutModal bill={bill} preselect={options?.preselect} onCalloutDone={options?.onCalloutDone} />
        </div>
        <div className="relative min-w-0 border-t border-slate-200 bg-slate-50 lg:min-h-0 lg:overflow-y-auto lg:border-l lg:border-t-0">
          <CriticalCalloutLogs reportIds={reportIds} />
        </div>
      </div>
      <div
        role="tabpanel"
        id={`${id}-panel-config`}
        aria-labelledby={`${id}-tab-config`}
        hidden={tab !== "config"}
        className="relative min-h-0 flex-1 overflow-y-auto px-4 py-5 sm:px-6"
      >
        <NotifySettingsPanel />
      </div>
    </dialog>
  );
}

/** The opener's message. Always the same live region while the dialog is open, so changes are read. */
function Notice({ id, tone, text }: { id: string; tone: keyof typeof NOTICE_TONE; text: CalloutDialogOptions["notice"] }) {
  const t = NOTICE_TONE[tone];
  return (
    <div className={`flex items-start gap-2 border-b px-4 py-2.5 sm:px-6 text-sm ${t.className}`}>
      <t.Icon className="mt-0.5 h-4 w-4 shrink-0" />
      <div id={id} role="status" aria-live="polite" className="min-w-0">
        {text}
      </div>
    </div>
  );
}
