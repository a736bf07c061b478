"use client";
// The live board: KPIs and the last hour, calls in progress with running timers, recent errors and recently
// ended calls, all narrowed by the filters in the URL.
import type { CountryCode } from "libphonenumber-js/min";
import { useCallback, useEffect, useMemo, useState } from "react";
import { compileCallFilter, isFilterActive, matchesCallFilter, statusFilterIncludes, type CallFilter } from "@/lib/shared/calls/call-filter";
import { ENDED_SHOWN } from "@/lib/shared/calls/call-store";
import type { BoardSnapshot, CallView } from "@/lib/shared/calls/call-view";
import { AlertsToggle } from "./alerts-toggle";
import { CallsChart } from "./calls-chart";
import type { Role } from "@/lib/shared/auth/roles";
import { ConnectionIndicator } from "./connection-indicator";
import { FilterBar } from "./filter-bar";
import { KpiTiles } from "./kpi-tiles";
import { LineNamesProvider } from "./line-names";
import type { BoardPreferences } from "./board-preferences";
import { LiveCallsTable, LiveDensityToggle } from "./live-calls-table";
import { NewErrorsBadge } from "./new-errors-badge";
import { Panel } from "@/components/ui/panel";
import { ErrorGroups, RecentErrors } from "./recent-errors";
import { RecentlyEnded } from "./recently-ended";
import { StaleBanner } from "./stale-banner";
import { ThemeToggle } from "@/components/header/theme-toggle";
import { useBoardStats } from "./use-board-stats";
import { useCallFilter } from "./use-call-filter";
import { useErrorAlerts } from "./use-error-alerts";
import { useLiveBoard } from "./use-live-board";
import { useNow } from "@/components/ui/use-now";
import { UserMenu } from "@/components/header/user-menu";

type BoardProps = {
  initialSnapshot: BoardSnapshot;
  defaultCountry: string;
  isAcceptingUnsigned: boolean;
  user: { email: string; role: Role };
  /** The live list's order and density as the request's cookies had them, so the first render matches. */
  preferences: BoardPreferences;
};

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

