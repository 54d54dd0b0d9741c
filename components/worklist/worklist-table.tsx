// The bill queue as a real table: caption, column headers (sortable ones carry aria-sort and a link
// that changes `sort` in the URL), one row per bill linking to /bills/{billId}. What decides the next
// call (who, how many reports open, how long against the target) comes first; on a narrow screen the
// rest scrolls. With one target per lab, the least time left is the longest wait: the "oldest" order.
import Link from "next/link";
import type { WorklistRow as Row } from "@/contracts/worklist";
import { utcTime } from "@/domain/format";
import { type WorklistParams, worklistHref } from "@/client/worklist-url";
import { CalloutCounts } from "./callout-counts";
import { WaitClock } from "@/components/ui/wait-clock";
import { WorklistRow } from "./worklist-row";

type SortKey = "oldest" | "newest" | "accession" | "patient";

const SORT_CAPTION: Record<SortKey, string> = {
  oldest: "least time left first (the longest wait against the lab's one target)",
  newest: "newest bill first",
  accession: "accession number",
  patient: "patient name",
};

function SortHeader({ label, sortKey, dir, params, current }: { label: string; sortKey: SortKey; dir: "ascending" | "descending"; params: WorklistParams; current: SortKey }) {
  const active = current === sortKey;
  return (
    <th scope="col" aria-sort={active ? dir : "none"} className="px-3 py-2.5 text-left font-semibold whitespace-nowrap">
      <Link href={worklistHref(params, { sort: sortKey })} className="inline-flex items-center gap-1 rounded hover:text-brand-800" title={`Sort by ${label.toLowerCase()}`}>
        {label}
        <span aria-hidden="true" className={active ? "text-brand-700" : "text-slate-400"}>
          {active ? (dir === "ascending" ? "▲" : "▼") : "↕"}
        </span>
      </Link>
    </th>
  );
}

const Plain = ({ children }: { children: string }) => (
  <th scope="col" className="px-3 py-2.5 text-left font-semibold whitespace-nowrap">
    {children}
  </th>
);

const dash = (
  <span className="text-slate-500">
    <span aria-hidden="true">—</span>
    <span className="sr-only">None</span>
  </span>
);

export function WorklistTable({
  rows,
  params,
  sort,
  now,
  caption,
  targetMinutes,
  hideReferral = false,
}: {
  rows: Row[];
  params: WorklistParams;
  sort: SortKey;
  now: number;
  caption: string;
  targetMinutes: number;
  /** A referral doctor's own list: the column would repeat their name on every row. */
  hideReferral?: boolean;
}) {
  const done = params.tab === "done";
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-sm">
        <caption className="px-4 pt-3 pb-2 text-left text-sm text-slate-600">
          {caption}, sorted by {SORT_CAPTION[sort]}.
        </caption>
        <thead className="bg-slate-50 text-slate-700">
          <tr className="border-y border-slate-200">
            <Plain>Bill</Plain>
            <SortHeader label="Accession" sortKey="accession" dir="ascending" params={params} current={sort} />
            <SortHeader label="Patient" sortKey="patient" dir="ascending" params={params} current={sort} />
            <Plain>Critical reports</Plain>
            {/* Nothing is open on Done: no age column there. */}
            {!done && <SortHeader label={`Waited (target ${targetMinutes} min)`} sortKey="oldest" dir="ascending" params={params} current={sort} />}
            <SortHeader label="Bill date (UTC)" sortKey="newest" dir="descending" params={params} current={sort} />
            {!hideReferral && <Plain>Referral doctor</Plain>}
            <Plain>Organization</Plain>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const href = `/bills/${r.billId}`;
            return (
              <WorklistRow key={r.billId} href={href}>
                <td className="px-3 py-2.5 tabular-nums">
                  <Link href={href} className="font-medium text-brand-700 underline-offset-2 hover:underline" aria-label={`Bill ${r.billId}`}>
                    {r.billId}
                  </Link>
                </td>
                <td className="px-3 py-2.5 font-mono text-[13px] whitespace-nowrap">
                  <Link href={href} className="text-brand-700 underline underline-offset-2 hover:text-brand-800">
                    {r.accessionNo}
                  </Link>
                </td>
                <td className="min-w-40 px-3 py-2.5 font-medium text-ink">{r.patientName}</td>
                <td className="px-3 py-2.5">
                  <CalloutCounts pending={r.pending} attempted={r.attempted} done={r.done} />
                </td>
                {!done && (
                  <td className="px-3 py-2.5 whitespace-nowrap">
                    <WaitClock startedAt={r.oldestOpenApprovedAt} targetMinutes={targetMinutes} escalationLevel={r.escalationLevel} initialNow={now} />
                  </td>
                )}
                <td className="px-3 py-2.5 whitespace-nowrap tabular-nums text-slate-700">{utcTime(r.billCreatedAt)}</td>
                {!hideReferral && <td className="min-w-40 px-3 py-2.5 text-slate-700">{r.referralName ?? dash}</td>}
                <td className="min-w-48 px-3 py-2.5 text-slate-700">{r.orgName ?? dash}</td>
              </WorklistRow>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
