// The worklist: the order-level queue of bills in the session's scope holding critical reports
// (DESIGN §6). A server component: the URL is the state (tab, filters, sort, page), read here and
// handed to getWorklist directly, so back/forward, reload and shared links all show the same list.
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { DownloadIcon } from "@/components/worklist/icons";
import { WorklistFilters } from "@/components/worklist/worklist-filters";
import { WorklistPagination } from "@/components/worklist/worklist-pagination";
import { WorklistTable } from "@/components/worklist/worklist-table";
import { LiveRefresh } from "@/components/live/live-refresh-lazy";
import { WorklistTabs } from "@/components/worklist/worklist-tabs";
import { cookies } from "next/headers";
import { READ_PRIMARY_COOKIE } from "@/contracts/consistency";
import { readFromReplica } from "@/server/db/read-replica";
import { withinDeadline } from "@/server/api/deadline";
import { listVisibleDepartments } from "@/db/queries/departments";
import { getWorklist } from "@/db/queries/worklist";
import { ACK_LIST_LIMIT, getAcknowledgeList } from "@/db/queries/acknowledge-list";
import { getNotifySettings } from "@/db/queries/settings";
import { AcknowledgeList } from "@/components/worklist/acknowledge-list";
import { cachedSession } from "@/server/auth/cached-session";
import { worklistQuerySchema } from "@/contracts/worklist";
import { exportHref, hasFilters, paramsOf, pickParams, worklistHref } from "@/client/worklist-url";

export const metadata: Metadata = { title: "Worklist" };
export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function WorklistPage({ searchParams }: { searchParams: SearchParams }) {
  const session = await cachedSession();
  if (!session) redirect("/login");
  const raw = pickParams(await searchParams);
  const doctor = session.kind === "doctor";
  // A doctor's "To acknowledge" tab (DESIGN §10) is the page's own: the worklist query does not know it.
  const ackTab = doctor && raw.tab === "ack";
  const parsed = worklistQuerySchema.safeParse(ackTab ? { ...raw, tab: undefined } : raw);
  if (!parsed.success) return <InvalidAddress issues={parsed.error.issues.map((i) => `${i.path.join(".") || "address"}: ${i.message}`)} />;

  const q = parsed.data;
  const params = ackTab ? { ...paramsOf(q), tab: "ack" } : paramsOf(q);
  // The replica, unless this browser wrote or was told of a write a moment ago (DESIGN §13).
  const primary = (await cookies()).has(READ_PRIMARY_COOKIE);
  const [data, departments, ack, settings] = await withinDeadline(() =>
    readFromReplica(
    (db) =>
      Promise.all([
        getWorklist(db, session, q),
        listVisibleDepartments(db, session),
        doctor ? getAcknowledgeList(db, session) : null,
        doctor ? getNotifySettings(db, session.labId) : null,
      ]),
    { primary },
    ),
  );
  const sort = q.sort ?? (q.tab === "done" ? "newest" : "oldest");
  const pages = Math.max(1, Math.ceil(data.total / data.pageSize));
  const tabLabel = ackTab ? "To acknowledge" : q.tab === "done" ? (doctor ? "Called out" : "Done") : doctor ? "Waiting for callout" : "Pending";
  const labPhone = settings?.lab_phone.trim() ?? "";

  return (
    <main className="mx-auto max-w-7xl px-6 py-8">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          {doctor ? (
            <>
              <h1 className="text-2xl font-semibold">Your critical results</h1>
              <p className="mt-1 text-slate-600">
                Critical results of your patients: those the lab is still calling out to you, and those called out that wait for your acknowledgement,
                the longest-waiting first.{" "}
                {labPhone ? (
                  <>
                    To call the lab back:{" "}
                    <a href={`tel:${labPhone.replace(/[^\d+]/g, "")}`} className="font-medium text-brand-700 underline underline-offset-2">
                      {labPhone}
                    </a>
                    .
                  </>
                ) : null}
              </p>
            </>
          ) : (
            <>
              <h1 className="text-2xl font-semibold">Critical results worklist</h1>
              <p className="mt-1 text-slate-600">Bills holding critical results in your scope. Open a bill to call its results out and record it.</p>
            </>
          )}
        </div>
        <div className="flex items-center gap-4">
        <LiveRefresh />
        <a
          href={exportHref(params)}
          download
          className="inline-flex items-center gap-2 rounded-md border border-brand-700 bg-white px-3 py-2 text-sm font-medium text-brand-800 hover:bg-brand-50"
        >
          <DownloadIcon />
          Export to Excel
        </a>
        </div>
      </div>

      <div className="mt-6">
        <WorklistTabs params={params} counts={data.counts} toAcknowledge={ack?.total} />
      </div>
      <section aria-label={`${tabLabel} bills`} className="rounded-b-lg border border-t-0 border-slate-200 bg-white shadow-xs">
        {ackTab && ack ? (
          <AcknowledgeList rows={ack.rows} total={ack.total} limit={ACK_LIST_LIMIT} now={Date.now()} />
        ) : (
          <>
        <WorklistFilters params={params} departments={departments} />
        {data.rows.length > 0 ? (
          <>
            <WorklistTable
              rows={data.rows}
              params={params}
              sort={sort}
              now={Date.now()}
              targetMinutes={data.targetMinutes}
              hideReferral={doctor && session.docType !== 0}
              caption={`${tabLabel} bills${hasFilters(params) ? " matching the filters" : ""}, page ${q.page} of ${pages}`}
            />
            <WorklistPagination params={params} page={q.page} pageSize={data.pageSize} total={data.total} />
          </>
        ) : (
          <EmptyState params={params} pastEnd={data.total > 0 ? pages : null} tab={q.tab} />
        )}
          </>
        )}
      </section>
    </main>
  );
}

