// Words the board uses for a call's type. Safe for client components.
import type { CallView } from "@/lib/calls/call-view";

const CALL_TYPE_LABEL = { inbound: "Inbound", outbound: "Outbound", web: "Web call" } as const;

export function callTypeLabel(call: Pick<CallView, "callType">): string {
  return call.callType ? CALL_TYPE_LABEL[call.callType] : "Call";
}

export function lineLabel(call: Pick<CallView, "lineName" | "lineNumber">): string {
  return call.lineName ?? "Unnamed line";
}
