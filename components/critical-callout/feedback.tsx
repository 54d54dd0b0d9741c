// Loading, empty and error states shared by the dialog's panels.
"use client";

import Link from "next/link";
import { ApiError } from "@/domain/errors";
import { AlertCircleIcon } from "./icons";

/** Grey bars in the shape of what is coming; announced once as "Loading …" for screen readers. */
export function Skeleton({ label, rows = 3 }: { label: string; rows?: number }) {
  return (
    <div role="status" aria-live="polite" className="space-y-3">
      <span className="sr-only">{label}</span>
      {Array.from({ length: rows }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: static placeholders, never reordered
        <div key={i} aria-hidden="true" className="animate-pulse rounded-lg border border-slate-200 p-4">
          <div className="h-3 w-1/3 rounded bg-slate-200" />
          <div className="mt-3 h-3 w-2/3 rounded bg-slate-100" />
        </div>
      ))}
    </div>
  );
}

export function errorMessage(error: unknown): string {
  if (error instanceof ApiError || error instanceof Error) return error.message;
  return "Something went wrong";
}

export function QueryError({ error, what, onRetry }: { error: unknown; what: string; onRetry?: () => void }) {
  const expired = error instanceof ApiError && error.code === "unauthorized";
  return (
    <div role="alert" className="flex items-start gap-2 rounded-lg border border-red-200 bg-red-50 p-3 text-sm text-red-900">
      <AlertCircleIcon className="mt-0.5 h-4 w-4 shrink-0" />
      <div>
        <p className="font-medium">Could not load {what}.</p>
        <p>{errorMessage(error)}</p>
        {expired ? (
          <Link href="/login" className="mt-1 inline-block font-medium underline">
            Sign in again
          </Link>
        ) : (
          onRetry && (
            <button type="button" onClick={onRetry} className="mt-1 font-medium underline">
              Try again
            </button>
          )
        )}
      </div>
    </div>
  );
}
