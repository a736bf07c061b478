// The OpenAPI 3.1 document of the read API, rendered by zod-openapi from the very schemas the handlers validate
// queries with and parse their responses with (schemas.ts, list-calls-query.ts), so it cannot drift from them.
// zod-openapi 5 builds on zod 4's own JSON Schema output; its 6.x needs Node 22, and Callboard runs on Node 20.
import { createDocument, type oas31, type ZodOpenApiResponsesObject } from "zod-openapi";
import { API_TOKEN_PREFIX } from "@/lib/api-tokens/api-token-secret";
import { env } from "@/lib/env";
import { ListCallsQuerySchema } from "./list-calls-query";
import { CallDetailSchema, CallIdParamsSchema, CallListSchema, ErrorSchema } from "./schemas";

export const OPENAPI_PATH = "/api/v1/openapi.json";

function errorResponse(description: string, headers?: Record<string, { description: string; schema: { type: "integer" | "string" } }>) {
  return { description, ...(headers ? { headers } : {}), content: { "application/json": { schema: ErrorSchema } } };
}

const COMMON_ERRORS: ZodOpenApiResponsesObject = {
  "401": errorResponse("No token, a malformed, unknown, revoked or expired one. The message says which.", {
    "WWW-Authenticate": { description: "`Bearer realm=\"Callboard API\"`, with `error=\"invalid_token\"` when a token was sent.", schema: { type: "string" } },
  }),
  "429": errorResponse("This token made more than API_RATE_LIMIT_PER_MINUTE requests in a minute.", {
    "Retry-After": { description: "Seconds to wait before retrying.", schema: { type: "integer" } },
  }),
  "503": errorResponse("The database is unavailable; retry after Retry-After seconds.", {
    "Retry-After": { description: "Seconds to wait before retrying.", schema: { type: "integer" } },
  }),
};

let cached: oas31.OpenAPIObject | undefined;

/** Rendered once per process: the schemas do not change while it runs. */
export function getOpenApiDocument(): oas31.OpenAPIObject {
  cached ??= createOpenApiDocument();
  return cached;
}

export function createOpenApiDocument(): oas31.OpenAPIObject {
  return createDocument({
    openapi: "3.1.0",
    info: {
      title: "Callboard read API",
      version: "1.0.0",
      description:
        "Read-only access to the calls Callboard has received from Flireo, for analytics and CRM sync. " +
        "Authenticate every request with an API token made by an admin on /settings/api-tokens: `Authorization: Bearer cb_live_…`. " +
        "Timestamps are ISO 8601 in UTC; errors are `{ \"error\": { \"code\", \"message\", \"details\"? } }`.",
    },
    ...(env.PUBLIC_BASE_URL ? { servers: [{ url: env.PUBLIC_BASE_URL }] } : {}),
    security: [{ bearerAuth: [] }],
    components: {
      securitySchemes: {
        bearerAuth: { type: "http", scheme: "bearer", bearerFormat: `${API_TOKEN_PREFIX}…`, description: "An API token (scope: read)." },
      },
    },
    paths: {
      "/api/v1/calls": {
        get: {
          operationId: "listCalls",
          summary: "List calls, newest first",
          description:
            "Filters combine with AND. Pages are keyset-paginated on (createdAt, id), which never change for a call: following nextCursor " +
            "while new calls arrive neither skips nor repeats a call (new ones appear before the first page).",
          requestParams: { query: ListCallsQuerySchema },
          responses: {
            "200": { description: "One page of calls.", content: { "application/json": { schema: CallListSchema } } },
            "400": errorResponse("A query parameter is unknown, repeated or malformed, or the cursor was not issued by Callboard; `details` lists each."),
            "422": errorResponse("`q` is longer than its limit, or holds no word to look for (only punctuation or operators)."),
            ...COMMON_ERRORS,
          },
        },
      },
      "/api/v1/calls/{id}": {
        get: {
          operationId: "getCall",
          summary: "One call, with its webhook events and end-of-call report",
          requestParams: { path: CallIdParamsSchema },
          responses: {
            "200": { description: "The call.", content: { "application/json": { schema: CallDetailSchema } } },
            "404": errorResponse("No call has this id."),
            ...COMMON_ERRORS,
          },
        },
      },
      [OPENAPI_PATH]: {
        get: {
          operationId: "getOpenApiDocument",
          summary: "This document",
          security: [],
          responses: { "200": { description: "The OpenAPI 3.1 document.", content: { "application/json": { schema: { type: "object" } } } } },
        },
      },
    },
  });
}
