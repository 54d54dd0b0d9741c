// The worklist's URL is its state (tab, filters, sort, page): back/forward and reload keep it, and a
// link can be shared. Pure helpers, used by the server page and the client filter bar alike.
import type { WorklistQuery } from "@/contracts/worklist";

export const WORKLIST_PARAM_KEYS = ["tab", "department", "status", "overdue", "from", "to", "q", "sort", "page"] as const;
export type WorklistParamKey = (typeof WORKLIST_PARAM_KEYS)[number];
export type WorklistParams = Partial<Record<WorklistParamKey, string>>;
/** A change to the URL state; `undefined` removes the key. */
export type WorklistChanges = Partial<Record<WorklistParamKey, string | undefined>>;

type RawSearchParams = Record<string, string | string[] | undefined>;

/** The worklist keys of a page's searchParams (first value of repeated keys; other keys dropped). */
export function pickParams(sp: RawSearchParams): WorklistParams {
  const out: WorklistParams = {};
  for (const key of WORKLIST_PARAM_KEYS) {
    const v = sp[key];
    const value = Array.isArray(v) ? v[0] : v;
    if (value !== undefined && value !== "") out[key] = value;
  }
  return out;
}

/** The canonical URL state of a validated query: defaults left out, status only on Pending. */
export function paramsOf(q: WorklistQuery): WorklistParams {
  return clean({
    tab: q.tab === "done" ? "done" : undefined,
    department: q.department ? String(q.department) : undefined,
    status: q.tab === "pending" ? q.status : undefined,
    overdue: q.tab === "pending" ? q.overdue : undefined,
    from: q.from,
    to: q.to,
    q: q.q,
    sort: q.sort,
    page: q.page > 1 ? String(q.page) : undefined,
  });
}

function clean(p: WorklistChanges): WorklistParams {
  const out: WorklistParams = {};
  for (const key of WORKLIST_PARAM_KEYS) {
    const v = p[key];
    if (v !== undefined && v !== "") out[key] = v;
  }
  return out;
}

/**
 * The state after `changes`. Any change but a page change goes back to page 1 (page 4 of another
 * filter means nothing); a tab change also drops the status and overdue filters (Pending only) and the sort (each
 * tab has its own default order).
 */
export function applyChanges(current: WorklistParams, changes: WorklistChanges = {}): WorklistParams {
  const next: WorklistChanges = { ...current, ...changes };
  if (!("page" in changes)) next.page = undefined;
  if ("tab" in changes && (changes.tab ?? "pending") !== (current.tab ?? "pending")) {
    next.status = undefined;
    next.overdue = undefined;
    next.sort = changes.sort;
  }
  if (next.tab === "pending") next.tab = undefined;
  if (next.page === "1") next.page = undefined;
  return clean(next);
}

/** `?…` of a state, or "" when nothing is set. */
export function toSearch(p: WorklistParams): string {
  const qs = new URLSearchParams(clean(p)).toString();
  return qs ? `?${qs}` : "";
}

export const worklistSearch = (current: WorklistParams, changes: WorklistChanges = {}) => toSearch(applyChanges(current, changes));

export const worklistHref = (current: WorklistParams, changes: WorklistChanges = {}) => `/worklist${worklistSearch(current, changes)}`;

/** The export link: the same tab, filters and sort, all pages. */
export function exportHref(current: WorklistParams): string {
  const { page: _page, ...rest } = current;
  return `/api/worklist/export${toSearch(rest)}`;
}

/** Whether any filter (not tab, sort or page) narrows the list. */
export const hasFilters = (p: WorklistParams) => Boolean(p.department || p.status || p.overdue || p.from || p.to || p.q);
