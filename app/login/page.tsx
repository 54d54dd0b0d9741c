import type { Metadata } from "next";
import { loginErrorMessage } from "@/components/auth/login-errors";
import { LoginForm } from "@/components/auth/login-form";
import { DEMO_LOGINS, DEMO_PASSWORD } from "@/db/demo-logins";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ error?: string | string[] }> }) {
  const { error } = await searchParams;
  // Demo logins are a development aid: never shown by a production build.
  const demo = process.env.NODE_ENV !== "production" || process.env.SHOW_DEMO_LOGINS === "1";
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-6 py-12">
      <div className="mb-8">
        <p className="text-sm font-semibold uppercase tracking-wider text-brand-700">Laboratory information system</p>
        <h1 className="mt-1 text-3xl font-semibold text-ink">Critical Callout</h1>
        <p className="mt-2 text-slate-600">Sign in to call out critical results.</p>
      </div>
      <LoginForm initialError={loginErrorMessage(typeof error === "string" ? error : undefined)} />
      {demo && (
        <section aria-labelledby="demo-logins" className="mt-8 rounded-lg border border-slate-200 bg-white p-4 text-sm">
          <h2 id="demo-logins" className="font-medium">
            Demo logins <span className="font-normal text-slate-500">(password {DEMO_PASSWORD})</span>
          </h2>
          <ul className="mt-2 space-y-1 text-slate-700">
            {DEMO_LOGINS.map((l) => (
              <li key={l.username}>
                <code className="rounded bg-slate-100 px-1">{l.username}</code> — {l.description}
              </li>
            ))}
          </ul>
        </section>
      )}
    </main>
  );
}
