// GET /api/flireo/overview – the organization's assistants (and whether they point here) and phone numbers.
import { requireAdmin } from "@/lib/context/session";
import { appContext } from "@/lib/context/current";
import { getFlireoClient } from "@/lib/flireo/flireo-api-key";
import { loadFlireoOverview } from "@/lib/flireo/manage-registrations";
import { errorResponse } from "@/lib/http/api-error";
import { loadRegistrationTarget } from "@/lib/flireo/webhook-settings";
import { readRequestOrigin } from "@/lib/webhooks/webhook-url";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  try {
    // proxy.ts admits only admins here; checked again because these change or reveal webhook settings.
    await requireAdmin(request.headers);
    const { prisma, secretBox, flireoBudget } = appContext();
    const client = await getFlireoClient(prisma, secretBox, flireoBudget);
    const target = await loadRegistrationTarget(prisma, secretBox, readRequestOrigin(request.headers, request.url));
    return Response.json(await loadFlireoOverview(client, target));
  } catch (error) {
    return errorResponse(error, request);
  }
}
