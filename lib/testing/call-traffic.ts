// A steady stream of call events for benchmarks: calls start, last a while, and end (some with an error),
// so the number of live calls levels off instead of growing without bound.
import { camelStatusUpdate, newCallId } from "./flireo-payloads";

type ActiveCall = { callId: string; endsAt: number; customerNumber: string };

export type CallTrafficOptions = { meanDurationSeconds?: number; errorRate?: number };

export function createCallTraffic(options: CallTrafficOptions = {}) {
  const meanDurationMs = (options.meanDurationSeconds ?? 60) * 1000;
  const errorRate = options.errorRate ?? 0.05;
  const active: ActiveCall[] = [];

  /** The next event: the end of a call that is due, else the start of a new one. */
  return function nextEvent(now = Date.now()): { callId: string; payload: ReturnType<typeof camelStatusUpdate> } {
    const due = active.length > 0 && (active[0]?.endsAt ?? Infinity) <= now ? active.shift() : undefined;
    if (due) {
      const isError = Math.random() < errorRate;
      return {
        callId: due.callId,
        payload: camelStatusUpdate({
          callId: due.callId,
          status: isError ? "ended-with-error" : "ended",
          customerNumber: due.customerNumber,
          timestamp: new Date(now),
          ...(isError ? { error: "LLM response timeout" } : {}),
        }),
      };
    }
    const call: ActiveCall = {
      callId: newCallId(),
      // Exponentially distributed durations, as call lengths roughly are.
      endsAt: now - Math.log(1 - Math.random()) * meanDurationMs,
      customerNumber: `+316${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`,
    };
    const index = active.findIndex((other) => other.endsAt > call.endsAt);
    active.splice(index === -1 ? active.length : index, 0, call);
    return {
      callId: call.callId,
      payload: camelStatusUpdate({ callId: call.callId, status: "in-progress", customerNumber: call.customerNumber, timestamp: new Date(now) }),
    };
  };
}
