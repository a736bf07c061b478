// The board's figures: KPIs, the last hour per minute and errors grouped by text. Safe to import from client components.
import type { DriftNotice } from "@/lib/shared/flireo/reconcile-view";

export type MinuteCount = { minute: string; calls: number; errors: number };
export type ErrorGroup = { error: string; lastHour: number; lastDay: number };

export type BoardStats = {
  /** The moment the figures were read. */
  asOf: string;
  /** Counted from this moment (the operator's local midnight). */
  since: string;
  callsToday: number;
  errorsToday: number;
  /** Calls that ended today, with or without an error: the error rate's denominator. */
  endedToday: number;
  averageDurationSeconds: number | null;
  /** 60 entries, oldest first; the last is the current (incomplete) minute. */
  perMinute: MinuteCount[];
  /** The most frequent error texts of the last 24 hours. */
  errorGroups: ErrorGroup[];
  /** Flireo's count of calls in progress and the board's disagreed on the last two checks (lib/reconcile). */
  flireoDrift?: DriftNotice | null;
};

/** Errors as a share of ended calls, or null before any call ended. */
export function errorRate(stats: Pick<BoardStats, "errorsToday" | "endedToday">): number | null {
  return stats.endedToday === 0 ? null : stats.errorsToday / stats.endedToday;
}

/** The operator's local midnight, which "today" counts from. */
export function startOfLocalDay(now: number): Date {
  const day = new Date(now);
  day.setHours(0, 0, 0, 0);
  return day;
}