export function Board({ initialSnapshot, defaultCountry, isAcceptingUnsigned, user, preferences }: BoardProps) {
  const [filter, setFilter] = useCallFilter();
  const compiled = useMemo(() => compileCallFilter(filter, defaultCountry as CountryCode), [filter, defaultCountry]);
  const isFiltered = isFilterActive(filter);
  const alerts = useErrorAlerts();
  const [newErrors, setNewErrors] = useState(0);
  // The count is of errors that came into the list on screen: another filter makes another list, counted afresh.
  const [countedFor, setCountedFor] = useState(compiled);
  if (countedFor !== compiled) {
    setCountedFor(compiled);
    setNewErrors(0);
  }
  const { alert } = alerts;
  const onNewError = useCallback(
    (call: CallView) => {
      // The badge sits on the error list, so it counts what the filter lets into it; the alert is for every error.
      if (statusFilterIncludes(compiled.filter.status, "error") && matchesCallFilter(call, compiled, Date.now())) setNewErrors((count) => count + 1);
      alert(call);
    },
    [alert, compiled],
  );
  const { live, errors, ended, lines, connection, lastEventAt, lastKnownEventAt, isLoading } = useLiveBoard(initialSnapshot, compiled, { onNewError });
  const stats = useBoardStats(lastEventAt);
  const now = useNow();
  // The start of the local day: changes at midnight only, so the memoized lists do not re-render every second.
  const today = new Date(now).setHours(0, 0, 0, 0);

  // When the live connection dropped: the board shows what it last knew, dimmed, and says since when.
  const isStale = connection === "reconnecting" || connection === "offline";
  const [staleSince, setStaleSince] = useState<number | null>(null);
  if (isStale && staleSince === null) setStaleSince(now);
  if (!isStale && staleSince !== null) setStaleSince(null);

  // The tab shows the live count. Next.js streams the page's metadata <title> in after hydration, so keep
  // re-applying ours whenever something else rewrites it.
  const title = `${live.length > 0 ? `(${live.length}) ` : ""}Callboard${isStale ? " · not live" : ""}`;
  useEffect(() => {
    const apply = () => {
      if (document.title !== title) document.title = title;
    };
    apply();
    const observer = new MutationObserver(apply);
    observer.observe(document.head, { subtree: true, childList: true, characterData: true });
    return () => observer.disconnect();
  }, [title]);

  return (
    <div className="mx-auto flex max-w-[1600px] flex-col gap-5 px-4 py-5 sm:px-6 lg:px-8">
      <header className="flex flex-wrap items-center gap-x-5 gap-y-3">
        <div className="flex items-center gap-3">
          <span aria-hidden className="grid size-9 place-items-center rounded-lg bg-zinc-900 text-lg font-bold text-white dark:bg-white dark:text-zinc-900">
            C
          </span>
          <h1 className="text-xl font-semibold tracking-tight">Callboard</h1>
        </div>
        {/* On a phone: the mark and the buttons on one row, the connection under them. */}
        <div className="order-last w-full sm:order-none sm:w-auto">
          <ConnectionIndicator state={connection} lastEventAt={lastKnownEventAt} now={now} />
        </div>
        <div className="ml-auto flex items-center justify-end gap-2">
          <AlertsToggle alerts={alerts} />
          <ThemeToggle />
          <UserMenu email={user.email} role={user.role} />
        </div>
      </header>

      <StaleBanner state={connection} since={staleSince} />

      {isAcceptingUnsigned && user.role === "admin" && (
        <p role="note" className="rounded-lg border border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-900 dark:border-amber-700/60 dark:bg-amber-950/40 dark:text-amber-200">
          Unsigned webhooks are accepted here (development, or <code className="font-mono">ALLOW_UNSIGNED_WEBHOOKS</code>).
          Production requires signatures: register your assistants from <a href="/webhooks" className="font-medium underline">Webhooks</a>.
        </p>
      )}

      <FilterBar filter={filter} lines={lines} onChange={setFilter} />

      <div className={`flex flex-col gap-5 transition-opacity ${isStale ? "opacity-60" : ""}`} data-stale={isStale}>
        <KpiTiles activeNow={live.length} stats={stats} isFiltered={isFiltered} isLiveHidden={!statusFilterIncludes(filter.status, "live")} />

        <LineNamesProvider lines={lines}>
          <main className="grid items-start gap-5 lg:grid-cols-3" aria-busy={isLoading} data-testid="board-lists" data-syncing={isLoading}>
            <div className="flex min-w-0 flex-col gap-5 lg:col-span-2">
              <Panel
                id="live"
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
              <Panel id="ended" title="Recently ended" aside={<ListCount count={ended.length} what="ended calls" testId="ended-count" className="text-sm text-zinc-500 dark:text-zinc-400" />}>
                <RecentlyEnded calls={ended} today={today} emptyText={emptyText(filter, "ended", "No calls have ended yet.", "Ended calls")} />
              </Panel>
            </div>
            <div className="flex min-w-0 flex-col gap-5">
              <Panel id="activity" title="Activity">
                <div className="px-5 py-4">
                  <CallsChart perMinute={stats?.perMinute ?? null} isFiltered={isFiltered} />
                </div>
              </Panel>
              <Panel
                id="errors"
                title="Recent errors"
                aside={
                  <span className="flex items-center gap-3">
                    <NewErrorsBadge count={newErrors} onSeen={() => setNewErrors(0)} />
                    <ListCount count={errors.length} what="errors" testId="error-count" className="text-3xl font-semibold text-red-700 dark:text-red-400" />
                  </span>
                }
              >
                <ErrorGroups groups={stats?.errorGroups ?? null} isFiltered={isFiltered} />
                <RecentErrors calls={errors} today={today} emptyText={emptyText(filter, "error", "No errors. All calls ended cleanly.", "Errors")} />
              </Panel>
            </div>
          </main>
        </LineNamesProvider>
      </div>
    </div>
  );
}
