// Normalizes every published Flireo webhook variant (../shared/flireo/webhooks.md §8) into one FlireoCallEvent:
// the `message` envelope in camelCase (A) or snake_case (B/C/D, SDK), and the legacy flat shape (E).
import { z } from "zod";
import { isCallStatus, type CallStatus } from "@/lib/shared/calls/call-status";
import { HANDLED_EVENT_TYPES, type CallReport, type CallType, type FlireoCallEvent, type HandledEventType } from "@/lib/calls/call-event";

export type PayloadIssue = { path: string; message: string };

export type ParsedPayload =
  | { kind: "event"; event: FlireoCallEvent }
  | { kind: "ignored"; eventType: string; callId: string | null }
  | { kind: "invalid"; issues: PayloadIssue[] };

const text = z.string();
const optionalText = text.nullish().transform((value) => value ?? null);
const nonEmptyId = z.string().trim().min(1, "must be a non-empty string");
const objectRecord = z.record(z.string(), z.unknown());

/** Event times outside this range are typos or garbage, and some of them cannot even be stored. */
const EARLIEST_EVENT = Date.UTC(1970, 0, 1);
const LATEST_EVENT = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
const isPlausibleEventTime = (date: Date) => date.getTime() >= EARLIEST_EVENT && date.getTime() <= LATEST_EVENT;

/** ISO-8601 per the docs; epoch seconds or milliseconds are tolerated, since nothing is gained by refusing them. */
const isoTimestamp = z.union([z.string(), z.number()]).transform((value, ctx) => {
  const date =
    typeof value === "number" ? new Date(value < 1e11 ? value * 1000 : value) : new Date(value);
  if (Number.isNaN(date.getTime())) {
    ctx.addIssue({ code: "custom", message: "must be an ISO-8601 date-time" });
    return z.NEVER;
  }
  if (!isPlausibleEventTime(date)) {
    ctx.addIssue({ code: "custom", message: "must be a date-time between 1970 and 9999" });
    return z.NEVER;
  }
  return date;
});

const epochMillis = z
  .union([z.number(), z.string().regex(/^\d+(\.\d+)?$/)])
  .transform((value) => new Date(Number(value)))
  .refine((date) => !Number.isNaN(date.getTime()), "must be a Unix timestamp in milliseconds")
  .refine(isPlausibleEventTime, "must be a Unix timestamp in milliseconds between 1970 and 9999");

/** A call length in seconds; a bound keeps absurd values (1e308) out of arithmetic and storage. */
const durationSeconds = z.number().nonnegative().max(1e9, "must be at most 1e9 seconds");

const numberHolder = z
  .object({ number: optionalText, name: optionalText })
  .nullish()
  .transform((value) => value ?? { number: null, name: null });

const transcriptMessage = z.object({ role: text, content: text.nullish().transform((v) => v ?? "") });

/** The fields every event in the `message` envelope has. */
const envelopeMessage = z.object({
  type: text,
  timestamp: isoTimestamp,
  call: z.object({
    id: nonEmptyId,
    type: optionalText,
    status: optionalText,
  }),
  phoneNumber: numberHolder.optional(),
  phone_number: numberHolder.optional(),
  customer: z
    .object({ number: optionalText })
    .nullish()
    .transform((value) => value ?? { number: null }),
  error: optionalText,
  end_reason: optionalText,
  endReason: optionalText,
  assistant: z.object({ metadata: objectRecord.nullish() }).nullish(),
});

/** An end-of-call report's own fields besides. A status-update is not checked for them, which it does not carry. */
const reportMessage = envelopeMessage.extend({
  durationSeconds: durationSeconds.nullish(),
  duration_seconds: durationSeconds.nullish(),
  summary: optionalText,
  analysis: objectRecord.nullish(),
  messages: z.array(transcriptMessage).nullish(),
  recording_url: optionalText,
  recordingUrl: optionalText,
  started_at: isoTimestamp.nullish(),
  startedAt: isoTimestamp.nullish(),
  ended_at: isoTimestamp.nullish(),
  endedAt: isoTimestamp.nullish(),
});

const statusUpdateSchema = z.object({ message: envelopeMessage });
const reportSchema = z.object({ message: reportMessage });

const legacySchema = z.object({
  eventType: text,
  eventTimestamp: epochMillis,
  callSession: nonEmptyId.optional(),
  callId: nonEmptyId.optional(),
  fromCaller: optionalText,
  toAssistant: optionalText,
  status: optionalText,
  "debugging-artifact": optionalText,
  endReason: optionalText,
  transcriptText: optionalText,
  summaryText: optionalText,
  recordings: z.object({ linkStereo: optionalText }).nullish(),
  callLengthSeconds: durationSeconds.nullish(),
});

const CALL_TYPES: Record<string, CallType> = {
  inboundPhoneCall: "inbound",
  inbound_phone_call: "inbound",
  outboundPhoneCall: "outbound",
  outbound_phone_call: "outbound",
  webCall: "web",
  web_call: "web",
  inbound: "inbound",
  outbound: "outbound",
  web: "web",
};

function isHandledType(type: string): type is HandledEventType {
  return (HANDLED_EVENT_TYPES as readonly string[]).includes(type);
}

