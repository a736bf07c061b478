// PUT /api/webhooks/events – choose which events registration asks Flireo to send: { events: string[] }.
import { requireAdmin } from "@/lib/context/session";
import { appContext } from "@/lib/context/current";
import { z } from "zod";
import { errorResponse } from "@/lib/http/api-error";
import { readJsonBody } from "@/lib/http/read-json-body";
import { saveEnabledWebhookEvents } from "@/lib/webhooks/webhook-events-setting";

export const dynamic = "force-dynamic";

export async function PUT(request: Request): Promise<Response> {
  try {
    // proxy.ts admits only admins here; checked again because these change or reveal webhook settings.
    await requireAdmin(request.headers);
    const { events } = await readJsonBody(request, z.object({ events: z.unknown() }));
    return Response.json({ events: await saveEnabledWebhookEvents(appContext().prisma, events) });
  } catch (error) {
    return errorResponse(error, request);
  }
}
