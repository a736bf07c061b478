"use client";
// The wall's big figures: calls in progress now, calls and errors in the last hour (with calls per minute beneath),
// and the longest call running, marked as its row is.
import type { ReactNode } from "react";
import { formatDuration } from "@/lib/shared/calls/format";
import { longCallDescription, longCallLevel } from "@/lib/shared/calls/long-calls";
import type { WallFigures as Figures, WallOptions } from "@/lib/shared/wallboards/wall-options";

function Figure({ label, value, tone, testId, children }: { label: string; value: string; tone?: string; testId: string; children?: ReactNode }) {
  return (
    <div className="wall-panel flex min-w-0 flex-col justify-between gap-[min(1vh,0.6vw)] px-(--wall-gap) py-[min(1.4vh,0.9vw)]">
      <p className="wall-label font-semibold uppercase wall-muted">{label}</p>
      <p className={`wall-figure font-bold tabular-nums ${tone ?? ""}`} data-testid={testId} suppressHydrationWarning>
        {value}
      </p>
      {children}
    </div>
  );
}

/** Calls per minute over the last hour as 60 thin bars: the shape of the hour at a glance. */
function MinuteBars({ perMinute }: { perMinute: Figures["perMinute"] }) {
  const highest = Math.max(1, ...perMinute.map((minute) => minute.calls));
  return (
    <div aria-hidden className="flex h-[min(3vh,2vw)] items-end gap-px">
      {perMinute.map((minute) => (
        <span key={minute.minute} className="flex-1 rounded-t-sm bg-(--wall-muted) opacity-60" style={{ height: `${Math.max(4, (minute.calls / highest) * 100)}%` }} />
      ))}
    </div>
  );
}

export function WallFigures({ liveCount, longestSeconds, figures, options }: { liveCount: number; longestSeconds: number | null; figures: Figures | null; options: WallOptions }) {
  const level = longestSeconds === null ? "normal" : longCallLevel(longestSeconds, options.longMinutes, options.veryLongMinutes);
  const description = longCallDescription(level, options.longMinutes, options.veryLongMinutes);
  const longestTone = level === "very-long" ? "text-(--wall-red)" : level === "long" ? "text-(--wall-amber)" : "";
  const errors = figures?.errorsLastHour ?? null;
  return (
    <section aria-label="Figures" className="grid grid-cols-4 gap-(--wall-gap)">
      <Figure label="In progress" value={String(liveCount)} tone="text-(--wall-live)" testId="wall-figure-live" />
      <Figure label="Calls · last hour" value={figures ? String(figures.callsLastHour) : "–"} testId="wall-figure-calls">
        {figures && <MinuteBars perMinute={figures.perMinute} />}
      </Figure>
      <Figure label="Errors · last hour" value={errors === null ? "–" : String(errors)} tone={errors ? "text-(--wall-red)" : ""} testId="wall-figure-errors" />
      <Figure label="Longest call" value={longestSeconds === null ? "–" : formatDuration(longestSeconds)} tone={longestTone} testId="wall-figure-longest">
        {description && <p className={`wall-label font-semibold ${longestTone}`}>{description}</p>}
      </Figure>
    </section>
  );
}
