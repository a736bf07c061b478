// Asks Flireo about live calls that went quiet, before the stale sweeper would guess: ended there, closed here with
// Flireo's data; still in progress, kept live with Flireo's confirmation in the timeline; unknown to Flireo,
// unresolved with that reason. A call whose Flireo id is not yet known and whose own id Flireo does not know is
// looked for by numbers and start time around its start first (the two ids may differ).
import type { CallRecorder } from "@/lib/calls/call-recorder";
import type { Queryable } from "@/lib/calls/record-call-event";
import type { FlireoClient } from "@/lib/flireo/flireo-client";
import { getFlireoCall, listCallsPage, type FlireoCall } from "@/lib/flireo/flireo-calls";
import { apiPayload, type ApplyCounts } from "./apply-flireo-calls";
import { mapFlireoStatus, storable, toCallEvent } from "./map-flireo-call";
import { MATCH_WINDOW_SECONDS, normalizeNumber, rememberFlireoId } from "./match-calls";

type SilentCall = { id: string; flireo_call_id: string | null; customer_number: string | null; line_number: string | null; started_at: Date | null };

export type SilentDeps = { pool: Queryable; calls: CallRecorder; client: FlireoClient; now: () => Date };

export function describeUnknownReason(at: Date): string {
  return `Flireo's API does not know this call (asked at ${at.toISOString().slice(0, 16).replace("T", " ")} UTC): no webhook said it ended, and Flireo has no record of it.`;
}

async function findSilentCalls(pool: Queryable, silentMinutes: number, limit: number): Promise<SilentCall[]> {
  const { rows } = await pool.query<SilentCall>(
    `SELECT id, flireo_call_id, customer_number, line_number, started_at FROM calls
     WHERE status = 'in-progress' AND unresolved_at IS NULL AND last_event_at < now() - make_interval(secs => $1)
     ORDER BY last_event_at LIMIT $2`,
    [silentMinutes * 60, limit],
  );
  return rows;
}

/** Flireo's call for one that has only its webhook id here: listed around its start, matched by its numbers. */
async function findByListing(client: FlireoClient, silent: SilentCall): Promise<FlireoCall | null> {
  if (!silent.started_at || !normalizeNumber(silent.customer_number)) return null;
  const started = silent.started_at.getTime();
  const page = await listCallsPage(client, {
    startDate: new Date(started - 60_000),
    endDate: new Date(started + 60_000),
    limit: 100,
    offset: 0,
  });
  return (
    page.calls.find(
      (call) =>
        normalizeNumber(call.caller_phone) === normalizeNumber(silent.customer_number) &&
        (!call.assistant_phone || normalizeNumber(call.assistant_phone) === normalizeNumber(silent.line_number)) &&
        Math.abs(Date.parse(call.started_at ?? call.created_at ?? "") - started) <= MATCH_WINDOW_SECONDS * 1000,
    ) ?? null
  );
}

async function settle(deps: SilentDeps, silent: SilentCall, counts: ApplyCounts): Promise<void> {
  const found = (await getFlireoCall(deps.client, silent.flireo_call_id ?? silent.id)) ?? (silent.flireo_call_id ? null : await findByListing(deps.client, silent));
  if (!found) {
    if (await deps.calls.markUnresolved(silent.id, describeUnknownReason(deps.now()))) counts.unresolved++;
    return;
  }
  const call = storable(found);
  const mapped = mapFlireoStatus(call);
  if (!mapped) {
    counts.unknownStatus++;
    return;
  }
  if (!silent.flireo_call_id) await rememberFlireoId(deps.pool, silent.id, call.id);
  const isLive = mapped.status === "in-progress";
  const result = await deps.calls.record(toCallEvent(call, mapped, silent.id, { now: deps.now(), confirm: isLive }), apiPayload(call));
  if (result.outcome === "stored") counts[isLive ? "confirmed" : "closed"]++;
}

/**
 * Looks up to `limit` silent calls up, oldest news first, one request (two when matching by listing) each. Stops
 * early, leaving the rest for the next round, when the request budget has no slot.
 */
export async function checkSilentCalls(deps: SilentDeps, options: { silentMinutes: number; limit: number }, counts: ApplyCounts): Promise<void> {
  for (const silent of await findSilentCalls(deps.pool, options.silentMinutes, options.limit)) {
    await settle(deps, silent, counts);
  }
}
