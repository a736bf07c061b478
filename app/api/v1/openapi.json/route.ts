// GET /api/v1/openapi.json – the read API's OpenAPI 3.1 document. Public: it is documentation and holds no data.
import { getOpenApiDocument } from "@/lib/public-api/openapi";

export const dynamic = "force-dynamic";

export function GET(): Response {
  return Response.json(getOpenApiDocument(), { headers: { "cache-control": "public, max-age=300" } });
}
