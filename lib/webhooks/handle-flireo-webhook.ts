// Receives one Flireo webhook: read within limits, verify, normalize, store, and only then broadcast.
import { createCallEventBatcher } from "@/lib/calls/call-event-batcher";
import { PayloadText } from "@/lib/calls/record-call-event";
import { getPrisma } from "@/lib/db/client";
import { isDatabaseUnavailable } from "@/lib/db/is-database-unavailable";
import { env } from "@/lib/env";
import { ApiError } from "@/lib/http/api-error";
import { logger } from "@/lib/observability/logger";
import { broadcastCallUpdated } from "@/lib/realtime/socket-server";
import { parseFlireoPayload } from "./parse-flireo-payload";
import { isStorableJsonText, parseStorableJson } from "./replace-unstorable-characters";
import { verifySignature } from "./verify-signature";
import { getSignaturePolicy, peekSignaturePolicy } from "./webhook-secrets";
import type { WebhookRequest } from "./webhook-request";

export type WebhookOutcome =
  | { outcome: "stored"; callId: string; eventType: string }
  | { outcome: "duplicate"; callId: string; eventType: string }
  | { outcome: "ignored"; callId: string | null; eventType: string };

const batcher = createCallEventBatcher(getPrisma);

function isJsonContentType(contentType: string | null): boolean {
  if (!contentType) return false;
  const mediaType = contentType.split(";")[0]?.trim().toLowerCase() ?? "";
  return mediaType === "application/json" || mediaType.endsWith("+json");
}

/** What is known about a request so far, filled in as it is read; the delivery log records it even on a refusal. */
export type WebhookContext = { eventType: string | null; callId: string | null };

export async function handleFlireoWebhook(
  request: WebhookRequest,
  context: WebhookContext = { eventType: null, callId: null },
): Promise<WebhookOutcome> {
  const eventHeader = request.header("x-webhook-event");
  context.eventType = eventHeader;
  const contentType = request.header("content-type");
  if (!isJsonContentType(contentType)) {
    throw new ApiError(
      "unsupported_media_type",
      `Flireo webhooks are JSON: send Content-Type: application/json (got ${JSON.stringify(contentType ?? "none")}).`,
    );
  }
  const rawBody = await request.readBody(env.WEBHOOK_BODY_LIMIT_BYTES);

  const policy = peekSignaturePolicy() ?? (await getSignaturePolicy());
  const signatureHeader = request.header("x-webhook-signature");
  // A signature that is present is always checked, also where unsigned webhooks are accepted (webhook-secrets.ts).
  if (policy.isSignatureRequired || signatureHeader !== null) {
    const check = verifySignature({
      secrets: policy.secrets,
      rawBody,
      signatureHeader,
      timestampHeader: request.header("x-webhook-timestamp"),
    });
    if (!check.isValid) throw new ApiError("invalid_signature", check.reason);
  }

  const text = rawBody.toString("utf8");
  let body: unknown;
  try {
    body = parseStorableJson(text);
  } catch (error) {
    throw new ApiError("invalid_json", `The body is not valid JSON: ${(error as Error).message}`);
  }

  // X-Webhook-Event is not covered by the signature: where signatures are required it never decides the type.
  const parsed = parseFlireoPayload(body, policy.isSignatureRequired ? null : eventHeader);
  if (parsed.kind !== "invalid") {
    context.eventType = parsed.kind === "event" ? parsed.event.type : parsed.eventType;
    context.callId = parsed.kind === "event" ? parsed.event.callId : parsed.callId;
  }
  if (parsed.kind === "invalid") {
    const fields = parsed.issues.map((issue) => `${issue.path || "(body)"}: ${issue.message}`).join("; ");
    throw new ApiError("unprocessable", `The webhook payload has the wrong shape. ${fields}`, {
      details: parsed.issues,
    });
  }
  if (parsed.kind === "ignored") {
    return { outcome: "ignored", callId: parsed.callId, eventType: parsed.eventType };
  }

  const { event } = parsed;
  let result;
  try {
    // The payload is stored as the text it came in, unless parsing had to replace characters in it.
    result = await batcher.record(event, isStorableJsonText(text) ? new PayloadText(text) : body);
  } catch (error) {
    // Anything else is a bug: it propagates and becomes a logged 500.
    if (!isDatabaseUnavailable(error)) throw error;
    // A JSON field, not text in a line: the call id is the sender's, and may carry a line break and a forged entry.
    logger.warn({ callId: event.callId, err: (error as Error).message }, "Database unavailable; answered 503 for a webhook event");
    throw new ApiError("unavailable", "Callboard could not store the event right now (database unavailable); retry shortly.", {
      headers: { "retry-after": "5" },
      cause: error,
    });
  }
  // Only after the commit: a failed store above has thrown and broadcast nothing.
  if (result.outcome === "stored") broadcastCallUpdated(result.call);
  return { outcome: result.outcome, callId: event.callId, eventType: event.type };
}
