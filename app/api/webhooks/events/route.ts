// PUT /api/webhooks/events – choose which events registration asks Flireo to send: { events: string[] }.
import { z } from "zod";
import { errorResponse } from "@/lib/http/api-error";
import { assertSameOrigin } from "@/lib/http/assert-same-origin";
import { readJsonBody } from "@/lib/http/read-json-body";
import { saveEnabledWebhookEvents } from "@/lib/webhooks/webhook-events-setting";

export const dynamic = "force-dynamic";

export async function PUT(request: Request): Promise<Response> {
  try {
    assertSameOrigin(request);
    const { events } = await readJsonBody(request, z.object({ events: z.unknown() }));
    return Response.json({ events: await saveEnabledWebhookEvents(events) });
  } catch (error) {
    return errorResponse(error);
  }
}
