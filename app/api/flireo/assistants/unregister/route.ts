// POST /api/flireo/assistants/unregister – stop assistants sending to this Callboard: { assistantIds }. One result each.
import { requireAdmin } from "@/lib/context/session";
import { appContext } from "@/lib/context/current";
import { z } from "zod";
import { getFlireoClient } from "@/lib/flireo/flireo-api-key";
import { unregisterAssistants, toApiError } from "@/lib/flireo/manage-registrations";
import { errorResponse } from "@/lib/http/api-error";
import { readJsonBody } from "@/lib/http/read-json-body";
import { loadRegistrationTarget } from "@/lib/flireo/webhook-settings";
import { readRequestOrigin } from "@/lib/webhooks/webhook-url";

export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  try {
    // proxy.ts admits only admins here; checked again because these change or reveal webhook settings.
    await requireAdmin(request.headers);
    const { assistantIds } = await readJsonBody(request, z.object({ assistantIds: z.array(z.string()).max(100) }));
    const client = await getFlireoClient(appContext().prisma);
    const target = await loadRegistrationTarget(appContext().prisma, readRequestOrigin(request.headers, request.url));
    return Response.json({ results: await unregisterAssistants(client, assistantIds, target) });
  } catch (error) {
    return errorResponse(toApiError(error));
  }
}
