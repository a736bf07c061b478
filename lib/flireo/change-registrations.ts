// The request behind both POST /api/flireo/assistants/register and /unregister: { assistantIds } in, one result
// per assistant out. Only the change differs (manage-registrations.ts).
import { z } from "zod";
import { requireAdmin } from "@/lib/auth/session";
import { errorResponse } from "@/lib/http/api-error";
import { readJsonBody } from "@/lib/http/read-json-body";
import type { RegistrationResult } from "@/lib/shared/flireo/flireo-view";
import { loadRegistrationTarget } from "@/lib/webhooks/webhook-settings";
import { readRequestOrigin } from "@/lib/webhooks/webhook-url";
import { getFlireoClient } from "./flireo-api-key";
import type { FlireoClient } from "./flireo-client";
import type { RegistrationTarget } from "./manage-registrations";

const bodySchema = z.object({ assistantIds: z.array(z.string()).max(100) });

type Change = (client: FlireoClient, ids: readonly string[], target: RegistrationTarget) => Promise<RegistrationResult[]>;

export async function answerRegistrationChange(request: Request, change: Change): Promise<Response> {
  try {
    // proxy.ts admits only admins here; checked again because these change or reveal webhook settings.
    await requireAdmin(request.headers);
    const { assistantIds } = await readJsonBody(request, bodySchema);
    const client = await getFlireoClient();
    const target = await loadRegistrationTarget(readRequestOrigin(request.headers, request.url));
    return Response.json({ results: await change(client, assistantIds, target) });
  } catch (error) {
    return errorResponse(error);
  }
}
