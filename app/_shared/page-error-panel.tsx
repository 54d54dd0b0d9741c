"use client";
// A page could not be rendered (the database did not answer within the request deadline, or a bug).
// Say so plainly, offer a retry, and show the digest that matches the server log, never the error's text
// (the server has logged the error itself; the browser's copy holds nothing more than the digest).

export function PageErrorPanel(props: { error: unknown; retry: () => void; heading: string; advice: string; level: "h1" | "h2" }) {
  const digest = (props.error as { digest?: string } | null)?.digest;
  const Heading = props.level;
  return (
    <div role="alert" className="rounded-lg border border-red-200 bg-white p-6">
      <Heading className="text-lg font-semibold text-red-800">{props.heading}</Heading>
      <p className="mt-2 text-slate-700">{props.advice}</p>
      {digest && <p className="mt-2 text-sm text-slate-600">Reference: {digest}</p>}
      <button type="button" onClick={() => props.retry()} className="mt-4 rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">
        Try again
      </button>
    </div>
  );
}
