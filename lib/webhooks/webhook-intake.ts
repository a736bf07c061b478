// One Flireo webhook, from the moment it is admitted to its answer and its delivery-log row.
//
// server.ts hands every POST to the webhook URL to admit(): a bounded number held, fewer handled at once, each once
// its body has arrived (webhook-admission.ts). Its turn come, the request goes on to Next.js, whose route handler
// (app/api/webhooks/flireo/route.ts) calls receive(): the body read once off Node's request, the source's rate limit,
// the signature, the payload normalized (parse-flireo-payload.ts), the event recorded (lib/calls stores it, then
// announces the change), the answer, and the delivery log. Refusals before the body is read are logged too,
// aggregated under a flood (delivery-log.ts).
import { AsyncLocalStorage } from "node:async_hooks";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { CallRecorder } from "@/lib/calls/call-recorder";
import type { FlireoCallEvent } from "@/lib/calls/call-event";
import { PayloadText } from "@/lib/calls/record-call-event";
import { isDatabaseUnavailable } from "@/lib/db/is-database-unavailable";
import type { Env } from "@/lib/env";
import { ApiError, errorResponse } from "@/lib/http/api-error";
import { getClientAddress } from "@/lib/http/client-address";
import type { RateDecision, SharedRateLimiter } from "@/lib/http/shared-rate-limit";
import type { Logger } from "@/lib/observability/logger";
import type { Metrics } from "@/lib/observability/metrics";
import type { DeliveryLog, DeliveryOutcome } from "./delivery-log";
import { parseFlireoPayload } from "./parse-flireo-payload";
import { readBody, type BodyDeadline } from "./read-body";
import { isStorableJsonText, parseStorableJson } from "./replace-unstorable-characters";
import { verifySignature } from "./verify-signature";
import { createWebhookAdmission } from "./webhook-admission";
import { OUTCOME_HEADER } from "./webhook-contract";
import type { SigningSecrets } from "./webhook-secrets";

export type WebhookIntake = {
  /** server.ts: every POST to the webhook URL; `forward` hands it to Next.js when its turn comes. */
  admit: (request: IncomingMessage, response: ServerResponse, forward: () => void) => void;
  /** The route handler's POST: answers the webhook that admit() handed to Next.js. */
  receive: () => Promise<Response>;
  /** Held now: in flight, and of those handed to Next.js (for /api/metrics). */
  readonly held: { inFlight: number; running: number };
};

type IntakeDeps = {
  env: Pick<Env, "WEBHOOK_MAX_IN_FLIGHT" | "WEBHOOK_MAX_IN_FLIGHT_PER_SOURCE" | "WEBHOOK_MAX_CONCURRENT" | "WEBHOOK_BODY_LIMIT_BYTES" | "WEBHOOK_BODY_TIMEOUT_MS">;
  logger: Logger;
  metrics: Metrics;
  signing: SigningSecrets;
  calls: CallRecorder;
  deliveries: DeliveryLog;
  sourceLimiter: SharedRateLimiter;
};

/** What is known about a webhook so far, filled in as it is read: the delivery log records it even on a refusal. */
type Known = { eventType: string | null; callId: string | null };

/** A webhook admit() handed on to Next.js, for receive(). */
type Admitted = { request: IncomingMessage; deadline: BodyDeadline };

type Outcome = { outcome: Exclude<DeliveryOutcome, "rejected">; eventType: string };

const WARN_EVERY_MS = 10_000;

function header(request: IncomingMessage, name: string): string | null {
  const value = request.headers[name];
  return value === undefined ? null : Array.isArray(value) ? value.join(", ") : value;
}

function isJsonContentType(contentType: string | null): boolean {
  if (!contentType) return false;
  const mediaType = contentType.split(";")[0]?.trim().toLowerCase() ?? "";
  return mediaType === "application/json" || mediaType.endsWith("+json");
}

