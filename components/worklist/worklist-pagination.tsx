// Server-side pages: "Page 2 of 5" with previous / next links that keep every other part of the URL.
import Link from "next/link";
import { type WorklistParams, worklistHref } from "@/client/worklist-url";

const linkClass = "rounded-md border border-slate-300 bg-white px-3 py-1.5 font-medium text-slate-800 hover:bg-slate-50";
const offClass = "rounded-md border border-slate-200 px-3 py-1.5 text-slate-500";

export function WorklistPagination({ params, page, pageSize, total }: { params: WorklistParams; page: number; pageSize: number; total: number }) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const first = total === 0 ? 0 : Math.min(total, (page - 1) * pageSize + 1);
  const last = Math.min(total, page * pageSize);
  return (
    <nav aria-label="Pagination" className="flex flex-wrap items-center justify-between gap-3 border-t border-slate-200 px-4 py-3 text-sm">
      <p className="text-slate-600">
        {first > 0 ? `Showing ${first}–${last} of ${total} ${total === 1 ? "bill" : "bills"}` : `${total} ${total === 1 ? "bill" : "bills"}`}
      </p>
      <div className="flex items-center gap-3">
        {page > 1 ? (
          <Link href={worklistHref(params, { page: String(Math.min(page - 1, pages)) })} rel="prev" className={linkClass}>
            Previous
          </Link>
        ) : (
          <span aria-disabled="true" className={offClass}>
            Previous
          </span>
        )}
        <span className="tabular-nums text-slate-700">
          Page {page} of {pages}
        </span>
        {page < pages ? (
          <Link href={worklistHref(params, { page: String(page + 1) })} rel="next" className={linkClass}>
            Next
          </Link>
        ) : (
          <span aria-disabled="true" className={offClass}>
            Next
          </span>
        )}
      </div>
    </nav>
  );
}
