// One call with everything stored about it, for its detail page: the first page of the timeline of its webhook
// events in the order they happened (not the order they arrived), how many there are, the report's analysis.
import type { PrismaClient } from "@/lib/db/generated/client";
import { callToView } from "./call-row";
import { listCallEvents } from "./list-call-events";
import type { CallView } from "@/lib/shared/calls/call-view";
import type { CallEventPage } from "@/lib/shared/calls/call-event-view";

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
  /** The first page of the timeline, and how many events the call has in all. */
  timeline: CallEventPage & { total: number };
};

/** The call page asks for the first page of events; the read API's detail, whose contract lists them all, for all. */
export async function findCallDetail(prisma: PrismaClient, id: string, options: { allEvents?: boolean } = {}): Promise<CallDetail | null> {
  const call = await prisma.call.findUnique({ where: { id }, include: { _count: { select: { events: true } } } });
  if (!call) return null;
  const firstPage = await listCallEvents(prisma, id, options.allEvents ? { limit: Math.max(call._count.events, 1) } : {});
  return {
    call: callToView(call),
    analysis: call.analysis,
    transcript: call.transcript,
    recordingUrl: call.recordingUrl,
    createdAt: call.createdAt.toISOString(),
    updatedAt: call.updatedAt.toISOString(),
    loadedAt: Date.now(),
    timeline: { ...firstPage, total: call._count.events },
  };
}
