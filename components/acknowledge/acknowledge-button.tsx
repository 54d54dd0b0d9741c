"use client";
// A doctor's Acknowledge button (DESIGN §10): confirms receipt of the done callouts of these reports
// through POST /report/{billId}/critical/acknowledge, then refreshes the page's server data.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { isErrorBody } from "@/domain/errors";

/**
 * The POST itself, with plain fetch: this button is on every doctor's worklist and bill page, whose
 * first load must stay small (zod and the contracts stay out of it; the page refreshes from the server).
 */
async function postAcknowledgement(billId: number, reportIds: number[]): Promise<void> {
  let res: Response;
  try {
    res = await fetch(`/report/${billId}/critical/acknowledge`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify({ lab_report_ids: reportIds }),
      credentials: "same-origin",
      cache: "no-store",
    });
  } catch {
    throw new Error("The server could not be reached. Check the connection and try again.");
  }
  if (res.ok) return;
  const body: unknown = await res.json().catch(() => null);
  throw new Error(isErrorBody(body) ? body.error.message : `The acknowledgement failed (HTTP ${res.status})`);
}

export function AcknowledgeButton({ billId, reportIds, label, what }: { billId: number; reportIds: number[]; label: string; what: string }) {
  const router = useRouter();
  const [state, setState] = useState<{ busy: boolean; error: string | null; done: boolean }>({ busy: false, error: null, done: false });
  const [, startTransition] = useTransition();

  async function acknowledge() {
    setState({ busy: true, error: null, done: false });
    try {
      await postAcknowledgement(billId, reportIds);
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
