"use client";
import type { ConnectionState } from "./use-board-socket";

const LABELS: Record<ConnectionState, string> = {
  connecting: "Connecting…",
  live: "Live",
  reconnecting: "Reconnecting…",
  offline: "Offline",
};

const DOT: Record<ConnectionState, string> = {
  connecting: "bg-zinc-400",
  live: "bg-live live-dot",
  reconnecting: "bg-amber-500",
  offline: "bg-danger",
};

/** In the coarsest unit that reads at a glance: "12 s", "4 min", "3 h", "2 days" (not "9:12:33" after a quiet night). */
export function describeLastEvent(lastEventAt: number | null, now: number): string {
  if (lastEventAt === null) return "no events yet";
  const seconds = Math.max(0, (now - lastEventAt) / 1000);
  if (seconds < 5) return "event just now";
  const age =
    seconds < 60 ? `${Math.floor(seconds)} s` : seconds < 3_600 ? `${Math.floor(seconds / 60)} min` : seconds < 86_400 ? `${Math.floor(seconds / 3_600)} h` : `${Math.floor(seconds / 86_400)} ${seconds < 172_800 ? "day" : "days"}`;
  return `last event ${age} ago`;
}

export function ConnectionIndicator({ state, lastEventAt, now }: { state: ConnectionState; lastEventAt: number | null; now: number }) {
  return (
    <span
      role="status"
      data-testid="connection-state"
      data-state={state}
      className="inline-flex items-center gap-2 rounded-full border border-zinc-200 bg-white px-3 py-1 text-sm dark:border-zinc-800 dark:bg-zinc-900"
    >
      <span aria-hidden className={`size-2.5 rounded-full ${DOT[state]}`} />
      <span className="font-semibold">{LABELS[state]}</span>
      <span className="text-zinc-500 tabular-nums dark:text-zinc-400" data-testid="last-event" suppressHydrationWarning>
        · {describeLastEvent(lastEventAt, now)}
      </span>
    </span>
  );
}
