// POST /api/api-tokens/{id}/revoke – the token stops working at once; it stays listed as revoked.
import { revokeApiToken } from "@/lib/api-tokens/api-tokens";
import { requireAdmin } from "@/lib/context/session";
import { appContext } from "@/lib/context/current";
import { errorResponse } from "@/lib/http/api-error";

export const dynamic = "force-dynamic";

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    // proxy.ts admits only admins here; checked again because tokens open the API.
    const admin = await requireAdmin(request.headers);
    const { id } = await params;
    return Response.json({ token: await revokeApiToken(appContext().prisma, id, admin.id) }, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return errorResponse(error, request);
  }
}
