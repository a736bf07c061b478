// POST /api/alerts/destinations/:id/secret/rotate – give a webhook destination a new signing secret, used from the
// next alert on; answers it (for the receiver) with the rule.
import { parseAlertId, rotateAlertDestinationSecret } from "@/lib/alerts/alert-rules";
import { requireAdmin } from "@/lib/context/session";
import { appContext } from "@/lib/context/current";
import { errorResponse } from "@/lib/http/api-error";

export const dynamic = "force-dynamic";

export async function POST(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    // proxy.ts admits only admins under /api/alerts; checked again here.
    await requireAdmin(request.headers);
    const id = parseAlertId((await context.params).id, "destination");
    const { prisma, secretBox } = appContext();
    return Response.json(await rotateAlertDestinationSecret(prisma, secretBox, id), { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return errorResponse(error, request);
  }
}
