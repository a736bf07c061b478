"use client";
// A live call's running duration, marked amber once the call is long and red once very long (lib/shared/calls/
// long-calls.ts), with the reason in words for screen readers and on hover.
import { createContext, useContext, type ReactNode } from "react";
import { formatDuration, secondsBetween } from "@/lib/shared/calls/format";
import { DEFAULT_LONG_CALL_MINUTES, longCallLevel, type LongCallLevel } from "@/lib/shared/calls/long-calls";
import { useCallWords } from "@/components/ui/call-words";

const LongCallMinutes = createContext(DEFAULT_LONG_CALL_MINUTES);

export function LongCallMinutesProvider({ minutes, children }: { minutes: number; children: ReactNode }) {
  return <LongCallMinutes.Provider value={minutes}>{children}</LongCallMinutes.Provider>;
}

const LEVEL_CLASS: Record<LongCallLevel, string> = {
  normal: "",
  long: "rounded-md bg-amber-100 px-1.5 text-amber-900 dark:bg-amber-900/50 dark:text-amber-200",
  "very-long": "rounded-md bg-red-100 px-1.5 text-red-800 dark:bg-red-950 dark:text-red-300",
};

export function CallTimer({ startedAt, now, isCompact }: { startedAt: string; now: number; isCompact: boolean }) {
  const minutes = useContext(LongCallMinutes);
  const words = useCallWords();
  const seconds = secondsBetween(startedAt, now);
  const level = longCallLevel(seconds, minutes);
  const description = words.longCall(level, minutes);
  return (
    <span
      data-testid="call-timer"
      data-long={level}
      title={description ?? undefined}
      className={`font-semibold tabular-nums ${isCompact ? "text-base" : "text-xl"} ${LEVEL_CLASS[level]}`}
      suppressHydrationWarning
    >
      {formatDuration(seconds)}
      {description && <span className="sr-only">{`, ${description.toLowerCase()}`}</span>}
    </span>
  );
}
