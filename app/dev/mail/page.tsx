// Development mailbox: what the outbox delivered (or holds) for the signed-in user's lab, like a local
// mail catcher. Not served by production builds.
import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { AppHeader } from "@/components/app-header";
import { getDb } from "@/db";
import { listOutboundMessages } from "@/db/queries/outbox";
import { utcTime } from "@/domain/format";
import { currentSession } from "@/server/auth/current-user";

export const metadata: Metadata = { title: "Development mailbox" };
export const dynamic = "force-dynamic";

const STATUS_TEXT: Record<string, string> = {
  pending: "Pending (will retry)",
  sent: "Delivered",
  failed: "Failed",
  no_provider: "Not sent — no provider configured",
};

export default async function DevMailPage() {
  if (process.env.NODE_ENV === "production" && process.env.DEV_MAILBOX !== "1") notFound();
  const session = await currentSession();
  if (!session) redirect("/login");
  const messages = await listOutboundMessages(await getDb(), session.labId);
  return (
    <>
      <AppHeader session={session} />
      <main className="mx-auto max-w-5xl px-6 py-8">
        <h1 className="text-2xl font-semibold">Development mailbox</h1>
        <p className="mt-1 text-slate-600">
          Messages written by done callouts of {session.labName}. Without <code>SMTP_URL</code>, email is delivered here; fax, SMS
          and WhatsApp have no provider and are never sent.
        </p>
        {messages.length === 0 ? (
          <p className="mt-8 rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-slate-600">No messages yet.</p>
        ) : (
          <ul className="mt-6 space-y-4">
            {messages.map((m) => (
              <li key={m.id} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <h2 className="font-medium">{m.subject || "(no subject)"}</h2>
                  <span className="text-sm text-slate-600">
                    {m.channel.toUpperCase()} · {STATUS_TEXT[m.status] ?? m.status}
                  </span>
                </div>
                <p className="mt-1 text-sm text-slate-600">
                  To {m.recipientName} &lt;{m.address}&gt; ({m.recipientKind}) · {utcTime(m.createdAt, "second")} UTC
                  {m.lastError ? ` · ${m.lastError}` : ""}
                </p>
                <pre className="mt-3 whitespace-pre-wrap rounded bg-slate-50 p-3 text-sm">{m.bodyText}</pre>
              </li>
            ))}
          </ul>
        )}
      </main>
    </>
  );
}
