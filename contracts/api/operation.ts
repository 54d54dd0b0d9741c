// The description of one HTTP operation, from which the OpenAPI document is generated.
import type { z } from "zod";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export interface OperationResponse {
  description: string;
  /** The body's contract; absent for bodies that are not JSON (a workbook, an event stream). */
  schema?: z.ZodType;
  /** `application/json` unless given. */
  contentType?: string;
}

export interface Operation {
  method: HttpMethod;
  /** The path as app/ spells it (`/report/[billId]/critical/records`). */
  path: string;
  tag: string;
  summary: string;
  description?: string;
  /** public: no session needed; session (default): a session cookie or an API token. */
  access?: "public" | "session";
  params?: z.ZodObject;
  query?: z.ZodObject;
  headers?: { name: string; description: string }[];
  body?: z.ZodType;
  /** Success responses with their contracts; a string is an error response's description. */
  responses: Record<number, OperationResponse | string>;
  /** The media type of JSON bodies and errors (`application/fhir+json` under /fhir/). */
  mediaType?: string;
  /** The error body's contract; the error envelope unless given. */
  errorSchema?: z.ZodType;
}
