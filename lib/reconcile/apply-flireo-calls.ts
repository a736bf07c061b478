// Brings the board up to date with a page of Flireo's calls: each one missing here is backfilled, each live here but
// over at Flireo is closed, each whose end, duration, summary, transcript or recording is behind is brought up to
// date. Through the call recorder, so the same fold as webhooks decides and every change is broadcast; a call
// already as Flireo has it is left alone, so a round repeated changes nothing.
import type { CallRecorder } from "@/lib/calls/call-recorder";
import type { Queryable } from "@/lib/calls/record-call-event";
import type { FlireoCall } from "@/lib/flireo/flireo-calls";
import { mapFlireoStatus, storable, toCallEvent, type MappedStatus } from "./map-flireo-call";
import { matchCalls, rememberFlireoId, type LocalCall } from "./match-calls";

export type ChangeKind = "backfilled" | "closed" | "updated" | "confirmed";

export type ApplyCounts = Record<ChangeKind | "unresolved", number> & { unknownStatus: number; conflicts: number; failed: number };

export const emptyApplyCounts = (): ApplyCounts => ({
  backfilled: 0,
  closed: 0,
  updated: 0,
  confirmed: 0,
  unresolved: 0,
  unknownStatus: 0,
  conflicts: 0,
  failed: 0,
});

/** What the call here lacks that Flireo's call has; null when nothing. */
export function compareCall(local: LocalCall | undefined, mapped: MappedStatus, call: FlireoCall): ChangeKind | null {
  if (!local) return "backfilled";
  if (mapped.status === "in-progress") return local.status === "in-progress" && local.isUnresolved ? "confirmed" : null;
  if (local.status === "in-progress") return "closed";
  const isBehind =
    !local.hasEnd ||
    (call.duration_seconds != null && !local.hasDuration) ||
    (Boolean(call.summary) && !local.hasSummary) ||
    ((call.messages?.length ?? 0) > 0 && !local.hasTranscript) ||
    (Boolean(call.recording_url) && !local.hasRecording) ||
    (mapped.status === "ended-with-error" && local.status === "ended");
  return isBehind ? "updated" : null;
}

export type ApplyDeps = { pool: Queryable; calls: CallRecorder; now: () => Date; onError?: (error: unknown, call: FlireoCall) => void };

/** The raw payload an API event is stored with: where it came from, and the call as Flireo's API gave it. */
export const apiPayload = (call: FlireoCall) => ({ source: "flireo-api", call });

export async function applyFlireoCalls(deps: ApplyDeps, page: readonly FlireoCall[], counts: ApplyCounts): Promise<void> {
  const calls = page.map(storable);
  const { matched, blocked } = await matchCalls(deps.pool, calls);
  counts.conflicts += blocked.size;
  const now = deps.now();
  await Promise.all(
    calls.map(async (call, index) => {
      if (blocked.has(index)) return;
      const mapped = mapFlireoStatus(call);
      if (!mapped) {
        counts.unknownStatus++;
        return;
      }
      const local = matched.get(index);
      try {
        if (local && local.flireoCallId === null) await rememberFlireoId(deps.pool, local.id, call.id);
        const kind = compareCall(local, mapped, call);
        if (!kind) return;
        const callId = local?.id ?? call.id;
        const result = await deps.calls.record(toCallEvent(call, mapped, callId, { now, confirm: kind === "confirmed" }), apiPayload(call));
        if (!local) await rememberFlireoId(deps.pool, callId, call.id);
        if (result.outcome === "stored") counts[kind]++;
      } catch (error) {
        // One call that cannot be stored must not stop the others; the round reports it.
        counts.failed++;
        deps.onError?.(error, call);
      }
    }),
  );
}
