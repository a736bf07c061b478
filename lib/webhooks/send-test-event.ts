// "Send test event": a signed status-update posted to this server's own webhook route, so the page can show
// that verification, parsing and storage work end to end. It goes over loopback rather than PUBLIC_BASE_URL,
// which may be a tunnel this machine cannot reach itself. The call is stored like any other (that is what it
// tests), already ended, on a line named "Callboard test event", and left out of the board's figures (test-calls.ts).
import { randomUUID } from "node:crypto";
import { TEST_CALL_ID_PREFIX } from "@/lib/calls/test-calls";
import type { PrismaClient } from "@/lib/db/generated/client";
import type { Env } from "@/lib/env";
import type { SecretBox } from "@/lib/secrets/secret-box";
import type { TestEventResult } from "@/lib/shared/flireo/flireo-view";
import { buildStatusUpdate } from "@/lib/webhooks/sample-payloads";
import { OUTCOME_HEADER } from "@/lib/webhooks/webhook-contract";
import { signatureHeaders } from "./verify-signature";
import { getCurrentWebhookSecret } from "./webhook-secrets";
import { WEBHOOK_PATH } from "./webhook-url";

const TIMEOUT_MS = 10_000;
// Numbers valid in form, so they read formatted like every other (+31 85 000 0000), and unlikely to be a real
// line's or caller's.
export const TEST_LINE_NUMBER = "+31850000000";
export const TEST_CUSTOMER_NUMBER = "+31600000001";

function loopbackUrl(env: Pick<Env, "HOST" | "PORT">): string {
  const host = env.HOST === "0.0.0.0" || env.HOST === "::" ? "127.0.0.1" : env.HOST.includes(":") ? `[${env.HOST}]` : env.HOST;
  return `http://${host}:${env.PORT}${WEBHOOK_PATH}`;
}

export async function sendTestEvent(prisma: PrismaClient, box: SecretBox, env: Pick<Env, "HOST" | "PORT">): Promise<TestEventResult> {
  const { secret } = await getCurrentWebhookSecret(prisma, box);
  const callId = `${TEST_CALL_ID_PREFIX}${randomUUID()}`;
  const body = JSON.stringify(
    buildStatusUpdate("snake", { callId, lineNumber: TEST_LINE_NUMBER, lineName: "Callboard test event", customerNumber: TEST_CUSTOMER_NUMBER }, "ended"),
  );
  const url = loopbackUrl(env);
  const startedAt = performance.now();
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "user-agent": "HMS-Sovereign/1.0 (Callboard test event)",
        "x-webhook-event": "status-update",
        ...signatureHeaders(secret, body),
      },
      body,
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    const text = await response.text();
    // A stored event's answer is an empty 200 that says what became of it in a header (webhook-intake.ts).
    const outcome = response.headers.get(OUTCOME_HEADER);
    return {
      isAccepted: response.ok,
      status: response.status,
      durationMs: Math.round(performance.now() - startedAt),
      callId,
      url,
      response: [outcome === null ? null : `${OUTCOME_HEADER}: ${outcome}`, text.slice(0, 2_000)].filter(Boolean).join("\n"),
    };
  } catch (error) {
    return {
      isAccepted: false,
      status: null,
      durationMs: Math.round(performance.now() - startedAt),
      callId,
      url,
      response: `No answer: ${(error as Error).message}`,
    };
  }
}