/** The verified, parsed body; or a 4xx naming what is wrong with it. */
async function readPayload({ request, deadline }: Admitted, deps: IntakeDeps): Promise<{ body: unknown; text: string; isSignatureRequired: boolean }> {
  const contentType = header(request, "content-type");
  if (!isJsonContentType(contentType)) {
    throw new ApiError(
      "unsupported_media_type",
      `Flireo webhooks are JSON: send Content-Type: application/json (got ${JSON.stringify(contentType ?? "none")}).`,
    );
  }
  const rawBody = await readBody(request, deps.env.WEBHOOK_BODY_LIMIT_BYTES, deadline);
  const policy = deps.signing.peek() ?? (await deps.signing.policy());
  const signatureHeader = header(request, "x-webhook-signature");
  // A signature that is present is always checked, also where unsigned webhooks are accepted (webhook-secrets.ts).
  if (policy.isSignatureRequired || signatureHeader !== null) {
    const timestampHeader = header(request, "x-webhook-timestamp");
    const check = verifySignature({ secrets: policy.secrets, rawBody, signatureHeader, timestampHeader });
    if (!check.isValid) throw new ApiError("invalid_signature", check.reason);
  }
  const text = rawBody.toString("utf8");
  try {
    return { body: parseStorableJson(text), text, isSignatureRequired: policy.isSignatureRequired };
  } catch (error) {
    throw new ApiError("invalid_json", `The body is not valid JSON: ${(error as Error).message}`);
  }
}

async function record(event: FlireoCallEvent, payload: unknown, deps: IntakeDeps): Promise<Outcome> {
  try {
    const result = await deps.calls.record(event, payload);
    return { outcome: result.outcome, eventType: event.type };
  } catch (error) {
    // Anything else is a bug: it propagates and becomes a logged 500.
    if (!isDatabaseUnavailable(error)) throw error;
    deps.logger.warn({ callId: event.callId, err: (error as Error).message }, "Database unavailable; answered 503 for a webhook");
    throw new ApiError("unavailable", "Callboard could not store the event right now (database unavailable); retry shortly.", {
      headers: { "retry-after": "5" },
      cause: error,
    });
  }
}

/** Reads, verifies, normalizes and records one webhook. */
async function handle(admitted: Admitted, known: Known, deps: IntakeDeps): Promise<Outcome> {
  const eventHeader = header(admitted.request, "x-webhook-event");
  known.eventType = eventHeader;
  const { body, text, isSignatureRequired } = await readPayload(admitted, deps);
  // X-Webhook-Event is not covered by the signature: where signatures are required it never decides the type.
  const parsed = parseFlireoPayload(body, isSignatureRequired ? null : eventHeader);
  if (parsed.kind === "invalid") {
    const fields = parsed.issues.map((issue) => `${issue.path || "(body)"}: ${issue.message}`).join("; ");
    throw new ApiError("unprocessable", `The webhook payload has the wrong shape. ${fields}`, { details: parsed.issues });
  }
  known.eventType = parsed.kind === "event" ? parsed.event.type : parsed.eventType;
  known.callId = parsed.kind === "event" ? parsed.event.callId : parsed.callId;
  if (parsed.kind === "ignored") return { outcome: "ignored", eventType: parsed.eventType };
  // The payload is stored as the text it came in, unless parsing had to replace characters in it.
  return record(parsed.event, isStorableJsonText(text) ? new PayloadText(text) : body, deps);
}

/**
 * Flireo ignores the body of status-update and end-of-call-report replies (any 2xx acknowledges), so a stored or
 * repeated event gets an empty 200 that names its outcome in a header: on Node 20 a Response body, and Next's piping
 * of it, cost 13% of ingest throughput (bench:ingest). Ignored events get `{}`.
 */
function answer(result: Outcome): Response {
  return result.outcome === "ignored" ? Response.json({}) : new Response(null, { headers: { [OUTCOME_HEADER]: result.outcome } });
}

/** The source's rate limit (WEBHOOK_RATE_LIMIT_PER_MINUTE), checked before the webhook takes a place. */
function rateLimitRefusal(limiter: SharedRateLimiter, request: IncomingMessage): ApiError | null | Promise<ApiError | null> {
  const toRefusal = (limit: RateDecision) =>
    limit.allowed
      ? null
      : new ApiError("rate_limited", `Too many webhooks from this address; retry in ${limit.retryAfterSeconds} s.`, {
          headers: { "Retry-After": String(limit.retryAfterSeconds) },
        });
  // Far below the limit the answer is immediate; near it, the shared counts are asked first.
  const decision = limiter.take(`webhook:${sourceAddress(request)}`);
  return decision instanceof Promise ? decision.then(toRefusal, () => null) : toRefusal(decision);
}

