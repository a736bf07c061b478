// Takes calls that went quiet off the live list: an in-progress call with no event for STALE_CALL_MINUTES is
// marked unresolved, with the reason, and broadcast. A later end event still settles it (record-call-event.ts).
import type { PrismaClient } from "@/lib/db/generated/client";
import { callRowToView, type CallRow } from "./call-row";
import type { CallView } from "@/lib/shared/calls/call-view";

export function describeStaleReason(staleMinutes: number): string {
  const span = staleMinutes >= 60 && staleMinutes % 60 === 0 ? `${staleMinutes / 60} h` : `${staleMinutes} min`;
  return `No webhook from Flireo for this call in ${span}: its end was never reported, so it is no longer shown as live.`;
}

/**
 * Marks at most `batchSize` stale calls, oldest news first, and returns them as changed. Small batches keep each
 * statement short; rows a concurrent webhook is updating are skipped (SKIP LOCKED) and looked at next time.
 */
export async function markStaleCalls(
  prisma: PrismaClient,
  options: { staleMinutes: number; batchSize?: number },
): Promise<CallView[]> {
  const batchSize = options.batchSize ?? 100;
  const reason = describeStaleReason(options.staleMinutes);
  const rows = await prisma.$queryRaw<CallRow[]>`
    UPDATE calls AS c SET
      unresolved_at = now(),
      unresolved_reason = ${reason},
      version = nextval('calls_version_seq'),
      updated_at = now()
    WHERE c.id IN (
      SELECT id FROM calls
      WHERE status = 'in-progress' AND unresolved_at IS NULL
        AND last_event_at < now() - make_interval(secs => ${options.staleMinutes * 60})
      ORDER BY last_event_at
      LIMIT ${batchSize}
      FOR UPDATE SKIP LOCKED)
      -- Checked again on the locked row: an event may have arrived since the subquery looked.
      AND c.status = 'in-progress' AND c.unresolved_at IS NULL
      AND c.last_event_at < now() - make_interval(secs => ${options.staleMinutes * 60})
    RETURNING c.id, c.status, c.call_type, c.line_number, c.line_name, c.customer_number, c.started_at, c.ended_at,
      c.first_event_at, c.last_event_at, c.error, c.end_reason, c.duration_seconds, c.summary, c.unresolved_at,
      c.unresolved_reason, c.version`;
  return rows.map(callRowToView);
}

/** Marks one live call unresolved with the reason given (Flireo's API does not know it); null when it is not live. */
export async function markCallUnresolved(prisma: PrismaClient, callId: string, reason: string): Promise<CallView | null> {
  const rows = await prisma.$queryRaw<CallRow[]>`
    UPDATE calls AS c SET
      unresolved_at = now(),
      unresolved_reason = ${reason},
      version = nextval('calls_version_seq'),
      updated_at = now()
    WHERE c.id = ${callId} AND c.status = 'in-progress' AND c.unresolved_at IS NULL
    RETURNING c.id, c.status, c.call_type, c.line_number, c.line_name, c.customer_number, c.started_at, c.ended_at,
      c.first_event_at, c.last_event_at, c.error, c.end_reason, c.duration_seconds, c.summary, c.unresolved_at,
      c.unresolved_reason, c.version`;
  return rows[0] ? callRowToView(rows[0]) : null;
}

/** Marks every stale call, batch after batch (up to `maxBatches`), calling `onChanged` after each commit. */
export async function sweepStaleCalls(
  prisma: PrismaClient,
  options: { staleMinutes: number; batchSize?: number; maxBatches?: number; onChanged: (call: CallView) => void },
): Promise<number> {
  const batchSize = options.batchSize ?? 100;
  let total = 0;
  for (let batch = 0; batch < (options.maxBatches ?? 20); batch++) {
    const calls = await markStaleCalls(prisma, { staleMinutes: options.staleMinutes, batchSize });
    calls.forEach(options.onChanged);
    total += calls.length;
    if (calls.length < batchSize) break;
  }
  return total;
}
