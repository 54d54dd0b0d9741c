// The OpenAPI document flattened for the reference page (/api/docs): one entry per operation.
import type { ReferenceOperation, ReferenceParameter } from "@/contracts/api/reference";
import type { openApiDocument } from "./document";

type Doc = ReturnType<typeof openApiDocument>;
type Content = Record<string, { schema?: unknown }> | undefined;

const firstMedia = (content: Content) => {
  const [mediaType, body] = Object.entries(content ?? {})[0] ?? [];
  return mediaType ? { mediaType, schema: body?.schema } : undefined;
};

export function referenceOperations(doc: Doc): ReferenceOperation[] {
  const out: ReferenceOperation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, raw] of Object.entries(methods)) {
      const op = raw as {
        operationId: string;
        summary: string;
        description?: string;
        security: unknown[];
        parameters: ReferenceParameter[];
        requestBody?: { content: Content };
        responses: Record<string, { description: string; content?: Content }>;
      };
      out.push({
        method: method.toUpperCase(),
        path,
        operationId: op.operationId,
        summary: op.summary,
        description: op.description,
        isPublic: op.security.length === 0,
        parameters: op.parameters,
        requestBody: op.requestBody ? firstMedia(op.requestBody.content) : undefined,
        responses: Object.entries(op.responses).map(([status, r]) => ({ status, description: r.description, ...firstMedia(r.content) })),
      });
    }
  }
  return out;
}
