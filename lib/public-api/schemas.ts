// The read API's public shapes, defined once: the handlers parse their output with these schemas (so nothing else
// can leak out) and lib/public-api/openapi.ts renders the same schemas into the OpenAPI document.
import { z } from "zod";
import { ERROR_STATUS } from "@/lib/shared/http/error-shape";

/** `in-progress` is live; `unresolved` went quiet without an end (the board's "unresolved"); the rest are ended. */
export const API_CALL_STATUSES = ["in-progress", "ended", "ended-with-error", "unresolved"] as const;
export type ApiCallStatus = (typeof API_CALL_STATUSES)[number];

export const LIST_LIMIT_DEFAULT = 50;
export const LIST_LIMIT_MAX = 200;

const timestamp = z.iso.datetime().meta({ description: "ISO 8601, UTC.", example: "2026-11-27T09:15:02.418Z" });
const phoneNumber = z.string().meta({ description: "E.164.", example: "+31612345678" });

// Any JSON (the database's jsonb holds nothing else). Not z.json(): its recursion renders as an anonymous extra
// component in the document, and the recursion would only restate "any JSON value".
export const JsonValueSchema = z.unknown().meta({ id: "JsonValue", description: "Any JSON value, as Flireo sent it." });

export const CallSchema = z
  .object({
    id: z.string().meta({ description: "Flireo's call id." }),
    status: z.enum(API_CALL_STATUSES).meta({
      description: "`in-progress`: live. `ended`, `ended-with-error`: over. `unresolved`: Flireo went silent about a call in progress for too long.",
    }),
    callType: z.enum(["inbound", "outbound", "web"]).nullable(),
    lineNumber: phoneNumber.nullable().meta({ description: "Your number the call came in on or went out from (E.164)." }),
    lineName: z.string().nullable(),
    customerNumber: phoneNumber.nullable().meta({ description: "The other party's number (E.164)." }),
    startedAt: timestamp.nullable().meta({ description: "When the call started, if Flireo said." }),
    endedAt: timestamp.nullable(),
    firstEventAt: timestamp.meta({ description: "The time on the call's earliest webhook event." }),
    lastEventAt: timestamp.meta({ description: "The time on the call's latest webhook event." }),
    durationSeconds: z.number().nullable().meta({ description: "From the end-of-call report." }),
    endReason: z.string().nullable(),
    error: z.string().nullable().meta({ description: "Flireo's error message, for `ended-with-error`." }),
    summary: z.string().nullable().meta({ description: "The end-of-call report's summary." }),
    unresolvedAt: timestamp.nullable(),
    unresolvedReason: z.string().nullable(),
    createdAt: timestamp.meta({
      description: "When Callboard stored the call's first event. Never changes; the list is sorted by it, newest first.",
    }),
    updatedAt: timestamp.meta({ description: "When anything about the call last changed." }),
  })
  .meta({ id: "Call", description: "A call, folded from all of its webhook events." });

export type ApiCall = z.infer<typeof CallSchema>;

export const CallCommandSchema = z
  .object({
    by: z.string().meta({ description: "Who sent it: the user's email, or `cli` for `npm run flireo -- control`." }),
    source: z.enum(["board", "api", "cli"]).meta({ description: "A Callboard page, Callboard's control API, or the command line." }),
    outcome: z.enum(["pending", "ok", "refused", "failed"]).meta({ description: "`ok`: Flireo accepted it; `refused`: Flireo (or its limit) said no; `failed`: no usable answer." }),
    answer: z.string().nullable().meta({ description: "Flireo's answer in words." }),
    answeredAt: timestamp.nullable(),
  })
  .meta({ id: "CallCommand", description: "A command a person sent to the live call through Callboard (Flireo's call control)." });

export const CallEventSchema = z
  .object({
    id: z.string(),
    type: z.string().meta({ description: "`status-update` or `end-of-call-report` (webhooks); `flireo-api`: learned from Flireo's REST API when Callboard checked the call there; `call-command`: a command sent to the call." }),
    status: z.string().nullable().meta({ description: "The status the event reported; for a command, its outcome." }),
    occurredAt: timestamp.meta({ description: "The time on the event (Flireo's); for a command, when it was sent." }),
    receivedAt: timestamp.meta({ description: "When Callboard received it (a command: when it was sent)." }),
    payload: JsonValueSchema.meta({ description: "The webhook body exactly as Flireo sent it; for `flireo-api`, `{ source, call }` with the call as Flireo's API gave it; for a command, the command as sent to Flireo." }),
    command: CallCommandSchema.optional().meta({ description: "Present on `call-command` events: who sent it and Flireo's answer." }),
  })
  .meta({ id: "CallEvent" });

export const TranscriptSchema = z
  .union([z.array(z.object({ role: z.string(), content: z.string() })), z.string()])
  .meta({ id: "Transcript", description: "The conversation: messages in order, or plain text from older Flireo versions." });

export const EndOfCallReportSchema = z
  .object({
    summary: z.string().nullable(),
    analysis: z.record(z.string(), JsonValueSchema).nullable().meta({ description: "The assistant's structured analysis." }),
    transcript: TranscriptSchema.nullable(),
    recordingUrl: z.string().nullable(),
    durationSeconds: z.number().nullable(),
    endReason: z.string().nullable(),
  })
  .meta({ id: "EndOfCallReport", description: "What Flireo's end-of-call report said; null until it arrives." });

export const CallDetailSchema = CallSchema.extend({
  events: z.array(CallEventSchema).meta({ description: "Every stored webhook event, in the order they happened. Events older than the retention period are pruned." }),
  report: EndOfCallReportSchema.nullable(),
}).meta({ id: "CallDetail" });

export type ApiCallDetail = z.infer<typeof CallDetailSchema>;

export const CallListSchema = z
  .object({
    data: z.array(CallSchema).meta({ description: "Newest first (by `createdAt`, then `id`)." }),
    nextCursor: z.string().nullable().meta({ description: "Pass as `cursor` for the next page; null on the last page." }),
  })
  .meta({ id: "CallList" });

export type ApiCallList = z.infer<typeof CallListSchema>;

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.enum(Object.keys(ERROR_STATUS) as [keyof typeof ERROR_STATUS, ...(keyof typeof ERROR_STATUS)[]]),
      message: z.string().meta({ description: "What went wrong and what to do about it, for a person." }),
      details: z.unknown().optional(),
    }),
  })
  .meta({ id: "Error" });

export const CallIdParamsSchema = z.object({
  id: z.string().min(1).max(200).meta({ description: "Flireo's call id." }),
});
