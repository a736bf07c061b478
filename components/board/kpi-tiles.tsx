"use client";
// The figures an operator reads from across the room: active now, today's calls and errors, error rate, duration.
import { useFormatter, useTranslations } from "next-intl";
import { memo } from "react";
import { errorRate, type BoardStats } from "@/lib/shared/calls/board-stats";
import { formatDuration } from "@/lib/shared/calls/format";

/** `hint`: what a figure is taken over, where the label alone leaves it open. */
type Tile = { id: string; label: string; value: string; hint?: string; tone?: "live" | "danger" };

function Kpi({ id, label, value, hint, tone }: Tile) {
  // On a phone the In progress list, right below, says how many are active: its tile would only push the list down.
  const display = id === "active" ? "hidden sm:grid" : "grid";
  const color = tone === "live" ? "text-emerald-700 dark:text-emerald-400" : tone === "danger" ? "text-red-700 dark:text-red-400" : "";
  return (
    // Label, figure and hint on the rows of the whole row of tiles (a subgrid), so the figures line up when one label
    // takes two lines (Dutch "Gesprekken vandaag" on a phone).
    <div className={`${display} row-span-3 grid-rows-subgrid gap-y-0 rounded-2xl border border-zinc-200 bg-white px-3 py-2 shadow-sm sm:px-4 sm:py-3 dark:border-zinc-800 dark:bg-zinc-900`}>
      <dt className="self-start text-xs font-medium tracking-wide text-zinc-500 uppercase dark:text-zinc-400">{label}</dt>
      <dd className={`mt-0.5 self-end text-2xl font-semibold tracking-tight tabular-nums sm:mt-1 sm:text-4xl ${color}`} data-testid={`kpi-${id}`}>
        {value}
      </dd>
      {hint && (
        <dd className="mt-0.5 self-start text-xs text-zinc-500 dark:text-zinc-400" data-testid={`kpi-${id}-hint`}>
          {hint}
        </dd>
      )}
    </div>
  );
}

/** `isLiveHidden`: the status filter leaves live calls out, so there is no active count to give. */
type KpiTilesProps = { activeNow: number; stats: BoardStats | null; isFiltered: boolean; isLiveHidden: boolean };

/** Every figure follows the filters, like the lists, and says so while any is set. */
export const KpiTiles = memo(function KpiTiles({ activeNow, stats, isFiltered, isLiveHidden }: KpiTilesProps) {
  const t = useTranslations("board.kpi");
  const format = useFormatter();
  const rate = stats ? errorRate(stats) : null;
  const dayHint = isFiltered ? t("matching") : undefined;
  const filtered = isFiltered ? "yes" : "no";
  const tiles: Tile[] = [
    isLiveHidden
      ? { id: "active", label: t("active"), value: "—", hint: t("hiddenByStatus") }
      : { id: "active", label: t("active"), value: format.number(activeNow), tone: "live", hint: dayHint },
    { id: "calls-today", label: t("callsToday"), value: stats ? format.number(stats.callsToday) : "—", hint: dayHint },
    {
      id: "errors-today",
      label: t("errorsToday"),
      value: stats ? format.number(stats.errorsToday) : "—",
      tone: stats && stats.errorsToday > 0 ? "danger" : undefined,
      hint: dayHint,
    },
    {
      id: "error-rate",
      label: t("errorRate"),
      // One decimal below 10 % (2.5 %), whole percents above; in the reader's language (Dutch: 2,5%).
      value: rate === null ? "—" : format.number(rate, { style: "percent", minimumFractionDigits: rate < 0.1 ? 1 : 0, maximumFractionDigits: rate < 0.1 ? 1 : 0 }),
      hint: stats ? t("rateOf", { count: stats.endedToday, filtered }) : undefined,
    },
    {
      id: "avg-duration",
      label: t("avgDuration"),
      value: stats?.averageDurationSeconds == null ? "—" : formatDuration(stats.averageDurationSeconds),
      hint: stats ? t("durationOf", { filtered }) : undefined,
    },
  ];
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-5" data-testid="kpis">
      {tiles.map((tile) => (
        <Kpi key={tile.id} {...tile} />
      ))}
    </dl>
  );
});
