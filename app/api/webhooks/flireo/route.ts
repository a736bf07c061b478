// POST /api/webhooks/flireo – receive a Flireo webhook. GET – say what this endpoint is.
import { HANDLED_EVENT_TYPES, WEBHOOK_ENDPOINT_NAME } from "@/lib/webhooks/flireo-event";
import { receiveFlireoWebhook } from "@/lib/webhooks/receive-flireo-webhook";
import { getSignaturePolicy } from "@/lib/webhooks/webhook-secrets";

export const dynamic = "force-dynamic";

export function POST(request: Request): Promise<Response> {
  return receiveFlireoWebhook(request);
}

export async function GET(): Promise<Response> {
  return Response.json({
    endpoint: WEBHOOK_ENDPOINT_NAME,
    method: "POST",
    events: HANDLED_EVENT_TYPES,
    ignoredEvents: ["assistant-request", "tool-calls"],
    signatureRequired: (await getSignaturePolicy()).isSignatureRequired,
  });
}
