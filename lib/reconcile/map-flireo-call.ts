// One of Flireo's REST calls as a call event, so it goes through the same fold as a webhook (record-call-event.ts),
// marked as coming from Flireo's API. Every REST status has a place on the board (README, "Checked against Flireo"):
// connecting, ringing and in-progress are live; ended and transferred ended; failed, ended-with-error, rejected and
// insufficient-credits ended with an error. Any other status is kept as text (as the end reason of an ended call)
// and changes nothing while the call has no end time.
import type { CallReport, CallType, FlireoCallEvent, TranscriptMessage } from "@/lib/calls/call-event";
import type { FlireoCall } from "@/lib/flireo/flireo-calls";
import type { CallStatus } from "@/lib/shared/calls/call-status";

const LIVE = new Set(["connecting", "ringing", "in-progress"]);
const ERROR_TEXT: Record<string, string> = {
  failed: "The call failed at Flireo.",
  "ended-with-error": "The call ended with an error at Flireo.",
  rejected: "Flireo rejected the call.",
  "insufficient-credits": "Flireo refused the call: not enough credits.",
};

export type MappedStatus = { status: CallStatus; error: string | null; endReason: string | null };

/** The board's status for a REST status, or null for an unknown one on a call that has not ended. */
export function mapFlireoStatus(call: Pick<FlireoCall, "status" | "error" | "end_reason" | "ended_at">): MappedStatus | null {
  const error = call.error?.trim() || null;
  const endReason = call.end_reason?.trim() || null;
  if (LIVE.has(call.status)) return { status: "in-progress", error: null, endReason: null };
  if (call.status === "ended") return { status: "ended", error: null, endReason };
  if (call.status === "transferred") return { status: "ended", error: null, endReason: endReason ?? "transferred" };
  const errorText = ERROR_TEXT[call.status];
  if (errorText) return { status: "ended-with-error", error: error ?? errorText, endReason: endReason ?? call.status };
  if (call.ended_at) return { status: error ? "ended-with-error" : "ended", error, endReason: endReason ?? call.status };
  return null;
}

const date = (value: string | null | undefined): Date | null => (value ? new Date(value) : null);

/** Text Postgres can store: a NUL is refused in text and jsonb alike, and would fail the whole statement. */
export function storable<T>(value: T): T {
  return JSON.parse(JSON.stringify(value).replace(/\\u0000/g, "")) as T;
}

function callType(direction: string | null | undefined): CallType | null {
  return direction === "inbound" || direction === "outbound" || direction === "web" ? direction : null;
}

function report(call: FlireoCall): CallReport {
  const transcript: TranscriptMessage[] | null = call.messages?.length ? call.messages.map((message) => ({ role: message.role, content: message.content ?? "" })) : null;
  return {
    durationSeconds: call.duration_seconds ?? null,
    summary: call.summary ?? null,
    analysis: call.analysis_result ?? null,
    transcript,
    recordingUrl: call.recording_url ?? null,
    startedAt: date(call.started_at),
    endedAt: date(call.ended_at),
  };
}

/**
 * The event for `callId` (the call's id here) from Flireo's call. `occurredAt`: for a live call its start (or now, to
 * confirm a silent call), for an ended one its end; the same call read twice gives the same event, stored once.
 */
export function toCallEvent(unsafeCall: FlireoCall, mapped: MappedStatus, callId: string, options: { now: Date; confirm?: boolean }): FlireoCallEvent {
  const call = storable(unsafeCall);
  const isLive = mapped.status === "in-progress";
  const occurredAt = isLive
    ? options.confirm
      ? options.now
      : (date(call.started_at) ?? date(call.created_at) ?? options.now)
    : (date(call.ended_at) ?? date(call.updated_at) ?? options.now);
  return {
    type: isLive || mapped.status === "ended-with-error" ? "status-update" : "end-of-call-report",
    source: "flireo-api",
    callId,
    occurredAt,
    status: mapped.status,
    callType: callType(call.direction),
    lineNumber: call.assistant_phone ?? call.phone_number ?? null,
    lineName: null,
    customerNumber: call.caller_phone ?? null,
    error: mapped.error,
    endReason: mapped.endReason,
    metadata: null,
    report: isLive ? null : report(call),
  };
}
