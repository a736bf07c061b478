// Builds Flireo's end-of-call-report webhook (snake_case, in the `message` envelope) for tests and scripts.
import { newCallId } from "./flireo-payloads";

export type ReportInput = {
  callId?: string;
  timestamp?: Date;
  startedAt?: Date;
  lineNumber?: string;
  lineName?: string;
  customerNumber?: string;
  durationSeconds?: number;
  summary?: string;
  analysis?: Record<string, unknown>;
  recordingUrl?: string;
  endReason?: string;
  /** The transcript as Flireo's messages; one greeting when left out. */
  messages?: { role: string; content: string }[];
};

export function endOfCallReport(input: ReportInput) {
  const timestamp = input.timestamp ?? new Date();
  return {
    message: {
      type: "end-of-call-report",
      timestamp: timestamp.toISOString(),
      call: { id: input.callId ?? newCallId(), type: "inbound_phone_call", status: "ended" },
      phone_number: { number: input.lineNumber ?? "+31201234567", name: input.lineName ?? "Main line" },
      customer: { number: input.customerNumber ?? "+31612345678" },
      ...(input.startedAt ? { started_at: input.startedAt.toISOString(), ended_at: timestamp.toISOString() } : {}),
      duration_seconds: input.durationSeconds ?? 132,
      summary: input.summary ?? "Customer asked about opening hours.",
      analysis: input.analysis ?? { resolved: true },
      messages: input.messages ?? [{ role: "assistant", content: "Hello!" }],
      recording_url: input.recordingUrl ?? "https://recordings.example.test/rec.mp3",
      end_reason: input.endReason ?? "customer-ended-call",
    },
  };
}
