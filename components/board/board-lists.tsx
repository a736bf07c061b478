"use client";
// The board's lists: calls in progress and recently ended on the left, the last hour's activity and recent errors
// on the right.
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

function emptyText(filter: CallFilter, list: "live" | "ended" | "error", fallback: string, noun: string): string {
  if (!statusFilterIncludes(filter.status, list)) return `${noun} are hidden by the status filter.`;
  return isFilterActive(filter) ? `No ${noun.toLowerCase()} match these filters.` : fallback;
}

/**
 * How many calls a list holds. The board lists only the latest ENDED_SHOWN ended calls and errors, so a full list
 * says it is the latest ones rather than reading as a total (today's totals are in the KPI tiles).
 */
function ListCount({ count, what, testId, className }: { count: number; what: string; testId: string; className: string }) {
  if (count < ENDED_SHOWN) return <span data-testid={testId} className={`tabular-nums ${className}`}>{count}</span>;
  return (
    <span data-testid={testId} title={`The board lists the latest ${count} ${what}; the tiles above count all of today's.`} className="text-sm text-zinc-500 tabular-nums dark:text-zinc-400">
      latest {count}
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
  const isFiltered = isFilterActive(filter);
  return (
    // Below desktop width the two columns dissolve (`contents`) into one column ordered for a phone: the calls in
    // progress, then what went wrong, then what ended well, then the chart.
    <main className="flex flex-col gap-5 lg:grid lg:grid-cols-3 lg:items-start" aria-busy={isLoading} data-testid="board-lists" data-syncing={isLoading}>
      <div className="contents lg:col-span-2 lg:flex lg:min-w-0 lg:flex-col lg:gap-5">
        <Panel
          id="live"
          className="order-1 lg:order-none"
          title="In progress"
          aside={
            <span className="flex items-center gap-3">
              {statusFilterIncludes(filter.status, "live") && live.length > 0 && <LiveDensityToggle serverValue={preferences.liveDensity} />}
              <span data-testid="live-count" className="text-3xl font-semibold text-emerald-700 tabular-nums dark:text-emerald-400">
                {live.length}
              </span>
            </span>
          }
        >
          <LiveCallsTable calls={live} now={now} preferences={preferences} emptyText={emptyText(filter, "live", "No calls in progress right now.", "Calls in progress")} />
        </Panel>
        <Panel id="ended" title="Recently ended" className="order-3 lg:order-none" aside={<ListCount count={ended.length} what="ended calls" testId="ended-count" className="text-sm text-zinc-500 dark:text-zinc-400" />}>
          <RecentlyEnded calls={ended} today={today} emptyText={emptyText(filter, "ended", "No calls have ended yet.", "Ended calls")} />
        </Panel>
      </div>
      <div className="contents lg:flex lg:min-w-0 lg:flex-col lg:gap-5">
        <Panel id="activity" title="Activity" className="order-4 lg:order-none">
          <div className="px-5 py-4">
            <CallsChart perMinute={stats?.perMinute ?? null} isFiltered={isFiltered} />
          </div>
        </Panel>
        <Panel
          id="errors"
          title="Recent errors"
          className="order-2 lg:order-none"
          aside={
            <span className="flex items-center gap-3">
              <NewErrorsBadge count={newErrors.count} onSeen={newErrors.onSeen} />
              <ListCount count={errors.length} what="errors" testId="error-count" className="text-3xl font-semibold text-red-700 dark:text-red-400" />
            </span>
          }
        >
          <ErrorGroups groups={stats?.errorGroups ?? null} isFiltered={isFiltered} selected={filter.error} onSelect={onErrorGroup} />
          <RecentErrors calls={errors} today={today} emptyText={emptyText(filter, "error", "No errors. All calls ended cleanly.", "Errors")} />
        </Panel>
      </div>
    </main>
  );
}
