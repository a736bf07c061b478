// A call's timeline: its stored events in the order they happened (not the order they arrived in).
import type { PrismaClient } from "@/lib/db/generated/client";

export type CallEventView = { type: string; status: string | null; occurredAt: string; receivedAt: string };

export async function listCallEvents(prisma: PrismaClient, callId: string): Promise<CallEventView[]> {
  const events = await prisma.callEvent.findMany({
    where: { callId },
    orderBy: [{ occurredAt: "asc" }, { id: "asc" }],
    select: { type: true, status: true, occurredAt: true, receivedAt: true },
  });
  return events.map((event) => ({
    type: event.type,
    status: event.status,
    occurredAt: event.occurredAt.toISOString(),
    receivedAt: event.receivedAt.toISOString(),
  }));
}
