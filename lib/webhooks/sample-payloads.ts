// Flireo webhook payloads in each published variant (../shared/flireo/webhooks.md §1.2, §8): camelCase and
// snake_case inside the `message` envelope, and the legacy flat shape. Used by the test event, the simulator
// and tests.
export type PayloadVariant = "camel" | "snake" | "legacy";
export type SampleStatus = "in-progress" | "ended" | "ended-with-error";

export type SampleCall = {
  callId: string;
  lineNumber: string;
  lineName: string;
  customerNumber: string;
  callType?: "inbound" | "outbound";
};

const CALL_TYPE = {
  camel: { inbound: "inboundPhoneCall", outbound: "outboundPhoneCall" },
  snake: { inbound: "inbound_phone_call", outbound: "outbound_phone_call" },
} as const;

export function buildStatusUpdate(
  variant: PayloadVariant,
  call: SampleCall,
  status: SampleStatus,
  options: { at?: Date; error?: string } = {},
): Record<string, unknown> {
  const at = options.at ?? new Date();
  if (variant === "legacy") {
    return {
      eventType: "status-update",
      eventTimestamp: at.getTime(),
      callSession: call.callId,
      fromCaller: call.customerNumber,
      toAssistant: call.lineNumber,
      status: status === "ended-with-error" ? "ended-with-debugging" : status,
      ...(status === "ended-with-error" ? { "debugging-artifact": options.error ?? "Unknown error" } : {}),
    };
  }
  const line = { number: call.lineNumber, name: call.lineName };
  return {
    message: {
      type: "status-update",
      timestamp: at.toISOString(),
      call: { id: call.callId, type: CALL_TYPE[variant][call.callType ?? "inbound"], status },
      ...(variant === "camel" ? { phoneNumber: line } : { phone_number: line }),
      customer: { number: call.customerNumber },
      ...(status === "ended-with-error" ? { error: options.error ?? "Unknown error" } : {}),
    },
  };
}

export type SampleReport = {
  startedAt: Date;
  endedAt: Date;
  summary: string;
  transcript: { role: "assistant" | "user"; content: string }[];
  endReason?: string;
};

export function buildEndOfCallReport(variant: PayloadVariant, call: SampleCall, report: SampleReport): Record<string, unknown> {
  const durationSeconds = Math.round((report.endedAt.getTime() - report.startedAt.getTime()) / 1000);
  if (variant === "legacy") {
    return {
      eventType: "end-of-call-report",
      eventTimestamp: report.endedAt.getTime() + 1_500,
      callId: call.callId,
      fromCaller: call.customerNumber,
      toAssistant: call.lineNumber,
      callLengthSeconds: (report.endedAt.getTime() - report.startedAt.getTime()) / 1000,
      summaryText: report.summary,
      transcriptText: report.transcript.map((line) => `${line.role === "user" ? "Caller" : "Agent"}: ${line.content}`).join("\n"),
      ...(report.endReason ? { endReason: report.endReason } : {}),
    };
  }
  const line = { number: call.lineNumber, name: call.lineName };
  const isCamel = variant === "camel";
  return {
    message: {
      type: "end-of-call-report",
      timestamp: new Date(report.endedAt.getTime() + 1_500).toISOString(),
      call: { id: call.callId, type: CALL_TYPE[variant][call.callType ?? "inbound"], status: "ended" },
      ...(isCamel ? { phoneNumber: line } : { phone_number: line }),
      customer: { number: call.customerNumber },
      ...(isCamel
        ? { durationSeconds, startedAt: report.startedAt.toISOString(), endedAt: report.endedAt.toISOString() }
        : { duration_seconds: durationSeconds, started_at: report.startedAt.toISOString(), ended_at: report.endedAt.toISOString() }),
      summary: report.summary,
      messages: report.transcript,
      ...(report.endReason ? (isCamel ? { endReason: report.endReason } : { end_reason: report.endReason }) : {}),
    },
  };
}
