"use client";
// A page could not be rendered (the database did not answer within the request deadline, or a bug).
// Say so plainly, offer a retry, and show the digest that matches the server log, never the error's text.
import { useEffect } from "react";

export default function PageError({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = error instanceof Error ? (error as Error & { digest?: string }).digest : undefined;
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <main className="mx-auto max-w-3xl px-6 py-8">
      <div role="alert" className="rounded-lg border border-red-200 bg-white p-6">
        <h1 className="text-lg font-semibold text-red-800">This page could not be loaded</h1>
        <p className="mt-2 text-slate-700">
          Try again in a moment. If it keeps failing, the database may be unreachable: call critical results out by phone and tell support.
        </p>
        {digest && <p className="mt-2 text-sm text-slate-600">Reference: {digest}</p>}
        <button type="button" onClick={() => retry()} className="mt-4 rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">
          Try again
        </button>
      </div>
    </main>
  );
}
