"use client";
import { useTranslations } from "next-intl";
import type { ConnectionState } from "./use-board-socket";

const DOT: Record<ConnectionState, string> = {
  connecting: "bg-zinc-400",
  live: "bg-live live-dot",
  reconnecting: "bg-amber-500",
  offline: "bg-danger",
};

/** How long ago the last event came, as a message in board.lastEvent and its count. */
export type LastEventAge = { unit: "none" | "justNow" | "seconds" | "minutes" | "hours" | "days"; count: number };

/** In the coarsest unit that reads at a glance: "12 s", "4 min", "3 h", "2 days" (not "9:12:33" after a quiet night). */
export function describeLastEvent(lastEventAt: number | null, now: number): LastEventAge {
  if (lastEventAt === null) return { unit: "none", count: 0 };
  const seconds = Math.max(0, (now - lastEventAt) / 1000);
  if (seconds < 5) return { unit: "justNow", count: 0 };
  if (seconds < 60) return { unit: "seconds", count: Math.floor(seconds) };
  if (seconds < 3_600) return { unit: "minutes", count: Math.floor(seconds / 60) };
  if (seconds < 86_400) return { unit: "hours", count: Math.floor(seconds / 3_600) };
  return { unit: "days", count: Math.floor(seconds / 86_400) };
}

export function ConnectionIndicator({ state, lastEventAt, now }: { state: ConnectionState; lastEventAt: number | null; now: number }) {
  const t = useTranslations("board");
  const age = describeLastEvent(lastEventAt, now);
  return (
    <span
      role="status"
      data-testid="connection-state"
      data-state={state}
      className="inline-flex items-center gap-2 rounded-full border border-zinc-200 bg-white px-3 py-1 text-sm dark:border-zinc-800 dark:bg-zinc-900"
    >
      <span aria-hidden className={`size-2.5 rounded-full ${DOT[state]}`} />
      <span className="font-semibold">{t(`connection.${state}`)}</span>
      <span className="text-zinc-500 tabular-nums dark:text-zinc-400" data-testid="last-event" suppressHydrationWarning>
        · {t(`lastEvent.${age.unit}`, { count: age.count })}
      </span>
    </span>
  );
}
