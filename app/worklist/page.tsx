import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AppHeader } from "@/components/app-header";
import { currentSession } from "@/lib/auth/current-user";

export const metadata: Metadata = { title: "Worklist" };
export const dynamic = "force-dynamic";

export default async function WorklistPage() {
  const session = await currentSession();
  if (!session) redirect("/login");
  return (
    <>
      <AppHeader session={session} />
      <main className="mx-auto max-w-7xl px-6 py-8">
        <h1 className="text-2xl font-semibold">Critical results worklist</h1>
        <p className="mt-2 text-slate-600">The worklist arrives with the callout UI.</p>
      </main>
    </>
  );
}
