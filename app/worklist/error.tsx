"use client";
// The worklist could not be rendered (database down, a bug). Say so plainly, offer a retry, and show
// the digest that matches the server log, never the error's text.
import { useEffect } from "react";

export default function WorklistError({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = error instanceof Error ? (error as Error & { digest?: string }).digest : undefined;
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <main className="mx-auto max-w-7xl px-6 py-8">
      <h1 className="text-2xl font-semibold">Critical results worklist</h1>
      <div role="alert" className="mt-6 rounded-lg border border-red-200 bg-white p-6">
        <h2 className="text-lg font-semibold text-red-800">The worklist could not be loaded</h2>
        <p className="mt-2 text-slate-700">
          Critical results are not shown. Try again in a moment; if it keeps failing, call results out from the bill and tell support.
        </p>
        {digest && <p className="mt-2 text-sm text-slate-600">Reference: {digest}</p>}
        <button type="button" onClick={() => retry()} className="mt-4 rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">
          Try again
        </button>
      </div>
    </main>
  );
}
