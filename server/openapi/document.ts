// The OpenAPI 3.1 document, generated from the operation list and the zod contracts it names
// (zod 4's own JSON Schema output, whose draft 2020-12 dialect is OpenAPI 3.1's).
import { z } from "zod";
import { OPERATIONS, type Operation } from "@/contracts/api/operations";
import { ERROR_STATUS } from "@/domain/errors";

type JsonSchema = Record<string, unknown>;

/** A contract as JSON Schema: what a client sends (input) or receives (output). */
function jsonSchema(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as JsonSchema;
  return rest;
}

/** `/report/[billId]/x` → `/report/{billId}/x`. */
export function openApiPath(appPath: string): string {
  return appPath.replace(/\[(\w+)\]/g, "{$1}");
}

const errorEnvelope = z.object({
  error: z.object({
    code: z.enum(Object.keys(ERROR_STATUS) as [keyof typeof ERROR_STATUS]),
    message: z.string(),
    details: z.unknown().optional(),
    request_id: z.string().optional(),
  }),
});

function parameters(op: Operation) {
  const out: JsonSchema[] = [];
  const add = (where: "path" | "query", obj: z.ZodObject | undefined) => {
    if (!obj) return;
    const schema = jsonSchema(obj, "input") as { properties?: Record<string, JsonSchema>; required?: string[] };
    for (const [name, prop] of Object.entries(schema.properties ?? {})) {
      const required = where === "path" || (schema.required ?? []).includes(name);
      const { description, ...rest } = prop;
      out.push({ name, in: where, required, schema: rest, ...(description ? { description } : {}), ...(rest.type === "array" ? { style: "form", explode: true } : {}) });
    }
  };
  add("path", op.params);
  add("query", op.query);
  for (const h of op.headers ?? []) out.push({ name: h.name, in: "header", required: false, description: h.description, schema: { type: "string" } });
  return out;
}

function responses(op: Operation) {
  const media = op.mediaType ?? "application/json";
  const error = { content: { [media]: { schema: jsonSchema(op.errorSchema ?? errorEnvelope, "output") } } };
  const out: Record<string, JsonSchema> = {};
  for (const [status, r] of Object.entries(op.responses)) {
    if (typeof r === "string") out[status] = { description: r, ...error };
    else out[status] = { description: r.description, content: { [r.contentType ?? media]: r.schema ? { schema: jsonSchema(r.schema, "output") } : {} } };
  }
  if (op.access !== "public") out["401"] ??= { description: "No valid session or API token", ...error };
  if (op.body || op.query || op.params) out["400"] ??= { description: "Bad input", ...error };
  return out;
}

function operation(op: Operation) {
  return {
    operationId: `${op.method.toLowerCase()}${openApiPath(op.path).replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ?? "").toUpperCase())}`,
    tags: [op.tag],
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    security: op.access === "public" ? [] : [{ bearerToken: [] }, { sessionCookie: [] }],
    parameters: parameters(op),
    ...(op.body ? { requestBody: { required: true, content: { "application/json": { schema: jsonSchema(op.body, "input") } } } } : {}),
    responses: responses(op),
  };
}

export function openApiDocument(operations: Operation[] = OPERATIONS) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of operations) {
    const path = openApiPath(op.path);
    paths[path] ??= {};
    paths[path][op.method.toLowerCase()] = operation(op);
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Critical Callout API",
      version: "1.0.0",
      description:
        "Critical (panic) result callouts of a clinical lab. Every operation but sign-in and the FHIR CapabilityStatement needs a session cookie or an API token (`Authorization: Bearer <token>`, from `npm run token:add`); a token acts as its user, with that user's lab and department scope. Cookie requests that write must carry the app's own Origin.",
    },
    servers: [{ url: "/" }],
    components: {
      securitySchemes: {
        bearerToken: { type: "http", scheme: "bearer", description: "An API token from npm run token:add" },
        sessionCookie: { type: "apiKey", in: "cookie", name: "cc_session", description: "The browser session set by POST /auth/login" },
      },
    },
    paths,
  };
}
