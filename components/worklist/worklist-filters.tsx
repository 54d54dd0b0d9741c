"use client";
// The filter bar. Every change is pushed to the URL (router.push, so back/forward step through
// filters and a reload keeps them) and the server page re-renders; the fields only hold drafts.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useTransition } from "react";
import { applyChanges, hasFilters, toSearch, type WorklistChanges, type WorklistParams, worklistHref } from "@/client/worklist-url";
import { useUrlDraft } from "./use-url-draft";

/** Typing pauses this long before the search runs (one query per pause, not per key). */
const SEARCH_DEBOUNCE_MS = 400;
/** Date fields fire on every segment typed (year 0002, 0020, 0202, 2026…): wait for a real date. */
const DATE_DEBOUNCE_MS = 350;
const isUsableDate = (v: string) => v === "" || (/^\d{4}-\d{2}-\d{2}$/.test(v) && v >= "1900-01-01");

const fieldClass = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm text-ink focus:border-brand-600";
const labelClass = "block text-xs font-medium text-slate-700";

export function WorklistFilters({ params, departments }: { params: WorklistParams; departments: { id: number; name: string }[] }) {
  const router = useRouter();
  const [isPending, startTransition] = useTransition();
  const search = useUrlDraft(params.q ?? "");
  const department = useUrlDraft(params.department ?? "");
  const status = useUrlDraft(params.status ?? "");
  const overdue = useUrlDraft(params.overdue ?? "");
  const from = useUrlDraft(params.from ?? "");
  const to = useUrlDraft(params.to ?? "");
  const timers = useRef<Record<string, ReturnType<typeof setTimeout>>>({});
  // The state we last asked for: a debounced push must build on a change still in flight (its props
  // are not here yet), or it would silently undo it.
  const intent = useRef(params);
  const paramsKey = toSearch(params);
  // biome-ignore lint/correctness/useExhaustiveDependencies: paramsKey stands for params (a new object every render)
  useEffect(() => {
    intent.current = params;
  }, [paramsKey]);

  useEffect(() => {
    const pending = timers.current;
    return () => {
      for (const t of Object.values(pending)) clearTimeout(t);
    };
  }, []);

  function navigate(changes: WorklistChanges) {
    const next = applyChanges(intent.current, changes);
    intent.current = next;
    startTransition(() => router.push(`/worklist${toSearch(next)}`));
  }

  function later(key: string, ms: number, run: () => void) {
    clearTimeout(timers.current[key]);
    timers.current[key] = setTimeout(run, ms);
  }

  function pushSearch(value: string) {
    clearTimeout(timers.current.q);
    const q = value.trim();
    if (q === (intent.current.q ?? "")) return;
    search.markPushed(q);
    navigate({ q: q || undefined });
  }

  function pushSelect(field: typeof department, key: "department" | "status", value: string) {
    field.setDraft(value);
    field.markPushed(value);
    navigate({ [key]: value || undefined });
  }

  // A `from` after `to` moves `to` along (and vice versa) instead of sending a range the server refuses.
  function onDate(which: "from" | "to", value: string) {
    const self = which === "from" ? from : to;
    const other = which === "from" ? to : from;
    self.setDraft(value);
    later("dates", DATE_DEBOUNCE_MS, () => {
      if (!isUsableDate(value)) return;
      const changes: WorklistChanges = { [which]: value || undefined };
      const crossed = value && other.draft && (which === "from" ? value > other.draft : value < other.draft);
      if (crossed) {
        changes[which === "from" ? "to" : "from"] = value;
        other.setDraft(value);
        other.markPushed(value);
      }
      self.markPushed(value);
      navigate(changes);
    });
  }

  const pendingTab = params.tab !== "done";
  return (
    <form
      aria-label="Filter the worklist"
      className={`grid grid-cols-2 gap-3 border-b border-slate-200 px-4 py-3 md:grid-cols-3 md:items-end ${pendingTab ? "lg:grid-cols-7" : "lg:grid-cols-5"}`}
      onSubmit={(e) => {
        e.preventDefault();
        pushSearch(search.draft);
      }}
    >
      <div className="col-span-2 md:col-span-3 lg:col-span-2">
        <label htmlFor="wl-q" className={labelClass}>
          Search patient or accession
        </label>
        <input
          id="wl-q"
          type="search"
          value={search.draft}
          onChange={(e) => {
            const v = e.target.value;
            search.setDraft(v);
            later("q", SEARCH_DEBOUNCE_MS, () => pushSearch(v));
          }}
          maxLength={100}
          autoComplete="off"
          placeholder="e.g. NF-2611-000123 or Lopez"
          className={fieldClass}
        />
      </div>
      <div>
        <label htmlFor="wl-department" className={labelClass}>
          Department
        </label>
        <select id="wl-department" value={department.draft} onChange={(e) => pushSelect(department, "department", e.target.value)} className={fieldClass}>
          <option value="">All departments</option>
          {departments.map((d) => (
            <option key={d.id} value={String(d.id)}>
              {d.name}
            </option>
          ))}
        </select>
      </div>
      {pendingTab ? (
        <div>
          <label htmlFor="wl-status" className={labelClass}>
            Status
          </label>
          <select id="wl-status" value={status.draft} onChange={(e) => pushSelect(status, "status", e.target.value)} className={fieldClass}>
            <option value="">All open</option>
            <option value="pending">Pending</option>
            <option value="attempted">Attempted</option>
          </select>
        </div>
      ) : null}
      {pendingTab ? (
        <div className="flex items-center gap-2 pb-1.5">
          <input
            id="wl-overdue"
            type="checkbox"
            checked={overdue.draft === "1"}
            onChange={(e) => {
              const value = e.target.checked ? "1" : "";
              overdue.setDraft(value);
              overdue.markPushed(value);
              navigate({ overdue: value || undefined });
            }}
            className="size-4 rounded border-slate-400 accent-brand-700"
          />
          <label htmlFor="wl-overdue" className="text-sm font-medium text-slate-800">
            Overdue only
          </label>
        </div>
      ) : null}
      <div>
        <label htmlFor="wl-from" className={labelClass}>
          Bill date from
        </label>
        <input id="wl-from" type="date" value={from.draft} max={to.draft || undefined} onChange={(e) => onDate("from", e.target.value)} className={fieldClass} />
      </div>
      <div>
        <label htmlFor="wl-to" className={labelClass}>
          Bill date to
        </label>
        <input id="wl-to" type="date" value={to.draft} min={from.draft || undefined} onChange={(e) => onDate("to", e.target.value)} className={fieldClass} />
      </div>
      {/* Takes no room until there is something to show; the live region stays in the tree to be announced. */}
      <div className={hasFilters(params) || isPending ? "col-span-full flex items-center gap-4 text-sm" : "sr-only"}>
        {hasFilters(params) && (
          <Link href={worklistHref({ tab: params.tab, sort: params.sort })} className="font-medium text-brand-700 underline underline-offset-2 hover:text-brand-800">
            Clear filters
          </Link>
        )}
        <span role="status" aria-live="polite" className="text-slate-600">
          {isPending ? "Updating…" : ""}
        </span>
      </div>
    </form>
  );
}
