// The one internal shape of a call event from Flireo: every published webhook variant is normalized into it
// (lib/webhooks/parse-flireo-payload.ts), and lib/calls stores and folds it into its call.
import type { CallStatus } from "@/lib/shared/calls/call-status";

/** The events Callboard stores; Flireo's other webhook events (assistant-request, tool-calls) are acknowledged and ignored. */
export const HANDLED_EVENT_TYPES = ["status-update", "end-of-call-report"] as const;
export type HandledEventType = (typeof HANDLED_EVENT_TYPES)[number];

export type CallType = "inbound" | "outbound" | "web";

export type TranscriptMessage = { role: string; content: string };

export type CallReport = {
  durationSeconds: number | null;
  summary: string | null;
  analysis: Record<string, unknown> | null;
  transcript: TranscriptMessage[] | string | null;
  recordingUrl: string | null;
  startedAt: Date | null;
  endedAt: Date | null;
};

export type FlireoCallEvent = {
  type: HandledEventType;
  callId: string;
  occurredAt: Date;
  /** For an end-of-call report this is always "ended": the report means the call is over. */
  status: CallStatus;
  callType: CallType | null;
  lineNumber: string | null;
  lineName: string | null;
  customerNumber: string | null;
  error: string | null;
  endReason: string | null;
  metadata: Record<string, unknown> | null;
  report: CallReport | null;
  /**
   * Where the event came from: a webhook (unset), or Flireo's REST API when Callboard checked a call there
   * (lib/reconcile). Stored with its own type, so the timeline says so and it never counts as a webhook's twin.
   */
  source?: "flireo-api";
};

/** The stored type of an event Callboard learned from Flireo's REST API rather than from a webhook. */
export const FLIREO_API_EVENT_TYPE = "flireo-api";

/** The type an event is stored under. */
export function storedEventType(event: Pick<FlireoCallEvent, "type" | "source">): string {
  return event.source === "flireo-api" ? FLIREO_API_EVENT_TYPE : event.type;
}

/** Identifies one event of a call: a redelivery of the same event has the same key. */
export function eventDedupeKey(event: Pick<FlireoCallEvent, "type" | "status" | "occurredAt" | "source">): string {
  return `${storedEventType(event)}|${event.status}|${event.occurredAt.toISOString()}`;
}
