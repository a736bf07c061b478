"use client";
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

export function ConnectionIndicator({ state }: { state: ConnectionState }) {
  return (
    <span
      role="status"
      aria-live="polite"
      data-testid="connection-state"
      data-state={state}
      className="inline-flex items-center gap-2 rounded-full border border-zinc-200 bg-white px-3 py-1 text-sm font-medium dark:border-zinc-800 dark:bg-zinc-900"
    >
      <span aria-hidden className={`size-2 rounded-full ${DOT[state]}`} />
      {LABELS[state]}
    </span>
  );
}
