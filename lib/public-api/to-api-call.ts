// From stored calls to the read API's public shapes (schemas.ts), which every response is parsed with.
import { callToView } from "@/lib/calls/call-row";
import type { CallDetail } from "@/lib/calls/find-call-detail";
import type { CallView } from "@/lib/shared/calls/call-view";
import type { CallCommandView } from "@/lib/shared/control/call-command";
import type { Call } from "@/lib/db/generated/client";
import { CallDetailSchema, type ApiCall, type ApiCallDetail, type ApiCallStatus } from "./schemas";

function apiStatus(view: Pick<CallView, "status" | "unresolvedAt">): ApiCallStatus {
  return view.status === "in-progress" && view.unresolvedAt !== null ? "unresolved" : view.status;
}

function fromView(view: CallView, createdAt: string, updatedAt: string): ApiCall {
  // `version` stays internal: it only orders realtime updates.
  const { version: _version, ...fields } = view;
  return { ...fields, status: apiStatus(view), createdAt, updatedAt };
}

/** Not parsed here: the list parses the whole page with CallListSchema. */
export function toApiCall(call: Call): ApiCall {
  return fromView(callToView(call), call.createdAt.toISOString(), call.updatedAt.toISOString());
}

/** A call has a report once Flireo's end-of-call report came (its event may since have been pruned). */
function hasReport(detail: CallDetail): boolean {
  const { call } = detail;
  return (
    detail.timeline.events.some((event) => event.type === "end-of-call-report") ||
    [call.summary, call.durationSeconds, detail.analysis, detail.transcript, detail.recordingUrl].some((value) => value !== null)
  );
}

/** A command sent to the call, as one of its events. */
function commandEvent(command: CallCommandView) {
  return {
    id: `command-${command.id}`,
    type: "call-command",
    status: command.outcome,
    occurredAt: command.requestedAt,
    receivedAt: command.requestedAt,
    payload: command.command,
    command: { by: command.actor, source: command.source, outcome: command.outcome, answer: command.answer, answeredAt: command.answeredAt },
  };
}

export function toApiCallDetail(detail: CallDetail, commands: CallCommandView[] = []): ApiCallDetail {
  const { call } = detail;
  // Commands take their place among the webhook events by time; a stable sort keeps each list's own order.
  const events = [...detail.timeline.events, ...commands.map(commandEvent)].sort((a, b) => Date.parse(a.occurredAt) - Date.parse(b.occurredAt));
  return CallDetailSchema.parse({
    ...fromView(call, detail.createdAt, detail.updatedAt),
    events,
    report: hasReport(detail)
      ? {
          summary: call.summary,
          analysis: detail.analysis,
          transcript: detail.transcript,
          recordingUrl: detail.recordingUrl,
          durationSeconds: call.durationSeconds,
          endReason: call.endReason,
        }
      : null,
  });
}
