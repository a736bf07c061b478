"use client";
// The wall's big figures: calls in progress now, calls and errors in the last hour (with calls per minute beneath),
// and the longest call running, marked as its row is.
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { formatDuration } from "@/lib/shared/calls/format";
import { longCallLevel } from "@/lib/shared/calls/long-calls";
import type { WallFigures as Figures, WallOptions } from "@/lib/shared/wallboards/wall-options";

/** A figure with its label above and a line of detail below (the same height in every tile, so the figures align). */
function Figure({ label, value, tone, testId, children }: { label: string; value: string; tone?: string; testId: string; children?: ReactNode }) {
  return (
    <div className="wall-panel flex min-w-0 flex-col gap-[min(1vh,0.6vw)] px-(--wall-gap) py-[min(1.4vh,0.9vw)]">
      <p className="wall-label font-semibold uppercase wall-muted">{label}</p>
      <p className={`wall-figure font-bold tabular-nums ${tone ?? ""}`} data-testid={testId} suppressHydrationWarning>
        {value}
      </p>
      <div className="flex h-[min(3vh,2vw)] items-end">{children}</div>
    </div>
  );
}

/** Calls per minute over the last hour as 60 thin bars: the shape of the hour at a glance. */
function MinuteBars({ perMinute }: { perMinute: Figures["perMinute"] }) {
  const highest = Math.max(1, ...perMinute.map((minute) => minute.calls));
  return (
    <div aria-hidden className="flex h-full w-full items-end gap-px">
      {perMinute.map((minute) => (
        <span key={minute.minute} className="flex-1 rounded-t-sm bg-(--wall-muted) opacity-60" style={{ height: `${Math.max(4, (minute.calls / highest) * 100)}%` }} />
      ))}
    </div>
  );
}

type LongCounts = { long: number; veryLong: number };

/** How many live calls are marked, in the marks' colours: "2 very long · 3 long". */
function LongCallCounts({ counts }: { counts: LongCounts }) {
  const t = useTranslations("wall.figures");
  if (counts.long + counts.veryLong === 0) return null;
  return (
    <p className="wall-label font-semibold" data-testid="wall-long-counts">
      {counts.veryLong > 0 && <span className="text-(--wall-red)">{t("veryLongCount", { count: counts.veryLong })}</span>}
      {counts.veryLong > 0 && counts.long > 0 && <span className="wall-muted"> · </span>}
      {counts.long > 0 && <span className="text-(--wall-amber)">{t("longCount", { count: counts.long })}</span>}
    </p>
  );
}

type WallFiguresProps = { liveCount: number; longCounts: LongCounts; longestSeconds: number | null; figures: Figures | null; options: WallOptions };

export function WallFigures({ liveCount, longCounts, longestSeconds, figures, options }: WallFiguresProps) {
  const t = useTranslations("wall");
  const level = longestSeconds === null ? "normal" : longCallLevel(longestSeconds, options.longMinutes, options.veryLongMinutes);
  const description = level === "normal" ? null : t(`longCall.${level}`, { minutes: level === "long" ? options.longMinutes : options.veryLongMinutes });
  const longestTone = level === "very-long" ? "text-(--wall-red)" : level === "long" ? "text-(--wall-amber)" : "";
  const errors = figures?.errorsLastHour ?? null;
  return (
    <section aria-label={t("figures.label")} className="grid grid-cols-4 gap-(--wall-gap)">
      <Figure label={t("figures.live")} value={String(liveCount)} tone="text-(--wall-live)" testId="wall-figure-live">
        <LongCallCounts counts={longCounts} />
      </Figure>
      <Figure label={t("figures.callsLastHour")} value={figures ? String(figures.callsLastHour) : "–"} testId="wall-figure-calls">
        {figures && <MinuteBars perMinute={figures.perMinute} />}
      </Figure>
      <Figure label={t("figures.errorsLastHour")} value={errors === null ? "–" : String(errors)} tone={errors ? "text-(--wall-red)" : ""} testId="wall-figure-errors" />
      <Figure label={t("figures.longest")} value={longestSeconds === null ? "–" : formatDuration(longestSeconds)} tone={longestTone} testId="wall-figure-longest">
        {description && <p className={`wall-label min-w-0 truncate font-semibold ${longestTone}`} title={description}>{description}</p>}
      </Figure>
    </section>
  );
}
