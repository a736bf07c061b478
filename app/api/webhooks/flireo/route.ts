// POST /api/webhooks/flireo – receive a Flireo webhook. GET – say what this endpoint is.
import { HANDLED_EVENT_TYPES } from "@/lib/webhooks/flireo-event";
import { ApiError, errorResponse } from "@/lib/http/api-error";
import { observeWebhook } from "@/lib/observability/metrics";
import { handleFlireoWebhook } from "@/lib/webhooks/handle-flireo-webhook";
import { getSignaturePolicy } from "@/lib/webhooks/webhook-secrets";

export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  const startedAt = performance.now();
  const elapsed = () => (performance.now() - startedAt) / 1000;
  try {
    const result = await handleFlireoWebhook(request);
    observeWebhook(result.outcome, elapsed());
    // Flireo ignores the body of status-update and end-of-call-report replies; `{}` also suits the others.
    return Response.json(result.outcome === "ignored" ? {} : { ok: true, outcome: result.outcome });
  } catch (error) {
    const isUnavailable = error instanceof ApiError && error.code === "unavailable";
    observeWebhook(isUnavailable ? "unavailable" : "rejected", elapsed());
    return errorResponse(error);
  }
}

export async function GET(): Promise<Response> {
  return Response.json({
    endpoint: "Callboard webhook receiver for Flireo AI voice agents",
    method: "POST",
    events: HANDLED_EVENT_TYPES,
    ignoredEvents: ["assistant-request", "tool-calls"],
    signatureRequired: (await getSignaturePolicy()).isSignatureRequired,
  });
}
