"use client";
// The "Critical callout" button. Renders the one dialog of the page; the dialog's code (and zod, the
// contracts, the form) is a separate chunk fetched on first hover/focus or click, so the bill page
// ships only this button. Hover/focus also prefetches endpoint 2 and the lab's settings, so the
// history usually opens already there. Not endpoint 1: the dialog fetches it anew on every opening,
// since its form must not be seeded from an answer older than the opening.
//
// The open state is its own, or the caller's (`open` + `onOpenChange`): the bill page opens the
// same dialog from a report's Sign button when signing needs a callout first (always_notify).

import { useQueryClient } from "@tanstack/react-query";
import { lazy, Suspense, useRef, useState } from "react";
import type { CalloutBillDto } from "@/contracts/bill";
import type { CalloutDialogOptions } from "./dialog-options";

const loadDialog = () => import("./critical-callout-dialog");
const CriticalCalloutDialog = lazy(loadDialog);

/** Loads the dialog's chunk and warms the queries it opens with; safe to call repeatedly. */
export function usePrefetchCalloutDialog(bill: CalloutBillDto) {
  const queryClient = useQueryClient();
  return function prefetch() {
    // Both promises are cached by the bundler, so repeated hovers cost nothing; prefetchQuery
    // skips queries that are still fresh.
    // A failed chunk load here is retried by the click, which shows its own error.
    loadDialog().catch(() => {});
    import("./api")
      .then((api) =>
        Promise.all([
          queryClient.prefetchQuery(api.calloutLogsQueryOptions(bill.reports.map((r) => r.labReportId))),
          queryClient.prefetchQuery(api.notifySettingsQueryOptions()),
        ]),
      )
      .catch(() => {});
  };
}

export function CriticalCalloutTrigger({
  bill,
  label = "Critical callout",
  className,
  open: openProp,
  onOpenChange,
  dialogOptions,
  returnFocusTo,
}: {
  bill: CalloutBillDto;
  /** The button's text (and accessible name). */
  label?: string;
  className?: string;
  /** Controlled open state; the trigger keeps its own when absent. */
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
  /** Pre-selection, notice and done callback for this opening of the dialog. */
  dialogOptions?: CalloutDialogOptions;
  /** Where focus goes back when the dialog closes (e.g. the Sign button that opened it); null → this button. */
  returnFocusTo?: () => HTMLElement | null;
}) {
  const [ownOpen, setOwnOpen] = useState(false);
  const open = openProp ?? ownOpen;
  const buttonRef = useRef<HTMLButtonElement>(null);
  const prefetch = usePrefetchCalloutDialog(bill);

  function setOpen(next: boolean) {
    if (openProp === undefined) setOwnOpen(next);
    onOpenChange?.(next);
  }

  function close() {
    const target = returnFocusTo?.() ?? buttonRef.current;
    setOpen(false);
    target?.focus();
  }

  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        aria-haspopup="dialog"
        onPointerEnter={prefetch}
        onFocus={prefetch}
        onClick={() => setOpen(true)}
        className={
          className ??
          "inline-flex items-center gap-2 rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-brand-800"
        }
      >
        {label}
      </button>
      {open && (
        <Suspense
          fallback={
            <div role="status" className="fixed inset-0 z-50 grid place-items-center bg-slate-900/30">
              <span className="rounded-md bg-white px-4 py-2 text-sm shadow">Opening critical callout…</span>
            </div>
          }
        >
          <CriticalCalloutDialog bill={bill} onClose={close} options={dialogOptions} />
        </Suspense>
      )}
    </>
  );
}
