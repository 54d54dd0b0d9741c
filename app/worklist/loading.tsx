// Shown while the first render of the worklist runs (filter changes keep the old rows visible and
// say "Updating…" instead).
export default function WorklistLoading() {
  return (
    <main className="mx-auto max-w-7xl px-6 py-8" aria-busy="true">
      <h1 className="text-2xl font-semibold">Critical results worklist</h1>
      <p role="status" className="mt-2 text-slate-600">
        Loading the worklist…
      </p>
      <div className="mt-6 animate-pulse rounded-lg border border-slate-200 bg-white p-4" aria-hidden="true">
        <div className="h-8 w-64 rounded bg-slate-100" />
        <div className="mt-4 space-y-3">
          {Array.from({ length: 8 }, (_, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: static placeholder rows
            <div key={i} className="h-6 rounded bg-slate-100" />
          ))}
        </div>
      </div>
    </main>
  );
}
