// One webhook request from start to response: handle it, answer it, and note it in the delivery log.
import { getPrisma } from "@/lib/db/client";
import { ApiError, errorResponse } from "@/lib/http/api-error";
import { getClientAddress } from "@/lib/http/client-address";
import { observeWebhook } from "@/lib/observability/metrics";
import { recordDelivery, type DeliveryOutcome } from "./delivery-log";
import { handleFlireoWebhook, type WebhookContext } from "./handle-flireo-webhook";
import { assertWebhookRateLimit } from "./rate-limit";
import { OUTCOME_HEADER } from "./flireo-event";
import { toWebhookRequest } from "./webhook-request";

export async function receiveFlireoWebhook(request: Request): Promise<Response> {
  const receivedAt = new Date();
  const started = performance.now();
  const context: WebhookContext = { eventType: null, callId: null };
  let response: Response;
  let outcome: DeliveryOutcome;
  let reason: string | null = null;
  try {
    const webhook = toWebhookRequest(request);
    assertWebhookRateLimit(getClientAddress(webhook.header));
    const result = await handleFlireoWebhook(webhook, context);
    outcome = result.outcome;
    if (result.outcome === "ignored") reason = `Callboard does not use ${result.eventType || "this"} events.`;
    // Flireo ignores the body of status-update and end-of-call-report replies (any 2xx acknowledges), so a stored
    // or repeated event gets an empty 200 that names its outcome in a header: on Node 20 a Response body, and
    // Next's piping of it, cost 13% of ingest throughput (bench:ingest). Ignored events get `{}`.
    response =
      result.outcome === "ignored"
        ? Response.json({})
        : new Response(null, { headers: { [OUTCOME_HEADER]: result.outcome } });
  } catch (error) {
    outcome = "rejected";
    reason = error instanceof ApiError ? error.message : "Internal error (logged on the server).";
    response = errorResponse(error);
  }
  const durationMs = performance.now() - started;
  observeWebhook(response.status === 503 ? "unavailable" : outcome, durationMs / 1000);
  recordDelivery(getPrisma, {
    receivedAt,
    eventType: context.eventType,
    callId: context.callId,
    outcome,
    reason,
    statusCode: response.status,
    durationMs: Math.round(durationMs * 100) / 100,
  });
  return response;
}
