// Which FHIR Communication.status a category-648 activity log has (DESIGN §9, §12), from its
// dumped_json: done → completed; attempt → in-progress, unless its outcome says the recipient cannot be
// reached (→ not-done); an escalation (retries exhausted or target missed) → not-done.

export const COMMUNICATION_STATUSES = ["completed", "in-progress", "not-done"] as const;
export type CommunicationStatus = (typeof COMMUNICATION_STATUSES)[number];

/** Attempt outcomes after which retrying the same way is pointless: the recipient is unreachable. */
export const UNREACHABLE_ATTEMPT_CODES = ["wrong_number", "recipient_unavailable"] as const;

/** The dumped_json keys the status depends on (logs written before outcomes existed have no outcome). */
export interface StatusMeta {
  kind?: unknown;
  is_draft?: unknown;
  outcome?: { code?: unknown } | null;
}

export function communicationStatus(meta: StatusMeta): CommunicationStatus {
  if (meta.kind === "escalation") return "not-done";
  if (meta.is_draft === false) return "completed";
  const code = meta.outcome?.code;
  return typeof code === "string" && (UNREACHABLE_ATTEMPT_CODES as readonly string[]).includes(code) ? "not-done" : "in-progress";
}