/** The address server.ts pinned (lib/http/client-address.ts). */
const sourceAddress = (request: IncomingMessage) => getClientAddress((name) => header(request, name));

const REFUSAL_METRIC: Record<number, string> = { 408: "timed_out", 429: "rate_limited", 503: "overloaded" };

export function createWebhookIntake(deps: IntakeDeps): WebhookIntake {
  // The webhook being handled, for receive(): its headers and body are read straight off Node's request.
  const admitted = new AsyncLocalStorage<Admitted>();
  let refusedSinceWarning = 0;
  let warnedAt = 0;
  const admission = createWebhookAdmission({
    maxInFlight: deps.env.WEBHOOK_MAX_IN_FLIGHT,
    maxPerSource: deps.env.WEBHOOK_MAX_IN_FLIGHT_PER_SOURCE,
    maxConcurrent: deps.env.WEBHOOK_MAX_CONCURRENT,
    bodyTimeoutMs: deps.env.WEBHOOK_BODY_TIMEOUT_MS,
    sourceOf: sourceAddress,
    screen: (request) => rateLimitRefusal(deps.sourceLimiter, request),
    onRefused(error) {
      deps.metrics.observeWebhook(REFUSAL_METRIC[error.status] ?? "rejected", 0);
      deps.deliveries.recordRefusal(error.status, error.message);
      refusedSinceWarning += 1;
      if (Date.now() - warnedAt < WARN_EVERY_MS) return;
      deps.logger.warn({ refused: refusedSinceWarning, last: error.message }, "Webhooks refused before they were read (rate limit, overload or a slow body)");
      warnedAt = Date.now();
      refusedSinceWarning = 0;
    },
  });

  async function receive(): Promise<Response> {
    const node = admitted.getStore();
    if (!node) throw new Error("A webhook reached its route handler without passing the intake (server.ts).");
    const receivedAt = new Date();
    const started = performance.now();
    const known: Known = { eventType: null, callId: null };
    let response: Response;
    let outcome: DeliveryOutcome;
    let reason: string | null = null;
    try {
      const result = await handle(node, known, deps);
      outcome = result.outcome;
      if (outcome === "ignored") reason = `Callboard does not use ${result.eventType || "this"} events.`;
      response = answer(result);
    } catch (error) {
      outcome = "rejected";
      reason = error instanceof ApiError ? error.message : "Internal error (logged on the server).";
      response = errorResponse(error);
    }
    const durationMs = performance.now() - started;
    deps.metrics.observeWebhook(response.status === 503 ? "unavailable" : outcome, durationMs / 1000);
    const { eventType, callId } = known;
    deps.deliveries.record({ receivedAt, eventType, callId, outcome, reason, statusCode: response.status, durationMs: Math.round(durationMs * 100) / 100 });
    return response;
  }

  return {
    admit(request, response, forward) {
      // Next.js gzips every route-handler response when the client accepts it, whatever its size: for the webhook's
      // few-byte answers that is a zlib stream per request (CPU, ~100 KB of native memory each, and a queue of them
      // when the libuv pool falls behind under load). Its answers are never worth compressing.
      delete request.headers["accept-encoding"];
      const admittedAt = Date.now();
      admission.admit(request, response, () => {
        // Next writes a response's head, its body and the chunked terminator as separate writes, each a syscall and
        // a TCP segment. Corked until the response ends, a webhook's whole answer leaves in one.
        response.cork();
        response.once("prefinish", () => response.uncork());
        admitted.run({ request, deadline: { at: admittedAt + deps.env.WEBHOOK_BODY_TIMEOUT_MS, afterMs: deps.env.WEBHOOK_BODY_TIMEOUT_MS } }, forward);
      });
    },
    receive,
    get held() {
      return { inFlight: admission.inFlight, running: admission.running };
    },
  };
}
