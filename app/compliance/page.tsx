// Compliance (DESIGN §11): the lab's critical-value reporting measured against its target and the
// published anchors, for a supervisor preparing an inspection. Server-rendered from the summary the
// database keeps; the URL is the state; the charts (visx) load on this page only, each beside a table.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { NotifyHistogramChart, TrendChart } from "@/components/compliance/charts-lazy";
import { ComplianceFilters, GROUP_LABEL } from "@/components/compliance/compliance-filters";
import { HeadlineFigures } from "@/components/compliance/headline-figures";
import { complianceExportHref } from "@/components/compliance/href";
import { MeasuresTable } from "@/components/compliance/measures-table";
import { OutOfTargetTable, SlowestFive } from "@/components/compliance/out-of-target";
import { HistogramTable, TrendTable } from "@/components/compliance/chart-tables";
import { DownloadIcon } from "@/components/worklist/icons";
import { complianceQuerySchema } from "@/contracts/compliance";
import { getDb } from "@/db";
import { getComplianceReport } from "@/db/queries/compliance-report";
import { listVisibleDepartments } from "@/db/queries/departments";
import { getNotifySettings } from "@/db/queries/settings";
import { describeRange, presetRanges } from "@/domain/compliance/range";
import { withinDeadline } from "@/server/api/deadline";
import { cachedSession } from "@/server/auth/cached-session";

export const metadata: Metadata = { title: "Compliance" };
export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function CompliancePage({ searchParams }: { searchParams: SearchParams }) {
  const session = await cachedSession();
  if (!session) redirect("/login");
  const sp = await searchParams;
  const db = await getDb();
  const now = new Date();
  const settings = await withinDeadline(() => getNotifySettings(db, session.labId));
  const presets = presetRanges(settings.time_zone, now);
  const parsed = complianceQuerySchema.safeParse({
    from: first(sp.from) ?? presets.lastMonth.from,
    to: first(sp.to) ?? presets.lastMonth.to,
    department_id: first(sp.department_id),
    group_by: first(sp.group_by) ?? "department",
  });
  if (!parsed.success) {
    return (
      <main className="mx-auto max-w-7xl px-6 py-8">
        <h1 className="text-2xl font-semibold">Compliance</h1>
        <div role="alert" className="mt-6 rounded-lg border border-amber-300 bg-white p-6">
          <h2 className="font-semibold text-ink">This address asks for something the report cannot show</h2>
          <ul className="mt-2 list-disc pl-5 text-sm text-slate-700">
            {parsed.error.issues.map((i) => (
              <li key={i.path.join(".") + i.message}>{`${i.path.join(".") || "address"}: ${i.message}`}</li>
            ))}
          </ul>
          <a href="/compliance" className="mt-4 inline-block font-medium text-brand-700 underline underline-offset-2">
            Show last month
          </a>
        </div>
      </main>
    );
  }
  const q = parsed.data;
  const [report, departments] = await withinDeadline(() =>
    Promise.all([getComplianceReport(db, session, q, now), listVisibleDepartments(db, session)]),
  );
  const { summary, histogram, trend, outOfTarget } = report;
  const m = summary.measures;
  const target = summary.target_minutes;
  const params = { from: q.from, to: q.to, department_id: q.department_id, group_by: q.group_by };
  const dept = departments.find((d) => d.id === q.department_id)?.name;
  const scope = session.kind === "support" ? session.labName : `your departments at ${session.labName}`;
  const groupLabel = GROUP_LABEL[q.group_by ?? "department"];
  const notifiedCount = histogram.bins.reduce((a, b) => a + b.count, 0);
  const lateCount = histogram.bins.filter((b) => b.from >= target).reduce((a, b) => a + b.count, 0);

  return (
    <main className="mx-auto max-w-7xl px-6 py-8">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">Compliance</h1>
          <p className="mt-1 text-slate-600">
            Critical results of {scope}
            {dept ? `, ${dept}` : ""}, whose clock started {describeRange(q)} ({settings.time_zone}). Target: notified within {target} min of the result.
          </p>
        </div>
        <a
          href={complianceExportHref(params)}
          download
          className="inline-flex items-center gap-2 rounded-md border border-brand-700 bg-white px-3 py-2 text-sm font-medium text-brand-800 hover:bg-brand-50"
        >
          <DownloadIcon />
          Export to Excel
        </a>
      </div>

      <div className="mt-6">
        <ComplianceFilters params={params} departments={departments} presets={presets} />
      </div>

      <section aria-labelledby="headline" className="mt-8">
        <h2 id="headline" className="text-lg font-semibold">
          Against the target and published benchmarks
        </h2>
        <div className="mt-3">
          <HeadlineFigures m={m} targetMinutes={target} />
        </div>
      </section>

      <section aria-labelledby="slowest" className="mt-8">
        <h2 id="slowest" className="text-lg font-semibold">
          The five slowest callouts
        </h2>
        <div className="mt-3">
          <SlowestFive reports={outOfTarget.reports} targetMinutes={target} />
        </div>
      </section>

      <div className="mt-8 grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="histogram" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="histogram" className="text-lg font-semibold">
            Minutes to notification
          </h2>
          <p className="text-sm text-slate-600">
            {notifiedCount} notified reports; {lateCount} after the {target} min target (amber bars, right of the red line).
          </p>
          <NotifyHistogramChart
            bins={histogram.bins}
            targetMinutes={target}
            width={histogram.width}
            summary={`Histogram of minutes from result to notification: ${notifiedCount} reports, ${lateCount} after the ${target} minute target. The table below lists every bar.`}
          />
          <HistogramTable bins={histogram.bins} />
        </section>
        <section aria-labelledby="trend" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="trend" className="text-lg font-semibold">
            Monthly trend
          </h2>
          <p className="text-sm text-slate-600">Share of critical reports notified within target, {trend.length ? `${trend[0].label} to ${trend[trend.length - 1].label}` : "no months with critical reports"}.</p>
          <TrendChart points={trend} summary={`Line chart of the share notified within target per month, ${trend.length} months. The table below lists every month.`} />
          <TrendTable points={trend} />
        </section>
      </div>

      <section aria-labelledby="breakdown" className="mt-8">
        <h2 id="breakdown" className="text-lg font-semibold">
          By {groupLabel.toLowerCase()}
        </h2>
        <div className="mt-3">
          <MeasuresTable caption={`Measures by ${groupLabel.toLowerCase()}`} firstHeader={groupLabel} rows={summary.groups} total={{ key: "all", label: "All", ...m }} />
        </div>
      </section>

      <section aria-labelledby="late" className="mt-8">
        <h2 id="late" className="text-lg font-semibold">
          Reports out of target
        </h2>
        <div className="mt-3">
          <OutOfTargetTable reports={outOfTarget.reports} total={outOfTarget.total} />
          {outOfTarget.total === 0 ? <p className="text-slate-700">None.</p> : null}
        </div>
      </section>
    </main>
  );
}
