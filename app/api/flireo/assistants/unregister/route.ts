// POST /api/flireo/assistants/unregister – stop assistants sending to this Callboard: { assistantIds }. One result each.
import { appContext } from "@/lib/context/current";
import { requireAdmin } from "@/lib/context/session";
import { changeRegistrations } from "@/lib/flireo/change-registrations";
import { unregisterAssistants } from "@/lib/flireo/manage-registrations";
import { errorResponse } from "@/lib/http/api-error";

export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  try {
    // proxy.ts admits only admins here; checked again because these change or reveal webhook settings.
    await requireAdmin(request.headers);
    return Response.json(await changeRegistrations(appContext(), request, unregisterAssistants));
  } catch (error) {
    return errorResponse(error, request);
  }
}
