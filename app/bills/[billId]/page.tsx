import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { AppHeader } from "@/components/app-header";
import { BillPeople } from "@/components/bill/bill-people";
import { BillReportsTable } from "@/components/bill/bill-reports-table";
import { calloutCounts } from "@/components/bill/callout-state";
import { BillCalloutButton, BillSigningProvider } from "@/components/bill/bill-signing";
import { LiveRefresh } from "@/components/live/live-refresh-lazy";
import { LocalTime } from "@/components/ui/local-time";
import { getDb } from "@/db";
import { getBillDetail } from "@/db/queries/bill-detail";
import { getNotifySettings } from "@/db/queries/settings";
import { getAcknowledgeList } from "@/db/queries/acknowledge-list";
import { AcknowledgeButton } from "@/components/acknowledge/acknowledge-button-lazy";
import { withinDeadline } from "@/server/api/deadline";
import { currentSession } from "@/server/auth/current-user";
import type { SessionContext } from "@/domain/auth/session-context";
import { idStringSchema } from "@/contracts/ids";
import { ApiError } from "@/domain/errors";

export const metadata: Metadata = { title: "Bill" };
export const dynamic = "force-dynamic";

/** The bill, or Next's not-found page for an id that is malformed or not visible to this session. */
async function loadBill(session: SessionContext, rawId: string) {
  const billId = idStringSchema.safeParse(rawId);
  if (!billId.success) notFound();
  try {
    const [bill, settings, ack] = await withinDeadline(async () => {
      const db = await getDb();
      return Promise.all([
        getBillDetail(db, session, billId.data),
        getNotifySettings(db, session.labId),
        // A doctor's done callouts on this bill that wait for their acknowledgement (DESIGN §10).
        getAcknowledgeList(db, session, billId.data),
      ]);
    });
    return { bill, alwaysNotify: settings.always_notify === 1, toAcknowledge: ack.rows[0] ?? null, labPhone: settings.lab_phone.trim() };
  } catch (err) {
    if (err instanceof ApiError && err.code === "not_found") notFound();
    throw err;
  }
}

export default async function BillPage({ params }: { params: Promise<{ billId: string }> }) {
  const session = await currentSession();
  if (!session) redirect("/login");
  const { bill, alwaysNotify, toAcknowledge, labPhone } = await loadBill(session, (await params).billId);

  const { open, done } = calloutCounts(bill.reports);

  return (
    <>
      <AppHeader session={session} />
      <main className="mx-auto max-w-7xl px-6 py-6">
        {/* One callout dialog for the page, opened by the header button or by a Sign that needs a callout. */}
        <BillSigningProvider bill={bill}>
          <nav aria-label="Breadcrumb" className="text-sm text-slate-600">
            <ol className="flex gap-2">
              <li>
                <Link href="/worklist" className="text-brand-700 hover:underline">
                  Worklist
                </Link>
              </li>
              <li aria-hidden="true">/</li>
              <li aria-current="page">Bill {bill.accessionNo}</li>
            </ol>
          </nav>

          <div className="mt-3 flex flex-wrap items-end justify-between gap-4">
            <div>
              <h1 className="text-2xl font-semibold text-ink">{bill.patient.name}</h1>
              <p className="mt-1 text-sm text-slate-600">
                Accession <span className="font-medium text-slate-800">{bill.accessionNo}</span> · Bill {bill.billId} · Ordered{" "}
                <LocalTime iso={bill.createdAt} />
              </p>
            </div>
            <div className="flex items-center gap-4">
              <p className="text-right text-sm text-slate-600">
                <span className="block font-medium text-slate-800">
                  {open} open critical {open === 1 ? "report" : "reports"}
                </span>
                {done} done
              </p>
              {toAcknowledge && (
                <AcknowledgeButton
                  billId={bill.billId}
                  reportIds={toAcknowledge.reportIds}
                  label="Acknowledge receipt"
                  what={`critical results called out to you: ${toAcknowledge.testNames.join(", ")}`}
                />
              )}
              <BillCalloutButton bill={bill} />
            </div>
          </div>
          {session.kind === "doctor" && labPhone && (
            <p className="mt-2 text-sm text-slate-700">
              To call the lab back:{" "}
              <a href={`tel:${labPhone.replace(/[^\d+]/g, "")}`} className="font-medium text-brand-700 underline underline-offset-2">
                {labPhone}
              </a>
            </p>
          )}
          <div className="mt-2 flex justify-end">
            <LiveRefresh billId={bill.billId} />
          </div>

          <BillPeople bill={bill} />
          <BillReportsTable reports={bill.reports} alwaysNotify={alwaysNotify} />
        </BillSigningProvider>
      </main>
    </>
  );
}
