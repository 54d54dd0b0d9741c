// GET /api/openapi.json → the OpenAPI 3.1 document of every route, generated from the zod contracts.
import { withSession } from "@/server/api/handler";
import { openApiDocument } from "@/server/openapi/document";
import { otherMethods } from "@/server/api/methods";

export const GET = withSession(async () => openApiDocument());

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
