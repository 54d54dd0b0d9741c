import Link from "next/link";
import type { SessionContext } from "@/domain/auth/session-context";
import { LogoutButton } from "./auth/logout-button";

const KIND_LABEL = { lab_user: "Lab technician", doctor: "Doctor", support: "Support" } as const;

export function AppHeader({ session }: { session: SessionContext }) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-6 py-3">
        <div className="flex flex-wrap items-center gap-x-6 gap-y-1">
          <Link href="/worklist" className="font-semibold text-brand-800">
            Critical Callout
          </Link>
          <nav aria-label="Main" className="flex items-center gap-4">
            <Link href="/worklist" className="text-sm text-slate-700 hover:text-ink">
              Worklist
            </Link>
            {/* Compliance is the lab's quality view: support (the lab), technicians and department
                doctors (their departments); a referral doctor's scope is their own bills. */}
            {session.kind === "doctor" && session.docType !== 0 ? null : (
              <Link href="/compliance" className="text-sm text-slate-700 hover:text-ink">
                Compliance
              </Link>
            )}
          </nav>
        </div>
        {/* On a phone the user and Sign out go to a line of their own rather than widen the page. */}
        <div className="ml-auto flex min-w-0 items-center gap-4 text-sm">
          <div className="min-w-0 text-right leading-tight">
            <div className="font-medium">{session.displayName}</div>
            <div className="text-slate-500">
              {KIND_LABEL[session.kind]} · {session.labName}
            </div>
          </div>
          <LogoutButton />
        </div>
      </div>
    </header>
  );
}
