import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { AppHeader } from "@/components/app-header";
import { cachedSession } from "@/server/auth/cached-session";

// The header lives in the layout so it stays put while the page loads or fails (loading.tsx and
// error.tsx replace only the page). Without a session: the sign-in page.
export async function SignedInLayout({ children }: { children: ReactNode }) {
  const session = await cachedSession();
  if (!session) redirect("/login");
  return (
    <>
      <AppHeader session={session} />
      {children}
    </>
  );
}
