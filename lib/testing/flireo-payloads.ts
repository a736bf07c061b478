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

export type ReportInput = {
  callId?: string;
  timestamp?: Date;
  durationSeconds?: number;
  summary?: string;
  analysis?: Record<string, unknown>;
  messages?: { role: "system" | "user" | "assistant"; content: string }[];
  recordingUrl?: string;
  endReason?: string;
  callType?: "inbound" | "outbound" | "web";
};

/** Variant A's end-of-call report: camelCase, no transcript or recording fields documented. */
export function camelEndOfCallReport(input: ReportInput) {
  return {
    message: {
      type: "end-of-call-report",
      timestamp: (input.timestamp ?? new Date()).toISOString(),
      call: { id: input.callId ?? newCallId(), type: CAMEL_CALL_TYPE[input.callType ?? "inbound"], status: "ended" },
      phoneNumber: { number: "+31201234567", name: "Main line" },
      customer: { number: "+31612345678" },
      durationSeconds: input.durationSeconds ?? 95,
      summary: input.summary ?? "The caller asked for opening hours.",
      ...(input.analysis ? { analysis: input.analysis } : {}),
    },
  };
}

/** Variants B/C/D and the SDK: snake_case, with transcript messages, recording url and end reason. */
export function snakeEndOfCallReport(input: ReportInput) {
  return {
    message: {
      type: "end-of-call-report",
      timestamp: (input.timestamp ?? new Date()).toISOString(),
      call: { id: input.callId ?? newCallId(), type: SNAKE_CALL_TYPE[input.callType ?? "inbound"], status: "ended" },
      phone_number: { number: "+31201234567", name: "Main line", id: "pn_1" },
      customer: { number: "+31612345678" },
      duration_seconds: input.durationSeconds ?? 95,
      summary: input.summary ?? "The caller asked for opening hours.",
      ...(input.analysis ? { analysis: input.analysis } : {}),
      messages: input.messages ?? [
        { role: "assistant", content: "Good morning, how can I help?" },
        { role: "user", content: "When are you open?" },
      ],
      ...(input.recordingUrl ? { recording_url: input.recordingUrl } : {}),
      ...(input.endReason ? { end_reason: input.endReason } : {}),
    },
  };
}

/** Variant E (legacy, flat): status-update keyed by callSession, epoch-millisecond timestamps. */
export function legacyStatusUpdate(input: {
  callId?: string;
  status: "in-progress" | "ended" | "ended-with-debugging";
  timestamp?: Date;
  debuggingArtifact?: string;
}) {
  return {
    eventTimestamp: (input.timestamp ?? new Date()).getTime(),
    eventType: "status-update",
    callSession: input.callId ?? newCallId(),
    fromCaller: "+31612345678",
    toAssistant: "+31201234567",
    status: input.status,
    ...(input.debuggingArtifact ? { "debugging-artifact": input.debuggingArtifact } : {}),
  };
}

/** Variant E's end-of-call report: keyed by callId, float duration, text transcript, stereo recording link. */
export function legacyEndOfCallReport(input: { callId?: string; timestamp?: Date; callLengthSeconds?: number; transcriptText?: string; summaryText?: string }) {
  return {
    eventTimestamp: (input.timestamp ?? new Date()).getTime(),
    eventType: "end-of-call-report",
    callId: input.callId ?? newCallId(),
    fromCaller: "+31612345678",
    toAssistant: "+31201234567",
    transcriptText: input.transcriptText ?? "AI: Goedemorgen!\nGebruiker: Hallo.",
    summaryText: input.summaryText ?? "Korte begroeting.",
    recordings: { linkStereo: "https://recordings.example.test/abc.wav" },
    callLengthSeconds: input.callLengthSeconds ?? 132.5,
  };
}
