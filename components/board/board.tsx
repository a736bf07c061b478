"use client";
// The live board: KPIs and the last hour, calls in progress with running timers, recent errors and recently
// ended calls, all narrowed by the filters in the URL.
import type { CountryCode } from "libphonenumber-js/min";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useMemo, useState } from "react";
import { callFilterKey, compileCallFilter, isFilterActive, matchesCallFilter, statusFilterIncludes, type CompiledCallFilter } from "@/lib/shared/calls/call-filter";
import type { BoardSnapshot, CallView } from "@/lib/shared/calls/call-view";
import type { Role } from "@/lib/shared/auth/roles";
import { useNow } from "@/components/ui/use-now";
import { useTimeZone } from "@/components/ui/time-zone";
import { calendarDay } from "@/lib/shared/time/format-time";
import { BoardHeader, UnsignedWebhooksNote } from "./board-header";
import { BoardLists } from "./board-lists";
import type { BoardPreferences } from "./board-preferences";
import { FilterBar } from "./filter-bar";
import { KpiTiles } from "./kpi-tiles";
import { LineNamesProvider } from "./line-names";
import { DriftNotice } from "./drift-notice";
import { LongCallMinutesProvider } from "./call-timer";
import { StaleBanner } from "./stale-banner";
import type { ConnectionState } from "./use-board-socket";
import { useBoardStats } from "./use-board-stats";
import { useCallFilter, useNotUnderstoodFilters } from "./use-call-filter";
import { useErrorAlerts } from "./use-error-alerts";
import { useLiveBoard } from "./use-live-board";
import { useLatestCommands } from "@/components/control/call-control-context";
import { CallControlHost } from "@/components/control/call-control-host";
import type { CallCommandView, CallControlSetup } from "@/lib/shared/control/call-command";

type BoardProps = {
  initialSnapshot: BoardSnapshot;
  defaultCountry: string;
  /** Live calls past this many minutes are marked long (LONG_CALL_MINUTES). */
  longCallMinutes: number;
  isAcceptingUnsigned: boolean;
  user: { email: string; name?: string; role: Role };
  /** The live list's order and density as the request's cookies had them, so the first render matches. */
  preferences: BoardPreferences;
  /** The call controls' set-up (null for a viewer) and the latest command of each live call. */
  control: { setup: CallControlSetup | null; commands: CallCommandView[] };
};

export function Board({ initialSnapshot, defaultCountry, longCallMinutes, isAcceptingUnsigned, user, preferences, control }: BoardProps) {
  const t = useTranslations("board");
  const [filter, setFilter] = useCallFilter();
  const compiled = useMemo(() => compileCallFilter(filter, defaultCountry as CountryCode), [filter, defaultCountry]);
  const alerts = useErrorAlerts();
  const newErrors = useNewErrorCount(compiled, alerts.alert);
  const commands = useLatestCommands(control.commands);
  const { live, errors, ended, lines, connection, lastEventAt, lastKnownEventAt, isLoading, resync } = useLiveBoard(initialSnapshot, compiled, {
    onNewError: newErrors.onNewError,
    onCommands: commands.onCommands,
  });
  const callControl = useMemo(() => ({ setup: control.setup, latestCommand: commands.latestCommand, onCallGone: () => void resync() }), [control.setup, commands.latestCommand, resync]);
  const stats = useBoardStats(lastEventAt, callFilterKey(filter));
  const now = useNow();
  // The reader's calendar day: changes at midnight only, so the memoized lists do not re-render every second.
  const today = calendarDay(now, useTimeZone());
  const { isStale, staleSince } = useStaleSince(connection, now);
  useTabTitle(`${live.length > 0 ? `(${live.length}) ` : ""}Callboard${isStale ? ` · ${t("notLive")}` : ""}`);

  return (
    <div className="mx-auto flex max-w-[1600px] flex-col gap-5 px-4 py-5 sm:px-6 lg:px-8">
      <SkipLinks />
      <BoardHeader connection={connection} lastKnownEventAt={lastKnownEventAt} now={now} alerts={alerts} user={user} />
      <StaleBanner state={connection} since={staleSince} />
      <DriftNotice drift={stats?.flireoDrift} />
      {isAcceptingUnsigned && user.role === "admin" && <UnsignedWebhooksNote />}
      <FilterBar filter={filter} lines={lines} onChange={setFilter} notUnderstood={useNotUnderstoodFilters()} />
      <div className={`flex flex-col gap-5 transition-opacity ${isStale ? "opacity-60" : ""}`} data-stale={isStale}>
        <KpiTiles activeNow={live.length} stats={stats} isFiltered={isFilterActive(filter)} isLiveHidden={!statusFilterIncludes(filter.status, "live")} />
        <LineNamesProvider lines={lines}>
          <CallControlHost value={callControl}>
          <LongCallMinutesProvider minutes={longCallMinutes}>
            <BoardLists
              filter={filter}
              calls={{ live, errors, ended }}
              stats={stats}
              now={now}
              today={today}
              preferences={preferences}
              newErrors={{ count: newErrors.count, onSeen: newErrors.reset }}
              isLoading={isLoading}
              onErrorGroup={(error) => setFilter({ error })}
            />
          </LongCallMinutesProvider>
          </CallControlHost>
        </LineNamesProvider>
      </div>
    </div>
  );
}

