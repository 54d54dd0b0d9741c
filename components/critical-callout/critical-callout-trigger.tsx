"use client";
// The "Critical callout" button. Owns the dialog's open state; the dialog's code (and zod, the
// contracts, the form) is a separate chunk fetched on first hover/focus or click, so the bill page
// ships only this button. Hover/focus also prefetches endpoints 1 and 2 and the lab's settings, so
// the dialog usually opens with its data already there.

import { useQueryClient } from "@tanstack/react-query";
import { lazy, Suspense, useRef, useState } from "react";
import type { CalloutBillDto } from "@/lib/contracts/bill";

const loadDialog = () => import("./critical-callout-dialog");
const CriticalCalloutDialog = lazy(loadDialog);

export function CriticalCalloutTrigger({
  bill,
  label = "Critical callout",
  className,
}: {
  bill: CalloutBillDto;
  /** The button's text (and accessible name). */
  label?: string;
  className?: string;
}) {
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const queryClient = useQueryClient();

  function prefetch() {
    // Both promises are cached by the bundler, so repeated hovers cost nothing; prefetchQuery
    // skips queries that are still fresh.
    // A failed chunk load here is retried by the click, which shows its own error.
    loadDialog().catch(() => {});
    import("./api")
      .then((api) =>
        Promise.all([
          queryClient.prefetchQuery(api.criticalRecordsQueryOptions(bill.billId)),
          queryClient.prefetchQuery(api.calloutLogsQueryOptions(bill.reports.map((r) => r.labReportId))),
          queryClient.prefetchQuery(api.notifySettingsQueryOptions()),
        ]),
      )
      .catch(() => {});
  }

  function close() {
    setOpen(false);
    buttonRef.current?.focus();
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
          <CriticalCalloutDialog bill={bill} onClose={close} />
        </Suspense>
      )}
    </>
  );
}
