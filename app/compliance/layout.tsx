import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { AppHeader } from "@/components/app-header";
import { cachedSession } from "@/server/auth/cached-session";

export const dynamic = "force-dynamic";

export default async function ComplianceLayout({ children }: { children: ReactNode }) {
  const session = await cachedSession();
  if (!session) redirect("/login");
  return (
    <>
      <AppHeader session={session} />
      {children}
    </>
  );
}
