"use client";
import { formatDuration } from "@/lib/calls/format";
import type { ConnectionState } from "./use-live-board";

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

function describeLastEvent(lastEventAt: number | null, now: number): string {
  if (lastEventAt === null) return "no events yet";
  const seconds = Math.max(0, (now - lastEventAt) / 1000);
  return seconds < 5 ? "event just now" : `last event ${formatDuration(seconds)} ago`;
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
