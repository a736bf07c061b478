"use client";
// Calls and errors per minute over the last hour. Hand-written SVG on purpose: it is 60 pairs of bars with no
// axes to negotiate or interactions, which a chart library (tens of kB in every board load) would not improve.
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { memo } from "react";
import type { MinuteCount } from "@/lib/shared/calls/board-stats";
import { formatHourMinute } from "@/lib/shared/time/format-time";
import { useTimeZone } from "@/components/ui/time-zone";

const BAR = 10;
const HEIGHT = 120;

function niceMax(value: number): number {
  if (value <= 4) return 4;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  return [1, 2, 2.5, 5, 10].map((step) => step * magnitude).find((candidate) => candidate >= value) ?? value;
}

/** `isFiltered`: the board has a filter on, which the chart follows; the caption says so. */
export const CallsChart = memo(function CallsChart({ perMinute, isFiltered = false }: { perMinute: MinuteCount[] | null; isFiltered?: boolean }) {
  const t = useTranslations("board.chart");
  const format = useFormatter();
  const locale = useLocale();
  const timeZone = useTimeZone();
  const minutes = perMinute ?? [];
  const totalCalls = minutes.reduce((sum, minute) => sum + minute.calls, 0);
  const totalErrors = minutes.reduce((sum, minute) => sum + minute.errors, 0);
  const max = niceMax(Math.max(0, ...minutes.map((minute) => minute.calls)));
  const scale = (count: number) => (count / max) * HEIGHT;

  return (
    <figure className="flex flex-col gap-2" data-testid="calls-chart" data-calls={totalCalls} data-errors={totalErrors}>
      <figcaption className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 text-sm">
        <span className="font-semibold" data-testid="calls-chart-title">
          {t("title")}
          {isFiltered && <span className="font-normal text-zinc-500 dark:text-zinc-400"> · {t("matching")}</span>}
        </span>
        <span className="flex gap-4 text-zinc-600 dark:text-zinc-300">
          <span className="inline-flex items-center gap-1.5"><span aria-hidden className="size-2.5 rounded-sm bg-sky-600 dark:bg-sky-400" />{t("calls")} <b className="tabular-nums">{format.number(totalCalls)}</b></span>
          <span className="inline-flex items-center gap-1.5"><span aria-hidden className="size-2.5 rounded-sm bg-red-600 dark:bg-red-400" />{t("errors")} <b className="tabular-nums">{format.number(totalErrors)}</b></span>
        </span>
      </figcaption>
      <div className="flex gap-2">
        <div aria-hidden className="flex h-[120px] flex-col justify-between text-right text-[11px] leading-none text-zinc-500 tabular-nums dark:text-zinc-400">
          <span>{format.number(max)}</span>
          <span>{format.number(max / 2)}</span>
          <span>0</span>
        </div>
        <svg
          role="img"
          aria-label={t("label", { calls: totalCalls, errors: totalErrors })}
          viewBox={`0 0 ${60 * BAR} ${HEIGHT}`}
          preserveAspectRatio="none"
          className="h-[120px] w-full min-w-0 flex-1"
        >
          <line x1="0" x2={60 * BAR} y1={HEIGHT / 2} y2={HEIGHT / 2} className="stroke-zinc-200 dark:stroke-zinc-800" strokeDasharray="4 4" vectorEffect="non-scaling-stroke" />
          <line x1="0" x2={60 * BAR} y1={HEIGHT - 0.5} y2={HEIGHT - 0.5} className="stroke-zinc-300 dark:stroke-zinc-700" vectorEffect="non-scaling-stroke" />
          {minutes.map((minute, index) => (
            <g key={minute.minute}>
              <title>{t("minute", { time: formatHourMinute(minute.minute, timeZone, locale), calls: minute.calls, errors: minute.errors })}</title>
              <rect x={index * BAR + 1} width={BAR - 2} y={HEIGHT - scale(minute.calls)} height={scale(minute.calls)} rx="1.5" className="fill-sky-600 dark:fill-sky-400" />
              {minute.errors > 0 && (
                <rect x={index * BAR + 1} width={BAR - 2} y={HEIGHT - scale(minute.errors)} height={scale(minute.errors)} rx="1.5" className="fill-red-600 dark:fill-red-400" />
              )}
            </g>
          ))}
        </svg>
      </div>
      <div aria-hidden className="flex justify-between pl-6 text-[11px] text-zinc-500 dark:text-zinc-400">
        <span>{t("hourAgo")}</span>
        <span>{t("halfHour")}</span>
        <span>{t("now")}</span>
      </div>
    </figure>
  );
});
