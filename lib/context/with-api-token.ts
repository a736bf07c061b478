// Wraps a read-API route handler: the token is checked (again, after proxy.ts), and every answer, data or error,
// is JSON in Callboard's one error shape and never cached by a proxy.
import { authenticateApiRequest } from "@/lib/api-tokens/authenticate-api-request";
import type { ApiTokenIdentity } from "@/lib/api-tokens/verify-api-token";
import { errorResponse } from "@/lib/http/api-error";
import { appContext } from "./current";

type Handler<Params> = (request: Request, context: { token: ApiTokenIdentity; params: Params }) => Promise<unknown>;

export function withApiToken<Params = Record<string, never>>(handler: Handler<Params>) {
  return async (request: Request, context: { params: Promise<Params> }): Promise<Response> => {
    let response: Response;
    try {
      const { prisma, limits } = appContext();
      const token = await authenticateApiRequest(request, prisma, limits.apiTokens);
      response = Response.json(await handler(request, { token, params: await context.params }));
    } catch (error) {
      response = errorResponse(error);
    }
    response.headers.set("cache-control", "no-store");
    return response;
  };
}
