// Builders for Flireo webhook payloads in every published variant, and a signed sender. Used by tests and scripts.
import { randomUUID } from "node:crypto";
import { signatureHeaders } from "@/lib/webhooks/verify-signature";

export type StatusInput = {
  callId?: string;
  status: "in-progress" | "ended" | "ended-with-error";
  timestamp?: Date;
  lineNumber?: string | null;
  lineName?: string | null;
  customerNumber?: string | null;
  error?: string;
  callType?: "inbound" | "outbound" | "web";
};

const CAMEL_CALL_TYPE = { inbound: "inboundPhoneCall", outbound: "outboundPhoneCall", web: "webCall" } as const;
const SNAKE_CALL_TYPE = { inbound: "inbound_phone_call", outbound: "outbound_phone_call", web: "web_call" } as const;

export function newCallId(): string {
  return randomUUID();
}

/** Variant A: camelCase inside the `message` envelope. */
export function camelStatusUpdate(input: StatusInput) {
  return {
    message: {
      type: "status-update",
      timestamp: (input.timestamp ?? new Date()).toISOString(),
      call: { id: input.callId ?? newCallId(), type: CAMEL_CALL_TYPE[input.callType ?? "inbound"], status: input.status },
      phoneNumber: { number: input.lineNumber ?? "+31201234567", name: input.lineName ?? "Main line" },
      customer: { number: input.customerNumber === undefined ? "+31612345678" : input.customerNumber },
      ...(input.error ? { error: input.error } : {}),
    },
  };
}

/** Variants B/C/D: snake_case inside the `message` envelope. */
export function snakeStatusUpdate(input: StatusInput & { endReason?: string; metadata?: Record<string, unknown> }) {
  return {
    message: {
      type: "status-update",
      timestamp: (input.timestamp ?? new Date()).toISOString(),
      call: { id: input.callId ?? newCallId(), type: SNAKE_CALL_TYPE[input.callType ?? "inbound"], status: input.status },
      phone_number: { number: input.lineNumber === undefined ? "+31201234567" : input.lineNumber, name: input.lineName ?? "Main line" },
      customer: { number: input.customerNumber === undefined ? "+31612345678" : input.customerNumber },
      ...(input.error ? { error: input.error } : {}),
      ...(input.endReason ? { end_reason: input.endReason } : {}),
      ...(input.metadata ? { assistant: { name: "Receptionist", metadata: input.metadata } } : {}),
    },
  };
}

export async function postWebhook(
  baseUrl: string,
  payload: unknown,
  options: { secret?: string | null; headers?: Record<string, string> } = {},
): Promise<Response> {
  const body = typeof payload === "string" ? payload : JSON.stringify(payload);
  const signing = options.secret ? signatureHeaders(options.secret, body) : {};
  return fetch(`${baseUrl}/api/webhooks/flireo`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "user-agent": "HMS-Sovereign/1.0",
      ...signing,
      ...options.headers,
    },
    body,
  });
}
