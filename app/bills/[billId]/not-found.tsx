import Link from "next/link";
import { AppHeader } from "@/components/app-header";
import { currentSession } from "@/server/auth/current-user";

// One answer for a bill that does not exist, belongs to another lab, or is not assigned to this
// doctor: telling them apart would reveal which bills exist.
export default async function BillNotFound() {
  const session = await currentSession();
  return (
    <>
      {session && <AppHeader session={session} />}
      <main className="mx-auto max-w-xl px-6 py-16 text-center">
        <p className="text-sm font-semibold uppercase tracking-wider text-brand-700">404</p>
        <h1 className="mt-2 text-2xl font-semibold text-ink">Bill not found</h1>
        <p className="mt-3 text-slate-600">
          This bill does not exist, or it is not one you can see with your account. Check the accession number, or open the bill from
          the worklist.
        </p>
        <Link href="/worklist" className="mt-6 inline-block rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800">
          Back to the worklist
        </Link>
      </main>
    </>
  );
}
