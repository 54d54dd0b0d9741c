// /api/docs: the API reference, rendered on the server from the OpenAPI document (no script, nothing
// fetched from elsewhere). Like every page with lab data around it, it needs a session.
import { redirect } from "next/navigation";
import { OperationCard } from "@/components/api-reference/operation-card";
import { cachedSession } from "@/server/auth/cached-session";
import { openApiDocument } from "@/server/openapi/document";
import { referenceOperations } from "@/server/openapi/reference";

export const dynamic = "force-dynamic";
export const metadata = { title: "API reference — Critical Callout" };

export default async function ApiDocsPage() {
  if (!(await cachedSession())) redirect("/login");
  const doc = openApiDocument();
  const operations = referenceOperations(doc);
  return (
    <main className="mx-auto max-w-5xl space-y-4 p-6">
      <h1 className="text-2xl font-semibold">{doc.info.title}</h1>
      <p className="text-sm text-slate-700">{doc.info.description}</p>
      <p className="text-sm">
        Machine-readable: <a className="underline" href="/api/openapi.json">/api/openapi.json</a> (OpenAPI {doc.openapi}).
      </p>
      <nav aria-label="Operations">
        <ul className="columns-2 text-sm">
          {operations.map((op) => (
            <li key={op.operationId}>
              <a className="underline" href={`#${op.operationId}`}>
                {op.method} {op.path}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {operations.map((op) => (
        <OperationCard key={op.operationId} op={op} />
      ))}
    </main>
  );
}
