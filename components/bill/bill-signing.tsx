"use client";
// Signing on the bill page: the Sign and "Sign all" mutations, the result to announce, and the one
// critical callout dialog of the page, which both the header's "Critical callout" button and a
// report's Sign button open.
//
// always_notify (DESIGN §6): when Sign answers 409 `callout_required`, the dialog opens with that
// report selected and says why; once "Mark as done" covers the report, the sign is retried by
// itself. Closing the dialog without that leaves the report unsigned, and the page says so.
// "Sign all" is exempt, as in the original system (like auto-approval).

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { createContext, type ReactNode, type RefObject, useContext, useRef, useState } from "react";
import { CriticalCalloutTrigger, usePrefetchCalloutDialog } from "@/components/critical-callout/critical-callout-trigger";
import type { CalloutDialogOptions } from "@/components/critical-callout/dialog-options";
import { criticalCalloutKeys } from "@/components/critical-callout/keys";
import type { CalloutBillDto } from "@/contracts/bill";
import { plural } from "@/domain/format";

const loadRequests = () => import("./sign-requests");

export interface SignTarget {
  labReportId: number;
  testName: string;
}

export interface Outcome {
  tone: "info" | "success" | "warning" | "error";
  /** A short first sentence, in bold. */
  title?: string;
  text: string;
}

const messageOf = (err: unknown) => (err instanceof Error ? err.message : "Something went wrong");
const added = (set: ReadonlySet<number>, ids: readonly number[]) => new Set([...set, ...ids]);
const removed = (set: ReadonlySet<number>, id: number) => new Set([...set].filter((x) => x !== id));

interface BillSigning {
  /** Reports signed since the page rendered, shown as Signed before the refreshed page arrives. */
  signedNow: ReadonlySet<number>;
  /** Reports whose Sign request is in flight. */
  signing: ReadonlySet<number>;
  signingAll: boolean;
  outcome: Outcome | null;
  outcomeRef: RefObject<HTMLDivElement | null>;
  sign(target: SignTarget): void;
  signAll(): void;
  /** On hover/focus of a Sign button: the request module, and the dialog when a callout may be needed. */
  prefetch(withDialog: boolean): void;
  registerSignButton(labReportId: number, el: HTMLButtonElement | null): void;
  dialog: {
    open: boolean;
    onOpenChange(open: boolean): void;
    options: CalloutDialogOptions | undefined;
    returnFocusTo(): HTMLElement | null;
  };
}

const BillSigningContext = createContext<BillSigning | null>(null);

export function useBillSigning(): BillSigning {
  const ctx = useContext(BillSigningContext);
  if (!ctx) throw new Error("useBillSigning must be used inside <BillSigningProvider>");
  return ctx;
}

