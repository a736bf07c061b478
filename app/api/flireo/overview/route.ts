// GET /api/flireo/overview – the organization's assistants (and whether they point here) and phone numbers.
import { getFlireoClient } from "@/lib/flireo/flireo-api-key";
import { loadFlireoOverview, toApiError } from "@/lib/flireo/manage-registrations";
import { errorResponse } from "@/lib/http/api-error";
import { loadRegistrationTarget } from "@/lib/webhooks/webhook-settings";
import { readRequestOrigin } from "@/lib/webhooks/webhook-url";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  try {
    const client = await getFlireoClient();
    const target = await loadRegistrationTarget(readRequestOrigin(request.headers, request.url));
    return Response.json(await loadFlireoOverview(client, target));
  } catch (error) {
    return errorResponse(toApiError(error));
  }
}
