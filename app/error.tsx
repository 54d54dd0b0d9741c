"use client";
import { PageErrorPanel } from "./_shared/page-error-panel";

export default function PageError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <main className="mx-auto max-w-3xl px-6 py-8">
      <PageErrorPanel
        error={error}
        retry={retry}
        level="h1"
        heading="This page could not be loaded"
        advice="Try again in a moment. If it keeps failing, the database may be unreachable: call critical results out by phone and tell support."
      />
    </main>
  );
}
