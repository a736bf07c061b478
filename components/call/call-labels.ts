// Words the board uses for a call's type, line and missing summary. Safe for client components.
import type { CallView, SummaryState } from "@/lib/shared/calls/call-view";

const CALL_TYPE_LABEL = { inbound: "Inbound", outbound: "Outbound", web: "Web call" } as const;

export function callTypeLabel(call: Pick<CallView, "callType">): string {
  return call.callType ? CALL_TYPE_LABEL[call.callType] : "Not stated";
}

/** Why a call's type is missing, for a tooltip on it. */
export function callTypeHint(call: Pick<CallView, "callType">): string | undefined {
  return call.callType ? undefined : "Its webhooks did not say (Flireo's legacy payload has no call type).";
}

/**
 * A call's line by name. A call that came without one (the legacy payload has no line name) takes the name its
 * line is known by from other calls, when the caller has those (`knownNames`, number to name).
 */
export function lineLabel(call: Pick<CallView, "lineName" | "lineNumber">, knownNames?: ReadonlyMap<string, string | null>): string {
  return call.lineName ?? (call.lineNumber ? knownNames?.get(call.lineNumber) : null) ?? "Unnamed line";
}

/** What stands in for a summary that is not there, and (as a tooltip) what to check when none is coming. */
export const MISSING_SUMMARY: Record<Exclude<SummaryState, "summary">, { text: string; hint?: string }> = {
  pending: { text: "Summary pending…" },
  "no-report": {
    text: "No end-of-call report arrived.",
    hint: "Flireo sends one after each call. Check that end-of-call-report is enabled for Callboard's webhook URL.",
  },
  "no-summary": { text: "The end-of-call report had no summary." },
  "test-event": { text: "A test event from the webhooks page: it has no end-of-call report." },
};

/** The end reasons Flireo is known to send (webhooks.md §3.3, §4): each has words in the `call` messages (endReasons.*). */
export const KNOWN_END_REASONS = ["customer-ended-call", "user_hangup", "assistant-ended-call", "max_duration"] as const;
export type KnownEndReason = (typeof KNOWN_END_REASONS)[number];

export function isKnownEndReason(reason: string): reason is KnownEndReason {
  return (KNOWN_END_REASONS as readonly string[]).includes(reason);
}

/**
 * An end reason Callboard has no words for, as a sentence: its separators as spaces ("pipeline_error" becomes
 * "Pipeline error"). Flireo publishes no list, so the value as sent is shown beside it.
 */
export function humanizeEndReason(reason: string): string {
  const words = reason.replace(/[-_]+/g, " ").trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : reason;
}

const CALL_STATUSES = ["in-progress", "ended", "ended-with-error"] as const;
type EventStatus = (typeof CALL_STATUSES)[number];

/**
 * What a timeline event said about the call, as a key of the `call` messages' `events` (null for an event type
 * Callboard does not know: the type itself is shown).
 */
export function callEventKey(event: { type: string; status: string | null }):
  | `flireoApi.${EventStatus | "other"}`
  | "endOfCallReport"
  | `status.${EventStatus}`
  | null {
  const status = (CALL_STATUSES as readonly string[]).includes(event.status ?? "") ? (event.status as EventStatus) : null;
  if (event.type === "flireo-api") return `flireoApi.${status ?? "other"}`;
  if (event.type === "end-of-call-report") return "endOfCallReport";
  return status ? `status.${status}` : null;
}