export function BillSigningProvider({ bill, children }: { bill: CalloutBillDto; children: ReactNode }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const prefetchDialog = usePrefetchCalloutDialog(bill);

  const [signedNow, setSignedNow] = useState<ReadonlySet<number>>(new Set());
  const [signing, setSigning] = useState<ReadonlySet<number>>(new Set());
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [dialogOpen, setDialogOpen] = useState(false);
  /** The report whose Sign opened the dialog (null when opened from the header button). */
  const [dialogTarget, setDialogTarget] = useState<SignTarget | null>(null);
  /** The report still waiting for a done callout before it can be signed. A ref: read in callbacks. */
  const awaiting = useRef<SignTarget | null>(null);
  const outcomeRef = useRef<HTMLDivElement>(null);
  const signButtons = useRef(new Map<number, HTMLButtonElement>());

  function afterSign(ids: readonly number[]) {
    // A signed report's Sign button is replaced by its badge: focus must not fall back to <body>.
    if (ids.some((id) => document.activeElement === signButtons.current.get(id))) outcomeRef.current?.focus();
    setSignedNow((s) => added(s, ids));
    router.refresh();
    // Not awaited: the dialog's queries (if open) refetch in the background.
    void queryClient.invalidateQueries({ queryKey: criticalCalloutKeys.all });
  }

  const signMutation = useMutation({
    mutationFn: async (labReportId: number) => (await loadRequests()).signReport(labReportId),
    onSuccess: (res) => afterSign([res.labReportId]),
  });
  const signAllMutation = useMutation({
    mutationFn: async () => (await loadRequests()).signAllReports(bill.billId),
    onSuccess: (res) => afterSign(res.signed),
  });

  async function sign(target: SignTarget, afterCallout = false) {
    const { labReportId: id, testName: name } = target;
    setSigning((s) => added(s, [id]));
    setOutcome({ tone: "info", text: afterCallout ? `Callout done. Signing ${name}…` : `Signing ${name}…` });
    try {
      // mutateAsync, not mutate: each click gets its own result even when two rows are signed at once.
      await signMutation.mutateAsync(id);
      setOutcome({ tone: "success", text: afterCallout ? `Callout done and ${name} signed.` : `${name} is signed.` });
    } catch (err) {
      // Loaded already: the failed request came through it (or, if it could not load, this says so).
      const { isCalloutRequired, CALLOUT_REQUIRED_MESSAGE } = await loadRequests().catch(() => ({ isCalloutRequired: () => false, CALLOUT_REQUIRED_MESSAGE: "" }));
      if (!isCalloutRequired(err)) {
        setOutcome({ tone: "error", title: `${name} was not signed.`, text: `${messageOf(err)} Use Sign to try again.` });
      } else if (afterCallout) {
        // Another open critical value (or a colleague's change) since the callout: still blocked.
        awaiting.current = target;
        setOutcome({ tone: "warning", title: `${name} is not signed yet.`, text: CALLOUT_REQUIRED_MESSAGE });
      } else {
        awaiting.current = target;
        setOutcome({ tone: "warning", title: `${name} is not signed yet.`, text: CALLOUT_REQUIRED_MESSAGE });
        setDialogTarget(target);
        setDialogOpen(true);
      }
    } finally {
      setSigning((s) => removed(s, id));
    }
  }

  async function signAll() {
    setOutcome({ tone: "info", text: "Signing all reports…" });
    try {
      const res = await signAllMutation.mutateAsync();
      const n = res.signed.length;
      setOutcome(
        n === 0
          ? { tone: "success", text: "Nothing to sign: every report you can see on this bill is already signed." }
          : { tone: "success", text: `Signed ${plural(n, "report")} with “Sign all”.` },
      );
    } catch (err) {
      setOutcome({ tone: "error", title: "The reports were not signed.", text: `${messageOf(err)} Use “Sign all” to try again.` });
    }
  }

  function onCalloutDone(labReportIds: readonly number[]) {
    const target = awaiting.current;
    if (!target) return;
    if (!labReportIds.includes(target.labReportId)) {
      setOutcome({
        tone: "warning",
        title: `${target.testName} is not signed yet.`,
        text: "The callout marked as done did not include it. Select it and mark its callout as done; it will then be signed.",
      });
      return;
    }
    awaiting.current = null;
    void sign(target, true);
  }

  function onOpenChange(open: boolean) {
    setDialogOpen(open);
    if (open) return;
    const target = awaiting.current;
    if (target) {
      awaiting.current = null;
      setOutcome({
        tone: "warning",
        title: `${target.testName} was not signed.`,
        text: "The callout dialog was closed before a callout was marked as done for it, so it stays unsigned. Mark its callout as done, then sign it.",
      });
    }
    setDialogTarget(null);
  }

  /** Back to the Sign button that opened the dialog; to the result once that button is gone (signed). */
  function returnFocusTo(): HTMLElement | null {
    if (!dialogTarget) return null;
    const button = signButtons.current.get(dialogTarget.labReportId);
    return button?.isConnected ? button : outcomeRef.current;
  }

  const value: BillSigning = {
    signedNow,
    signing,
    signingAll: signAllMutation.isPending,
    outcome,
    outcomeRef,
    sign: (target) => void sign(target),
    signAll: () => void signAll(),
    prefetch(withDialog) {
      loadRequests().catch(() => {});
      if (withDialog) prefetchDialog();
    },
    registerSignButton(id, el) {
      if (el) signButtons.current.set(id, el);
      else signButtons.current.delete(id);
    },
    dialog: {
      open: dialogOpen,
      onOpenChange,
      options:
        dialogTarget && outcome
          ? {
              preselect: [dialogTarget.labReportId],
              notice: <OutcomeText outcome={outcome} />,
              noticeTone: outcome.tone,
              onCalloutDone,
            }
          : undefined,
      returnFocusTo,
    },
  };

  return <BillSigningContext.Provider value={value}>{children}</BillSigningContext.Provider>;
}

export function OutcomeText({ outcome }: { outcome: Outcome }) {
  return (
    <p>
      {outcome.title && <span className="font-semibold">{outcome.title} </span>}
      {outcome.text}
    </p>
  );
}

/** The header's "Critical callout" button, sharing the page's one dialog with the Sign buttons. */
export function BillCalloutButton({ bill }: { bill: CalloutBillDto }) {
  const { dialog } = useBillSigning();
  return (
    <CriticalCalloutTrigger
      bill={bill}
      open={dialog.open}
      onOpenChange={dialog.onOpenChange}
      dialogOptions={dialog.options}
      returnFocusTo={dialog.returnFocusTo}
    />
  );
}
