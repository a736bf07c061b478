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

/** Why a call ended, in words, for the end reasons Flireo is known to send (webhooks.md §3.3, §4). */
const END_REASON_LABEL: Record<string, string> = {
  "customer-ended-call": "The caller hung up",
  user_hangup: "The caller hung up",
  "assistant-ended-call": "The agent ended the call",
  max_duration: "Reached the maximum call length",
};

/**
 * An end reason as a sentence: a known one in words, any other with its separators as spaces ("pipeline_error"
 * becomes "Pipeline error"). Flireo publishes no list, so the value as sent is shown beside it.
 */
export function endReasonLabel(reason: string): string {
  const known = END_REASON_LABEL[reason];
  if (known) return known;
  const words = reason.replace(/[-_]+/g, " ").trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : reason;
}

/** A timeline event in words: what it said about the call. */
export function callEventLabel(event: { type: string; status: string | null }): string {
  if (event.type === "flireo-api") {
    if (event.status === "in-progress") return "Flireo's API confirmed the call is in progress";
    if (event.status === "ended") return "Flireo's API reported the call ended";
    if (event.status === "ended-with-error") return "Flireo's API reported the call ended with an error";
    return "From Flireo's API";
  }
  if (event.type === "end-of-call-report") return "End-of-call report";
  if (event.status === "in-progress") return "Call in progress";
  if (event.status === "ended") return "Call ended";
  if (event.status === "ended-with-error") return "Call ended with an error";
  return event.type;
}
