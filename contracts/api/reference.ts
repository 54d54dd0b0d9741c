// One operation of the OpenAPI document as the reference page (/api/docs) shows it.

export interface ReferenceParameter {
  name: string;
  in: string;
  required: boolean;
  description?: string;
  schema: unknown;
}

export interface ReferenceOperation {
  method: string;
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  isPublic: boolean;
  parameters: ReferenceParameter[];
  requestBody?: { mediaType: string; schema: unknown };
  responses: { status: string; description: string; mediaType?: string; schema?: unknown }[];
}