function EmptyState({ params, pastEnd, tab }: { params: ReturnType<typeof paramsOf>; pastEnd: number | null; tab: "pending" | "done" }) {
  const link = "font-medium text-brand-700 underline underline-offset-2 hover:text-brand-800";
  if (pastEnd) {
    return (
      <div className="px-6 py-12 text-center">
        <p className="font-medium text-ink">This page is past the end of the list.</p>
        <p className="mt-2 text-slate-600">
          <Link href={worklistHref(params, { page: String(pastEnd) })} className={link}>
            Go to the last page ({pastEnd})
          </Link>
        </p>
      </div>
    );
  }
  return (
    <div className="px-6 py-12 text-center">
      <p className="font-medium text-ink">No bills match {hasFilters(params) ? "these filters" : "this tab"}.</p>
      <p className="mt-2 text-slate-600">
        {hasFilters(params) ? (
          <Link href={worklistHref({ tab: params.tab, sort: params.sort })} className={link}>
            Clear filters
          </Link>
        ) : tab === "pending" ? (
          "No critical result in your departments is waiting for a callout."
        ) : (
          "No bill has all of its critical results called out yet."
        )}
      </p>
    </div>
  );
}

function InvalidAddress({ issues }: { issues: string[] }) {
  return (
    <main className="mx-auto max-w-7xl px-6 py-8">
      <h1 className="text-2xl font-semibold">Critical results worklist</h1>
      <div role="alert" className="mt-6 rounded-lg border border-amber-300 bg-white p-6">
        <h2 className="font-semibold text-ink">Some filters in this address are not valid</h2>
        <ul className="mt-2 list-disc pl-5 text-sm text-slate-700">
          {issues.map((i) => (
            <li key={i}>{i}</li>
          ))}
        </ul>
        <Link href="/worklist" className="mt-4 inline-block font-medium text-brand-700 underline underline-offset-2 hover:text-brand-800">
          Open the worklist without filters
        </Link>
      </div>
    </main>
  );
}
