// POST /api/webhooks/flireo – receive a Flireo webhook. GET – say what this endpoint is.
import { HANDLED_EVENT_TYPES } from "@/lib/webhooks/flireo-event";
import { errorResponse } from "@/lib/http/api-error";
import { handleFlireoWebhook } from "@/lib/webhooks/handle-flireo-webhook";
import { assertWebhookRateLimit } from "@/lib/webhooks/rate-limit";
import { getSignaturePolicy } from "@/lib/webhooks/webhook-secrets";

export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  try {
    assertWebhookRateLimit(request);
    const result = await handleFlireoWebhook(request);
    // Flireo ignores the body of status-update and end-of-call-report replies; `{}` also suits the others.
    return Response.json(result.outcome === "ignored" ? {} : { ok: true, outcome: result.outcome });
  } catch (error) {
    return errorResponse(error);
  }
}

export function GET(): Response {
  return Response.json({
    endpoint: "Callboard webhook receiver for Flireo AI voice agents",
    method: "POST",
    events: HANDLED_EVENT_TYPES,
    ignoredEvents: ["assistant-request", "tool-calls"],
    signatureRequired: getSignaturePolicy().isSignatureRequired,
  });
}
