// One call with everything stored about it, for its detail page: the timeline of its webhook events in the
// order they happened (not the order they arrived), the report's analysis, and the raw payloads.
import type { PrismaClient } from "@/lib/db/generated/client";
import { callToView } from "./call-row";
import type { CallView } from "@/lib/shared/calls/call-view";

export type CallEventView = {
  id: string;
  type: string;
  status: string | null;
  occurredAt: string;
  receivedAt: string;
  payload: unknown;
};

export type CallDetail = {
  call: CallView;
  analysis: unknown;
  transcript: unknown;
  recordingUrl: string | null;
  /** When Callboard stored the call's first event (never changes), and when the call last changed. */
  createdAt: string;
  updatedAt: string;
  /** When this was read (ms since the epoch): what the page says about a report still to come is as of then. */
  loadedAt: number;
  events: CallEventView[];
};

export async function findCallDetail(prisma: PrismaClient, id: string): Promise<CallDetail | null> {
  const call = await prisma.call.findUnique({
    where: { id },
    include: { events: { orderBy: [{ occurredAt: "asc" }, { id: "asc" }] } },
  });
  if (!call) return null;
  return {
    call: callToView(call),
    analysis: call.analysis,
    transcript: call.transcript,
    recordingUrl: call.recordingUrl,
    createdAt: call.createdAt.toISOString(),
    updatedAt: call.updatedAt.toISOString(),
    loadedAt: Date.now(),
    events: call.events.map((event) => ({
      id: String(event.id),
      type: event.type,
      status: event.status,
      occurredAt: event.occurredAt.toISOString(),
      receivedAt: event.receivedAt.toISOString(),
      payload: event.payload,
    })),
  };
}
