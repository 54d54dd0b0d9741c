// One operation of the API reference: method and path, what it does, its parameters, body and
// responses, each schema shown as JSON Schema (folded, so the page stays scannable).
import type { ReferenceOperation } from "@/contracts/api/reference";

function SchemaBlock({ label, schema }: { label: string; schema: unknown }) {
  return (
    <details className="mt-1">
      <summary className="cursor-pointer text-sm text-slate-700">{label}</summary>
      <pre className="mt-1 max-h-96 overflow-auto rounded bg-slate-50 p-2 text-xs">{JSON.stringify(schema, null, 2)}</pre>
    </details>
  );
}

/** A short type for a parameter's schema: `integer`, `string (pattern …)`, `array of string`. */
function typeOf(schema: unknown): string {
  const s = (schema ?? {}) as { type?: string; enum?: unknown[]; items?: unknown; pattern?: string; default?: unknown };
  let t = s.enum ? `one of ${s.enum.join(", ")}` : s.type === "array" ? `array of ${typeOf(s.items)}` : (s.type ?? "any");
  if (s.pattern) t += ` matching ${s.pattern}`;
  if (s.default !== undefined) t += ` (default ${String(s.default)})`;
  return t;
}

export function OperationCard({ op }: { op: ReferenceOperation }) {
  return (
    <section id={op.operationId} aria-labelledby={`${op.operationId}-title`} className="rounded border border-slate-200 p-4">
      <h3 id={`${op.operationId}-title`} className="font-mono text-base">
        <span className="mr-2 rounded bg-slate-800 px-2 py-0.5 text-white">{op.method}</span>
        {op.path}
      </h3>
      <p className="mt-1 font-medium">
        {op.summary}
        {op.isPublic ? " (no session needed)" : ""}
      </p>
      {op.description ? <p className="mt-1 text-sm text-slate-700">{op.description}</p> : null}
      {op.parameters.length > 0 ? (
        <table className="mt-2 w-full text-left text-sm">
          <caption className="sr-only">Parameters of {op.method} {op.path}</caption>
          <thead>
            <tr>
              <th scope="col">Parameter</th>
              <th scope="col">In</th>
              <th scope="col">Type</th>
              <th scope="col">Required</th>
              <th scope="col">Description</th>
            </tr>
          </thead>
          <tbody>
            {op.parameters.map((p) => (
              <tr key={`${p.in}-${p.name}`} className="border-t border-slate-100">
                <td className="font-mono">{p.name}</td>
                <td>{p.in}</td>
                <td className="font-mono text-xs">{typeOf(p.schema)}</td>
                <td>{p.required ? "yes" : "no"}</td>
                <td>{p.description ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {op.requestBody ? <SchemaBlock label={`Request body (${op.requestBody.mediaType})`} schema={op.requestBody.schema} /> : null}
      <h4 className="mt-2 text-sm font-semibold">Responses</h4>
      <ul className="text-sm">
        {op.responses.map((r) => (
          <li key={r.status}>
            <span className="font-mono">{r.status}</span> {r.description}
            {r.mediaType ? <span className="text-slate-500"> ({r.mediaType})</span> : null}
            {r.schema ? <SchemaBlock label={`${r.status} body`} schema={r.schema} /> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
