// GET /api/alerts/destinations/:id/secret – reveal a webhook destination's signing secret, for its receiver.
import { parseAlertId, revealAlertDestinationSecret } from "@/lib/alerts/alert-rules";
import { requireAdmin } from "@/lib/context/session";
import { appContext } from "@/lib/context/current";
import { errorResponse } from "@/lib/http/api-error";

export const dynamic = "force-dynamic";

export async function GET(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    await requireAdmin(request.headers);
    const id = parseAlertId((await context.params).id, "destination");
    const { prisma, secretBox } = appContext();
    return Response.json({ secret: await revealAlertDestinationSecret(prisma, secretBox, id) }, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return errorResponse(error, request);
  }
}
