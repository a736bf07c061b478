// Flireo takes at most 10 commands a minute per call (webhooks.md §7). This counts them here, per call, so that an
// eleventh is answered at once with the wait instead of being sent only to be refused.
//
// Interim and self-contained: the process's shared Flireo request budget takes this over once it is in place, so
// nothing else depends on how this counts (one function, `take`).
export const FLIREO_COMMANDS_PER_CALL_PER_MINUTE = 10;

const WINDOW_MS = 60_000;

export type ControlSlots = {
  /** Takes a slot for a command to `callId`; when none is free, how many seconds until one is. */
  take: (callId: string, now?: number) => { allowed: true } | { allowed: false; retryAfterSeconds: number };
};

export function createControlSlots(perMinute = FLIREO_COMMANDS_PER_CALL_PER_MINUTE): ControlSlots {
  const sent = new Map<string, number[]>();
  return {
    take(callId, now = Date.now()) {
      const recent = (sent.get(callId) ?? []).filter((at) => now - at < WINDOW_MS);
      if (recent.length >= perMinute) {
        sent.set(callId, recent);
        return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((recent[0]! + WINDOW_MS - now) / 1000)) };
      }
      recent.push(now);
      sent.set(callId, recent);
      // Calls end; their entries go once a minute has passed without a command.
      for (const [id, times] of sent) if (times.every((at) => now - at >= WINDOW_MS)) sent.delete(id);
      return { allowed: true };
    },
  };
}
