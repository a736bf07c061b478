// GET /api/api-tokens – every read-API token (never a secret). POST – make one: { name, expiresInDays? } → its secret, once.
import { createApiToken, listApiTokens, newApiTokenSchema } from "@/lib/api-tokens/api-tokens";
import { requireAdmin } from "@/lib/context/session";
import { appContext } from "@/lib/context/current";
import { errorResponse } from "@/lib/http/api-error";
import { readJsonBody } from "@/lib/http/read-json-body";
import { translatorFor } from "@/lib/http/error-text";

export const dynamic = "force-dynamic";

const NO_STORE = { "cache-control": "no-store" };

const t = translatorFor("errors");

export async function GET(request: Request): Promise<Response> {
  try {
    // proxy.ts admits only admins here; checked again because tokens open the API.
    await requireAdmin(request.headers);
    return Response.json({ tokens: await listApiTokens(appContext().prisma) }, { headers: NO_STORE });
  } catch (error) {
    return errorResponse(error, request);
  }
}

export async function POST(request: Request): Promise<Response> {
  try {
    const admin = await requireAdmin(request.headers);
    const input = await readJsonBody(request, newApiTokenSchema, { name: t("fields.tokenName"), expiresInDays: t("fields.expiresInDays") });
    return Response.json(await createApiToken(appContext().prisma, input, admin.id), { status: 201, headers: NO_STORE });
  } catch (error) {
    return errorResponse(error, request);
  }
}
