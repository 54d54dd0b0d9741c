// The bill's people on the bill page: patient (two identifiers: name and date of birth), referral
// doctor and organization with the contacts a callout would use.
import type { ReactNode } from "react";
import type { BillDetailDto, ContactDto } from "@/contracts/bill";

const SEX = { M: "Male", F: "Female", U: "Unknown" } as const;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "14 Mar 1958 (68 y)": a calendar date, so no time zone may shift it. */
function birthDate(iso: string | null, today = new Date()): string {
  if (!iso) return "Unknown";
  const [y, m, d] = iso.split("-").map(Number);
  let age = today.getUTCFullYear() - y;
  if (today.getUTCMonth() + 1 < m || (today.getUTCMonth() + 1 === m && today.getUTCDate() < d)) age--;
  return `${d} ${MONTHS[m - 1]} ${y} (${age} y)`;
}

function Card({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section aria-label={title} className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 className="text-xs font-semibold uppercase tracking-wide text-slate-500">{title}</h2>
      <div className="mt-2 text-sm">{children}</div>
    </section>
  );
}

function Contact({ c, none }: { c: ContactDto | null; none: string }) {
  if (!c) return <p className="text-slate-500">{none}</p>;
  return (
    <>
      <p className="font-medium text-ink">{c.name}</p>
      <dl className="mt-1 grid grid-cols-[3.5rem_1fr] gap-x-2 gap-y-0.5 text-slate-700">
        {c.phone && (
          <>
            <dt className="text-slate-500">Phone</dt>
            <dd>{c.phone}</dd>
          </>
        )}
        {c.email && (
          <>
            <dt className="text-slate-500">Email</dt>
            <dd className="break-all">{c.email}</dd>
          </>
        )}
        {c.fax && (
          <>
            <dt className="text-slate-500">Fax</dt>
            <dd>{c.fax}</dd>
          </>
        )}
      </dl>
    </>
  );
}

export function BillPeople({ bill }: { bill: BillDetailDto }) {
  const p = bill.patient;
  return (
    <div className="mt-6 grid gap-4 md:grid-cols-3">
      <Card title="Patient">
        <p className="font-medium text-ink">{p.name}</p>
        <dl className="mt-1 grid grid-cols-[3.5rem_1fr] gap-x-2 gap-y-0.5 text-slate-700">
          <dt className="text-slate-500">Born</dt>
          <dd>{birthDate(p.dateOfBirth)}</dd>
          <dt className="text-slate-500">Sex</dt>
          <dd>{SEX[p.sex]}</dd>
          {p.phone && (
            <>
              <dt className="text-slate-500">Phone</dt>
              <dd>{p.phone}</dd>
            </>
          )}
        </dl>
      </Card>
      <Card title="Referral doctor">
        <Contact c={bill.referral} none="No referral doctor on this bill" />
      </Card>
      <Card title="Organization">
        <Contact c={bill.organization} none="No organization on this bill" />
      </Card>
    </div>
  );
}
