// The one internal shape every published Flireo webhook variant is normalized into.
import type { CallStatus } from "@/lib/shared/calls/call-status";

/** What a GET on the webhook URL says it is: how a browser, or the simulator, tells Callboard's URL from another. */
export const WEBHOOK_ENDPOINT_NAME = "Callboard webhook receiver for Flireo AI voice agents";

/** On the empty 200 that acknowledges a status-update or report: "stored", or "duplicate" for a repeated delivery. */
export const OUTCOME_HEADER = "x-callboard-outcome";

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
};

/** Identifies one event of a call: a redelivery of the same event has the same key. */
export function eventDedupeKey(event: Pick<FlireoCallEvent, "type" | "status" | "occurredAt">): string {
  return `${event.type}|${event.status}|${event.occurredAt.toISOString()}`;
}
