// A call's timeline: its stored events in the order they happened (not the order they arrived in), a page at a
// time, so a call with thousands of events neither loads them all into one page nor into one answer.
import type { Prisma, PrismaClient } from "@/lib/db/generated/client";
import { CALL_EVENTS_PAGE_SIZE, type CallEventPage } from "@/lib/shared/calls/call-event-view";
import { ApiError } from "@/lib/http/api-error";

/** A page cursor is the id of the last event already shown; it must be one of this call's events. */
export function parseEventCursor(value: string | null): bigint | null {
  if (value === null || value === "") return null;
  if (!/^\d{1,19}$/.test(value)) throw new ApiError("bad_request", "after must be the id of an event of this call, as the previous page gave it.");
  return BigInt(value);
}

export async function listCallEvents(
  prisma: PrismaClient,
  callId: string,
  options: { after?: bigint | null; limit?: number } = {},
): Promise<CallEventPage> {
  const limit = options.limit ?? CALL_EVENTS_PAGE_SIZE;
  let where: Prisma.CallEventWhereInput = { callId };
  if (options.after) {
    const last = await prisma.callEvent.findFirst({ where: { id: options.after, callId }, select: { id: true, occurredAt: true } });
    if (!last) throw new ApiError("bad_request", "after must be the id of an event of this call, as the previous page gave it.");
    where = { callId, OR: [{ occurredAt: { gt: last.occurredAt } }, { occurredAt: last.occurredAt, id: { gt: last.id } }] };
  }
  const rows = await prisma.callEvent.findMany({ where, orderBy: [{ occurredAt: "asc" }, { id: "asc" }], take: limit + 1 });
  const events = rows.slice(0, limit).map((event) => ({
    id: String(event.id),
    type: event.type,
    status: event.status,
    occurredAt: event.occurredAt.toISOString(),
    receivedAt: event.receivedAt.toISOString(),
    payload: event.payload,
  }));
  return { events, nextAfter: rows.length > limit ? (events.at(-1)?.id ?? null) : null };
}
