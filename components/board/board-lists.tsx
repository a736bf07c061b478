"use client";
// The board's lists: calls in progress and recently ended on the left, the last hour's activity and recent errors
// on the right.
import { useFormatter, useTranslations } from "next-intl";
import { Panel } from "@/components/ui/panel";
import { isFilterActive, statusFilterIncludes, type CallFilter } from "@/lib/shared/calls/call-filter";
import { ENDED_SHOWN } from "@/lib/shared/calls/call-store";
import type { CallView } from "@/lib/shared/calls/call-view";
import type { BoardStats } from "@/lib/shared/calls/board-stats";
import type { BoardPreferences } from "./board-preferences";
import { CallsChart } from "./calls-chart";
import { LiveCallsTable, LiveDensityToggle } from "./live-calls-table";
import { NewErrorsBadge } from "./new-errors-badge";
import { ErrorGroups, RecentErrors } from "./recent-errors";
import { RecentlyEnded } from "./recently-ended";

type ListName = "live" | "ended" | "error";

/** Why a list is empty: the status filter hides it, the other filters match nothing, or there is nothing yet. */
function emptyReason(filter: CallFilter, list: ListName): "hidden" | "noMatch" | "none" {
  if (!statusFilterIncludes(filter.status, list)) return "hidden";
  return isFilterActive(filter) ? "noMatch" : "none";
}

/**
 * How many calls a list holds. The board lists only the latest ENDED_SHOWN ended calls and errors, so a full list
 * says it is the latest ones rather than reading as a total (today's totals are in the KPI tiles).
 */
function ListCount({ count, list, testId, className }: { count: number; list: "ended" | "error"; testId: string; className: string }) {
  const t = useTranslations("board.lists");
  const format = useFormatter();
  const shown = format.number(count);
  if (count < ENDED_SHOWN) return <span data-testid={testId} className={`tabular-nums ${className}`}>{shown}</span>;
  return (
    <span data-testid={testId} title={t(list === "ended" ? "latestEnded" : "latestErrors", { count: shown })} className="text-sm text-zinc-500 tabular-nums dark:text-zinc-400">
      {t("latest", { count: shown })}
    </span>
  );
}

type BoardListsProps = {
  filter: CallFilter;
  calls: { live: CallView[]; errors: CallView[]; ended: CallView[] };
  stats: BoardStats | null;
  now: number;
  /** The calendar day in the reader's zone (2026-11-27). */
  today: string;
  preferences: BoardPreferences;
  newErrors: { count: number; onSeen: () => void };
  isLoading: boolean;
  /** Narrows the board to one error text ("" for every error). */
  onErrorGroup: (error: string) => void;
};

export function BoardLists({ filter, calls: { live, errors, ended }, stats, now, today, preferences, newErrors, isLoading, onErrorGroup }: BoardListsProps) {
  const t = useTranslations("board");
  const format = useFormatter();
  const isFiltered = isFilterActive(filter);
  const emptyText = (list: ListName) => t(`empty.${list}.${emptyReason(filter, list)}`);
  return (
    // Below desktop width the two columns dissolve (`contents`) into one column ordered for a phone: the calls in
    // progress, then what went wrong, then what ended well, then the chart.
    <main className="flex flex-col gap-5 lg:grid lg:grid-cols-3 lg:items-start" aria-busy={isLoading} data-testid="board-lists" data-syncing={isLoading}>
      <div className="contents lg:col-span-2 lg:flex lg:min-w-0 lg:flex-col lg:gap-5">
        <Panel
          id="live"
          className="order-1 lg:order-none"
          title={t("lists.live")}
          aside={
            <span className="flex items-center gap-3">
              {statusFilterIncludes(filter.status, "live") && live.length > 0 && <LiveDensityToggle serverValue={preferences.liveDensity} />}
              <span data-testid="live-count" className="text-3xl font-semibold text-emerald-700 tabular-nums dark:text-emerald-400">
                {format.number(live.length)}
              </span>
            </span>
          }
        >
          <LiveCallsTable calls={live} now={now} preferences={preferences} emptyText={emptyText("live")} />
        </Panel>
        <Panel id="ended" title={t("lists.ended")} className="order-3 lg:order-none" aside={<ListCount count={ended.length} list="ended" testId="ended-count" className="text-sm text-zinc-500 dark:text-zinc-400" />}>
          <RecentlyEnded calls={ended} today={today} emptyText={emptyText("ended")} />
        </Panel>
      </div>
      <div className="contents lg:flex lg:min-w-0 lg:flex-col lg:gap-5">
        <Panel id="activity" title={t("lists.activity")} className="order-4 lg:order-none">
          <div className="px-5 py-4">
            <CallsChart perMinute={stats?.perMinute ?? null} isFiltered={isFiltered} />
          </div>
        </Panel>
        <Panel
          id="errors"
          title={t("lists.errors")}
          className="order-2 lg:order-none"
          aside={
            <span className="flex items-center gap-3">
              <NewErrorsBadge count={newErrors.count} onSeen={newErrors.onSeen} />
              <ListCount count={errors.length} list="error" testId="error-count" className="text-3xl font-semibold text-red-700 dark:text-red-400" />
            </span>
          }
        >
          <ErrorGroups groups={stats?.errorGroups ?? null} isFiltered={isFiltered} selected={filter.error} onSelect={onErrorGroup} />
          <RecentErrors calls={errors} today={today} emptyText={emptyText("error")} />
        </Panel>
      </div>
    </main>
  );
}
