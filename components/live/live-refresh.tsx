"use client";
// Keeps a server-rendered page (the bill page, the worklist) true while colleagues work: on any event
// the session may see, the page re-renders on the server and the callout feature's queries refetch.
import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef } from "react";
import { criticalCalloutKeys } from "@/components/critical-callout/keys";
import { READ_PRIMARY_AFTER_EVENT_SECONDS, READ_PRIMARY_COOKIE } from "@/contracts/consistency";
import { useEventStream } from "./use-event-stream";

/** Events that arrive together (a colleague's burst of writes) cost one refresh. */
const COALESCE_MS = 150;

export function LiveRefresh({ billId }: { billId?: number }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const refresh = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      // A colleague's write: the refetches it causes read the primary, not a replica still replaying it.
      // biome-ignore lint/suspicious/noDocumentCookie: one constant cookie; the Cookie Store API is not in every browser the lab uses
      document.cookie = `${READ_PRIMARY_COOKIE}=1; path=/; samesite=lax; max-age=${READ_PRIMARY_AFTER_EVENT_SECONDS}`;
      queryClient.invalidateQueries({ queryKey: criticalCalloutKeys.all });
      router.refresh();
    }, COALESCE_MS);
  }, [queryClient, router]);

  const state = useEventStream(billId === undefined ? "/api/events" : `/api/events?bill_id=${billId}`, {
    onCallout: refresh,
    onResync: refresh,
  });
  return (
    <p className="flex items-center gap-1.5 text-xs text-slate-500" data-live-state={state}>
      <span aria-hidden="true" className={`inline-block size-2 rounded-full ${state === "live" ? "bg-emerald-600" : "bg-amber-500"}`} />
      {state === "live" ? "Live" : state === "connecting" ? "Connecting…" : "Reconnecting…"}
    </p>
  );
}