function toIssues(error: z.ZodError, prefix: string[] = []): PayloadIssue[] {
  return error.issues.map((issue) => ({
    path: [...prefix, ...issue.path.map(String)].join("."),
    message: issue.message,
  }));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function readStatus(
  type: HandledEventType,
  rawStatus: string | null,
  path: string,
): CallStatus | PayloadIssue {
  if (type === "end-of-call-report") return "ended";
  if (isCallStatus(rawStatus)) return rawStatus;
  return {
    path,
    message: `must be one of in-progress, ended, ended-with-error (got ${JSON.stringify(rawStatus)})`,
  };
}

function parseEnvelope(body: Record<string, unknown>, headerEventType: string | null): ParsedPayload {
  const message = isRecord(body.message) ? body.message : null;
  // The header is not signed: a body that says anything about its type (even a malformed one) is not overruled by it.
  const hasBodyType = message !== null && "type" in message;
  const eventType = hasBodyType ? (typeof message.type === "string" ? message.type : null) : headerEventType;
  if (eventType !== null && !isHandledType(eventType)) {
    const call = isRecord(message?.call) ? message.call : null;
    return { kind: "ignored", eventType, callId: typeof call?.id === "string" ? call.id : null };
  }
  const withType = message && eventType && message.type === undefined ? { message: { ...message, type: eventType } } : body;
  const isReport = eventType === "end-of-call-report";
  const parsed = (isReport ? reportSchema : statusUpdateSchema).safeParse(withType);
  if (!parsed.success) return { kind: "invalid", issues: toIssues(parsed.error) };

  const m = parsed.data.message;
  const type = m.type as HandledEventType;
  const status = readStatus(type, m.call.status, "message.call.status");
  if (typeof status !== "string") return { kind: "invalid", issues: [status] };

  const line = m.phoneNumber ?? m.phone_number ?? { number: null, name: null };
  const r = isReport ? (m as z.output<typeof reportMessage>) : null;
  const report: CallReport | null = r
    ? {
        durationSeconds: r.durationSeconds ?? r.duration_seconds ?? null,
        summary: r.summary,
        analysis: r.analysis ?? null,
        transcript: r.messages ?? null,
        recordingUrl: r.recording_url ?? r.recordingUrl,
        startedAt: r.started_at ?? r.startedAt ?? null,
        endedAt: r.ended_at ?? r.endedAt ?? null,
      }
    : null;

  return {
    kind: "event",
    event: {
      type,
      callId: m.call.id,
      occurredAt: m.timestamp,
      status,
      callType: m.call.type ? (CALL_TYPES[m.call.type] ?? null) : null,
      lineNumber: line.number,
      lineName: line.name,
      customerNumber: m.customer.number,
      error: status === "ended-with-error" ? (m.error ?? "Unknown error") : m.error,
      endReason: m.end_reason ?? m.endReason,
      metadata: m.assistant?.metadata ?? null,
      report,
    },
  };
}

function parseLegacy(body: Record<string, unknown>): ParsedPayload {
  const eventType = typeof body.eventType === "string" ? body.eventType : "";
  if (!isHandledType(eventType)) {
    const callId = body.callId ?? body.callSession;
    return { kind: "ignored", eventType, callId: typeof callId === "string" ? callId : null };
  }
  const parsed = legacySchema.safeParse(body);
  if (!parsed.success) return { kind: "invalid", issues: toIssues(parsed.error) };

  const e = parsed.data;
  const callId = e.callSession ?? e.callId;
  if (!callId) return { kind: "invalid", issues: [{ path: "callSession", message: "callSession or callId is required" }] };

  const legacyStatus = e.status === "ended-with-debugging" ? "ended-with-error" : e.status;
  const status = readStatus(eventType, legacyStatus, "status");
  if (typeof status !== "string") {
    return {
      kind: "invalid",
      issues: [{ ...status, message: `must be one of in-progress, ended, ended-with-debugging (got ${JSON.stringify(e.status)})` }],
    };
  }

  const report: CallReport | null =
    eventType === "end-of-call-report"
      ? {
          durationSeconds: e.callLengthSeconds ?? null,
          summary: e.summaryText,
          analysis: null,
          transcript: e.transcriptText,
          recordingUrl: e.recordings?.linkStereo ?? null,
          startedAt: null,
          endedAt: null,
        }
      : null;

  return {
    kind: "event",
    event: {
      type: eventType,
      callId,
      occurredAt: e.eventTimestamp,
      status,
      callType: null,
      lineNumber: e.toAssistant,
      lineName: null,
      customerNumber: e.fromCaller,
      error: status === "ended-with-error" ? (e["debugging-artifact"] ?? "Ended with debugging") : null,
      endReason: e.endReason,
      metadata: null,
      report,
    },
  };
}

/**
 * Reads a parsed JSON body. `headerEventType` is X-Webhook-Event, used only when the body does not say its type
 * at all; the caller passes null where signatures are required, since the header is outside what is signed (a
 * replayed signed body must not be read as another event). Event types Callboard does not use (tool-calls,
 * assistant-request) come back as "ignored".
 */
export function parseFlireoPayload(body: unknown, headerEventType: string | null = null): ParsedPayload {
  if (!isRecord(body)) {
    return { kind: "invalid", issues: [{ path: "", message: "body must be a JSON object" }] };
  }
  if ("message" in body) return parseEnvelope(body, headerEventType);
  if ("eventType" in body) return parseLegacy(body);
  if (headerEventType !== null && !isHandledType(headerEventType)) {
    return { kind: "ignored", eventType: headerEventType, callId: null };
  }
  return {
    kind: "invalid",
    issues: [{ path: "message", message: "required: a Flireo webhook has a `message` object (or a legacy `eventType`)" }],
  };
}
