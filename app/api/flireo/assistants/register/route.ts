// POST /api/flireo/assistants/register – point assistants at this Callboard: { assistantIds }. One result each.
import { requireAdmin } from "@/lib/auth/session";
import { z } from "zod";
import { getFlireoClient } from "@/lib/flireo/flireo-api-key";
import { registerAssistants } from "@/lib/flireo/manage-registrations";
import { errorResponse } from "@/lib/http/api-error";
import { readJsonBody } from "@/lib/http/read-json-body";
import { loadRegistrationTarget } from "@/lib/webhooks/webhook-settings";
import { readRequestOrigin } from "@/lib/webhooks/webhook-url";

export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  try {
    // proxy.ts admits only admins here; checked again because these change or reveal webhook settings.
    await requireAdmin(request.headers);
    const { assistantIds } = await readJsonBody(request, z.object({ assistantIds: z.array(z.string()).max(100) }));
    const client = await getFlireoClient();
    const target = await loadRegistrationTarget(readRequestOrigin(request.headers, request.url));
    return Response.json({ results: await registerAssistants(client, assistantIds, target) });
  } catch (error) {
    return errorResponse(error);
  }
}
