"use client";
// A doctor's Acknowledge button (DESIGN §10): confirms receipt of the done callouts of these reports
// through POST /report/{billId}/critical/acknowledge, then refreshes the page's server data.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { apiFetch } from "@/client/api-fetch";
import { acknowledgeResponseSchema } from "@/contracts/acknowledge";

export function AcknowledgeButton({ billId, reportIds, label, what }: { billId: number; reportIds: number[]; label: string; what: string }) {
  const router = useRouter();
  const [state, setState] = useState<{ busy: boolean; error: string | null; done: boolean }>({ busy: false, error: null, done: false });
  const [, startTransition] = useTransition();

  async function acknowledge() {
    setState({ busy: true, error: null, done: false });
    try {
      await apiFetch(`/report/${billId}/critical/acknowledge`, acknowledgeResponseSchema, { body: { lab_report_ids: reportIds } });
      setState({ busy: false, error: null, done: true });
      startTransition(() => router.refresh());
    } catch (err) {
      setState({ busy: false, error: err instanceof Error ? err.message : "Could not record the acknowledgement", done: false });
    }
  }

  return (
    <span className="inline-flex flex-col items-end gap-1">
      <button
        type="button"
        onClick={acknowledge}
        disabled={state.busy || state.done}
        aria-label={`${label}: ${what}`}
        className="inline-flex items-center gap-2 rounded-md bg-green-800 px-3 py-2 text-sm font-semibold text-white hover:bg-green-900 disabled:cursor-not-allowed disabled:opacity-70"
      >
        {state.done ? "Acknowledged" : state.busy ? "Recording…" : label}
      </button>
      <span role="status" className="text-xs text-slate-700">
        {state.done ? "Receipt recorded; the lab sees it now." : ""}
      </span>
      {state.error && (
        <span role="alert" className="max-w-xs text-right text-xs font-medium text-red-800">
          {state.error}
        </span>
      )}
    </span>
  );
}
