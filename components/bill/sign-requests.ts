// The sign requests, through the app's fetcher and checked with the shared contracts. Loaded on
// demand by the bill page's Sign buttons (it pulls in zod, which the page's first bundle leaves out).
import { apiFetch } from "@/client/api-fetch";
import { signAllResponseSchema, signResponseSchema } from "@/contracts/sign";
import { ApiError } from "@/domain/errors";

export const CALLOUT_REQUIRED_MESSAGE =
  "This report has critical values. Record the callout first; it will be signed when the callout is marked done.";

/** The 409 of the sign endpoint under always_notify, as opposed to any other failure. */
export function isCalloutRequired(err: unknown): boolean {
  if (!(err instanceof ApiError) || err.code !== "conflict") return false;
  const d = err.details;
  return !!d && typeof d === "object" && (d as { reason?: unknown }).reason === "callout_required";
}

/** POST /api/reports/{id}/sign; a 409 `callout_required` (always_notify) is rethrown as ApiError. */
export const signReport = (labReportId: number) => apiFetch(`/api/reports/${labReportId}/sign`, signResponseSchema, { method: "POST" });

/** POST /api/bills/{id}/sign-all: every unsigned report of the bill in scope; exempt from always_notify. */
export const signAllReports = (billId: number) => apiFetch(`/api/bills/${billId}/sign-all`, signAllResponseSchema, { method: "POST" });
