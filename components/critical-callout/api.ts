// Data access of the critical-callout feature: query options for endpoints 1 and 2 and the notify
// configuration, and the mutations. Loaded with the dialog (and on hover of its trigger), never with
// the bill page itself, because it pulls in zod.
import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { apiFetch, newIdempotencyKey } from "@/client/api-fetch";
import {
  criticalRecordsResponseSchema,
  logsResponseSchema,
  MAX_LOG_REPORT_IDS,
  type PostCalloutInput,
  postCalloutResponseSchema,
} from "@/contracts/critical";
import { type NotifySettings, notifySettingsResponseSchema } from "@/contracts/settings";
import { criticalCalloutKeys } from "./keys";

export { criticalCalloutKeys };

/** Endpoint 1: the bill's critical reports in the session's scope and its draft. */
export function criticalRecordsQueryOptions(billId: number) {
  return queryOptions({
    queryKey: criticalCalloutKeys.records(billId),
    queryFn: ({ signal }) => apiFetch(`/report/${billId}/critical/records`, criticalRecordsResponseSchema, { signal }),
  });
}

/** Endpoint 2: the callout history of the given reports (the bill's, known from the page). */
export function calloutLogsQueryOptions(reportIds: readonly number[]) {
  const key = criticalCalloutKeys.logs(reportIds);
  // The endpoint takes at most 200 ids; a bill never has that many reports in practice.
  const ids = key[2].slice(0, MAX_LOG_REPORT_IDS);
  return queryOptions({
    queryKey: key,
    queryFn: ({ signal }) =>
      ids.length === 0
        ? Promise.resolve({ logs: [] })
        : apiFetch(`/report/bulk/critical-notification/logs?report_ids=${ids.join(",")}`, logsResponseSchema, { signal }),
  });
}

export function notifySettingsQueryOptions() {
  return queryOptions({
    queryKey: criticalCalloutKeys.settings(),
    queryFn: ({ signal }) => apiFetch("/settings/critical-notification", notifySettingsResponseSchema, { signal }),
  });
}

/**
 * Endpoint 4. Every click sends a fresh Idempotency-Key, so a double submit or a replayed request
 * cannot write twice. On success everything under the feature's prefix is refetched (records,
 * logs of any report set, settings) and the server components re-render, so the bill page's status
 * badges follow.
 */
export function useSaveCallout(billId: number) {
  const queryClient = useQueryClient();
  const router = useRouter();
  return useMutation({
    mutationKey: criticalCalloutKeys.save(billId),
    // `version` is the bill version the form was filled from: a bill changed since then is a 412.
    mutationFn: ({ body, version }: { body: PostCalloutInput; version: number }) =>
      apiFetch(`/report/${billId}/critical/callout`, postCalloutResponseSchema, {
        method: "POST",
        body,
        headers: { "Idempotency-Key": newIdempotencyKey(), "If-Match": `"${billId}-${version}"` },
      }),
    onSuccess: async () => {
      router.refresh();
      // Returned, so the mutation stays pending until the fresh records and logs have arrived and
      // the form can be reset from them.
      await queryClient.invalidateQueries({ queryKey: criticalCalloutKeys.all });
    },
    // A refused save (someone changed the bill, or anything else) shows the bill as it now stands.
    onError: () => queryClient.invalidateQueries({ queryKey: criticalCalloutKeys.all }),
  });
}

/**
 * PUT /settings/critical-notification (support users; the server refuses others). The server
 * components re-render too: the bill page's signing note follows always_notify.
 */
export function useSaveNotifySettings() {
  const queryClient = useQueryClient();
  const router = useRouter();
  return useMutation({
    mutationFn: (settings: NotifySettings) =>
      apiFetch("/settings/critical-notification", notifySettingsResponseSchema, { method: "PUT", body: settings }),
    onSuccess: (data) => {
      router.refresh();
      queryClient.setQueryData(criticalCalloutKeys.settings(), data);
      return queryClient.invalidateQueries({ queryKey: criticalCalloutKeys.all });
    },
  });
}
