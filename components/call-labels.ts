// Words the board uses for a call's type, line and missing summary. Safe for client components.
import type { CallView, SummaryState } from "@/lib/calls/call-view";

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
};
