// POST /api/webhooks/flireo – receive a Flireo webhook. GET – say what this endpoint is.
import { HANDLED_EVENT_TYPES } from "@/lib/calls/call-event";
import { appContext } from "@/lib/context/current";
import { errorResponse } from "@/lib/http/api-error";
import { WEBHOOK_ENDPOINT_NAME } from "@/lib/webhooks/webhook-contract";

export const dynamic = "force-dynamic";

// server.ts admitted the webhook and handed it here; the intake reads it, stores it and answers (webhook-intake.ts).
export function POST(): Promise<Response> {
  return appContext().webhooks.receive();
}

export async function GET(): Promise<Response> {
  try {
    return Response.json({
      endpoint: WEBHOOK_ENDPOINT_NAME,
      method: "POST",
      events: HANDLED_EVENT_TYPES,
      ignoredEvents: ["assistant-request", "tool-calls"],
      signatureRequired: (await appContext().signing.policy()).isSignatureRequired,
    });
  } catch (error) {
    // The stored secrets may be unreadable (a 503 that says why), never a bare 500.
    return errorResponse(error);
  }
}
