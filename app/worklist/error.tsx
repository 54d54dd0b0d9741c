"use client";
import { PageErrorPanel } from "../_shared/page-error-panel";

export default function WorklistError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <main className="mx-auto max-w-7xl px-6 py-8">
      <h1 className="text-2xl font-semibold">Critical results worklist</h1>
      <div className="mt-6">
        <PageErrorPanel
          error={error}
          retry={retry}
          level="h2"
          heading="The worklist could not be loaded"
          advice="Critical results are not shown. Try again in a moment; if it keeps failing, call results out from the bill and tell support."
        />
      </div>
    </main>
  );
}