/** `label`: the link's message in board.skip. */
const SKIP_LINKS = [
  { href: "#live", label: "live" },
  { href: "#ended", label: "ended" },
  { href: "#errors", label: "errors" },
] as const;

/** The first tab stops: straight to each list, past the header, the filters and the live list's calls. */
function SkipLinks() {
  const t = useTranslations("board.skip");
  return (
    <nav aria-label={t("label")} className="absolute top-2 left-4 z-50 flex flex-wrap gap-2" data-testid="skip-links">
      {SKIP_LINKS.map((link) => (
        <a
          key={link.href}
          href={link.href}
          onClick={(event) => {
            // Focus the list itself (not only scroll to it), so the next Tab goes on inside it; and keep the URL as it is.
            const target = document.getElementById(link.href.slice(1));
            if (!target) return;
            event.preventDefault();
            target.focus({ preventScroll: true });
            target.scrollIntoView({ block: "start" });
          }}
          className="sr-only rounded-lg bg-sky-700 px-3 py-1.5 text-sm font-medium text-white focus:not-sr-only focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-300">
          {t(link.label)}
        </a>
      ))}
    </nav>
  );
}

/** The count of new errors for the badge on the error list, and the alert for every new error. */
function useNewErrorCount(compiled: CompiledCallFilter, alert: (call: CallView) => void) {
  const [count, setCount] = useState(0);
  // The count is of errors that came into the list on screen: another filter makes another list, counted afresh.
  const [countedFor, setCountedFor] = useState(compiled);
  if (countedFor !== compiled) {
    setCountedFor(compiled);
    setCount(0);
  }
  const onNewError = useCallback(
    (call: CallView) => {
      // The badge sits on the error list, so it counts what the filter lets into it; the alert is for every error.
      if (statusFilterIncludes(compiled.filter.status, "error") && matchesCallFilter(call, compiled, Date.now())) setCount((current) => current + 1);
      alert(call);
    },
    [alert, compiled],
  );
  const reset = useCallback(() => setCount(0), []);
  return { count, onNewError, reset };
}

/** When the live connection dropped: the board shows what it last knew, dimmed, and says since when. */
function useStaleSince(connection: ConnectionState, now: number) {
  const isStale = connection === "reconnecting" || connection === "offline";
  const [staleSince, setStaleSince] = useState<number | null>(null);
  if (isStale && staleSince === null) setStaleSince(now);
  if (!isStale && staleSince !== null) setStaleSince(null);
  return { isStale, staleSince };
}

/**
 * The tab shows the live count. Next.js streams the page's metadata <title> in after hydration, so keep
 * re-applying ours whenever something else rewrites it.
 */
function useTabTitle(title: string): void {
  useEffect(() => {
    const apply = () => {
      if (document.title !== title) document.title = title;
    };
    apply();
    const observer = new MutationObserver(apply);
    observer.observe(document.head, { subtree: true, childList: true, characterData: true });
    return () => observer.disconnect();
  }, [title]);
}
