"use client";
// Calls in progress, each with a running timer: newest first, or longest first (the Started and Duration headings
// switch), in comfortable or compact rows; the browser remembers both choices, so a wall screen keeps them. The list
// takes up to 60% of the window's height, so a taller screen shows more calls. Virtualized: only the rows in view
// are in the DOM, so 5,000 live calls cost what 20 do.
import { useVirtualizer } from "@tanstack/react-virtual";
import { useLocale, useTranslations } from "next-intl";
import { useLayoutEffect, useMemo, useRef, type ReactNode, type RefObject } from "react";
import type { CallView } from "@/lib/shared/calls/call-view";
import { callStartedAt } from "@/lib/shared/calls/call-view";
import { formatPhoneNumber } from "@/lib/shared/calls/format";
import { formatClock } from "@/lib/shared/time/format-time";
import { useTimeZone } from "@/components/ui/time-zone";
import { useCallWords } from "@/components/ui/call-words";
import { useLineLabel } from "./line-names";
import { CallTimer } from "./call-timer";
import { EmptyState } from "@/components/ui/panel";
import { LIVE_DENSITY, LIVE_ORDER, type BoardPreferences, type LiveDensity, type LiveOrder } from "./board-preferences";
import { createStoredChoice } from "./stored-choice";
import { CallLink } from "@/components/call/call-link";
import { CallActionsMenu } from "@/components/control/call-actions-menu";
import { CommandBadge } from "@/components/control/command-badge";
import { useLiveGridKeys } from "./use-live-grid-keys";

// On a phone two columns, the customer's number and the duration, the line under the number: three columns left
// the number cut at 320 px and the headings run together at 280.
const GRID = "grid grid-cols-[minmax(0,1fr)_auto] items-center gap-2 px-3 sm:grid-cols-[minmax(0,1.2fr)_minmax(0,1fr)_7rem_6rem_6.5rem] sm:gap-3 sm:px-5";

type LiveCallsTableProps = { calls: CallView[]; now: number; emptyText: string; preferences: BoardPreferences };

const liveOrder = createStoredChoice(LIVE_ORDER);
const liveDensity = createStoredChoice(LIVE_DENSITY);
const ROW_HEIGHTS: Record<LiveDensity, number> = { comfortable: 64, compact: 40 };

/** Switches the live list between comfortable and compact rows; sits in the list's title bar, from tablet width up. */
export function LiveDensityToggle({ serverValue }: { serverValue: LiveDensity }) {
  const t = useTranslations("board.live");
  const density = liveDensity.useChoice(serverValue);
  const isCompact = density === "compact";
  return (
    <button
      type="button"
      aria-pressed={isCompact}
      onClick={() => liveDensity.choose(isCompact ? "comfortable" : "compact")}
      title={t(isCompact ? "compactOn" : "compactOff")}
      data-testid="live-density"
      className={`hidden items-center gap-1.5 rounded-lg border px-2.5 py-1 text-xs font-medium sm:inline-flex ${
        isCompact
          ? "border-zinc-900 bg-zinc-900 text-white dark:border-zinc-100 dark:bg-zinc-100 dark:text-zinc-900"
          : "border-zinc-200 text-zinc-600 hover:bg-zinc-100 dark:border-zinc-700 dark:text-zinc-300 dark:hover:bg-zinc-800"
      }`}
    >
      <svg aria-hidden viewBox="0 0 16 16" className="size-3.5" fill="currentColor">
        <path d="M2 3h12v1.5H2zM2 7.25h12v1.5H2zM2 11.5h12V13H2z" />
      </svg>
      {t("compact")}
    </button>
  );
}

/** A column heading that sorts the list; pressed again, it gives the other order. */
function SortHeading({ order, sortsBy, otherwise, className, children }: {
  order: LiveOrder;
  sortsBy: LiveOrder;
  otherwise: LiveOrder;
  className: string;
  children: ReactNode;
}) {
  const t = useTranslations("board.live");
  const isActive = order === sortsBy;
  return (
    <span role="columnheader" aria-sort={isActive ? "descending" : "none"} className={className}>
      <button
        type="button"
        onClick={() => liveOrder.choose(isActive ? otherwise : sortsBy)}
        title={t(isActive ? "sorted" : "sort", { order: sortsBy })}
        data-testid={`live-sort-${sortsBy}`}
        className={`inline-flex items-center gap-1 uppercase hover:text-zinc-900 dark:hover:text-zinc-100 ${isActive ? "text-zinc-900 dark:text-zinc-100" : ""}`}
      >
        {children}
        <span aria-hidden className={isActive ? "" : "invisible"}>↓</span>
      </button>
    </span>
  );
}

/**
 * New calls come in at the top (at the bottom when longest first). Scrolled down, an operator is reading particular
 * rows: keep those in place (the browser's own scroll anchoring does not see absolutely positioned rows). At the very
 * top, new calls appear as they come. Returns what the list's scroll handler calls.
 */
function useScrollAnchor(scrollRef: RefObject<HTMLDivElement | null>, calls: CallView[], rowHeight: number): () => void {
  const latestCalls = useRef(calls);
  const anchor = useRef<{ id: string; offset: number; rowHeight: number; scrollTop: number } | null>(null);
  /** Notes which row is at the top of the view, and how far into it, among `latestCalls` laid out `height` apart. */
  const rememberAnchor = (height = rowHeight) => {
    const scroller = scrollRef.current;
    const index = scroller ? Math.floor(scroller.scrollTop / height) : 0;
    const call = latestCalls.current[index];
    anchor.current =
      scroller && scroller.scrollTop > 0 && call
        ? { id: call.id, offset: scroller.scrollTop - index * height, rowHeight: height, scrollTop: scroller.scrollTop }
        : null;
  };
  useLayoutEffect(() => {
    const scroller = scrollRef.current;
    // A scroll whose event the browser has not dispatched yet (it comes with the next frame) counts all the same:
    // an update rendered in between must not put the list back where it was before that scroll.
    if (scroller && scroller.scrollTop !== (anchor.current?.scrollTop ?? 0)) rememberAnchor(anchor.current?.rowHeight);
    latestCalls.current = calls;
    const held = anchor.current;
    if (!scroller || !held) return;
    const index = calls.findIndex((call) => call.id === held.id);
    // The row read last has ended: stay where the list is, and anchor to whatever is there now.
    // Rows of another height (the density changed) keep the same row at the top, as far into it as before.
    if (index >= 0) scroller.scrollTop = index * rowHeight + Math.round((held.offset * rowHeight) / held.rowHeight);
    rememberAnchor();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- rememberAnchor reads refs and rowHeight only.
  }, [calls, rowHeight]);
  return () => rememberAnchor();
}

export function LiveCallsTable({ calls: newestFirst, now, emptyText, preferences }: LiveCallsTableProps) {
  const t = useTranslations("board.live");
  const order = liveOrder.useChoice(preferences.liveOrder);
  const density = liveDensity.useChoice(preferences.liveDensity);
  const rowHeight = ROW_HEIGHTS[density];
  const calls = useMemo(() => (order === "longest" ? [...newestFirst].reverse() : newestFirst), [newestFirst, order]);
  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer returns fresh values each render by design.
  const virtualizer = useVirtualizer({
    count: calls.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 8,
    getItemKey: (index) => calls[index]?.id ?? index,
    initialRect: { width: 800, height: 640 },
  });
  // Rows of a new height: estimateSize is not among what the virtualizer watches, so have it lay the rows out again.
  useLayoutEffect(() => virtualizer.measure(), [virtualizer, rowHeight]);
  const onScroll = useScrollAnchor(scrollRef, calls, rowHeight);
  const grid = useLiveGridKeys(calls, scrollRef, virtualizer);

  if (calls.length === 0) return <EmptyState testId="live-empty">{emptyText}</EmptyState>;

  return (
    <div role="grid" aria-label={t("label")} aria-describedby="live-keys-hint" aria-rowcount={calls.length + 1} data-testid="live-calls" data-order={order} data-density={density} className="flex min-h-0 flex-1 flex-col">
      <div role="rowgroup">
        <div role="row" aria-rowindex={1} className={`${GRID} border-b border-zinc-100 py-2 text-xs font-medium tracking-wide text-zinc-500 uppercase dark:border-zinc-800 dark:text-zinc-400`}>
          <span role="columnheader">{t("customer")}</span>
          <span role="columnheader" className="hidden sm:block">{t("line")}</span>
          <span role="columnheader" className="hidden sm:block">{t("type")}</span>
          <SortHeading order={order} sortsBy="newest" otherwise="longest" className="hidden sm:block">{t("started")}</SortHeading>
          <SortHeading order={order} sortsBy="longest" otherwise="newest" className="text-right">{t("duration")}</SortHeading>
        </div>
      </div>
      <p id="live-keys-hint" className="sr-only">{t("keysHint")}</p>
      <div
        ref={scrollRef}
        onScroll={onScroll}
        {...grid.handlers}
        role="rowgroup"
        className="max-h-[60vh] overflow-y-auto overscroll-contain focus-visible:ring-2 focus-visible:ring-zinc-500/40 focus-visible:outline-none"
        tabIndex={grid.isActiveRendered ? -1 : 0}
        data-testid="live-scroller"
      >
        <div className="relative w-full" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const call = calls[item.index];
            if (!call) return null;
            const isTabStop = grid.isActiveRendered && call.id === grid.activeId;
            return <LiveCallRow key={item.key} call={call} index={item.index} top={item.start} height={rowHeight} isCompact={density === "compact"} isTabStop={isTabStop} now={now} />;
          })}
        </div>
      </div>
    </div>
  );
}

/** One call in progress, placed `top` pixels down the virtualized list. */
function LiveCallRow({ call, index, top, height, isCompact, isTabStop, now }: { call: CallView; index: number; top: number; height: number; isCompact: boolean; isTabStop: boolean; now: number }) {
  const lineLabel = useLineLabel();
  const words = useCallWords();
  const timeZone = useTimeZone();
  const locale = useLocale();
  const startedAt = callStartedAt(call);
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      data-testid="live-call"
      data-call-id={call.id}
      className={`${GRID} absolute inset-x-0 top-0 border-b border-zinc-100 hover:bg-zinc-50 dark:border-zinc-800/70 dark:hover:bg-zinc-800/40`}
      style={{ height, transform: `translateY(${top}px)` }}
    >
      <div role="gridcell" className="min-w-0">
        <CallLink callId={call.id} data-testid="live-customer" data-grid-focus tabIndex={isTabStop ? 0 : -1} className={`block truncate font-semibold tabular-nums after:absolute after:inset-0 hover:underline focus-visible:underline ${isCompact ? "text-sm" : "text-base"}`}>
          {formatPhoneNumber(call.customerNumber)}
        </CallLink>
        {!isCompact && <div className="truncate text-xs text-zinc-500 sm:hidden dark:text-zinc-400" data-testid="live-phone-line">{lineLabel(call)} · {formatClock(startedAt, timeZone, locale)}</div>}
        <CommandBadge callId={call.id} className="relative max-w-full" />
      </div>
      {/* Compact: the line's name and number side by side, the number from tablet width up. */}
      <div role="gridcell" className={`hidden min-w-0 sm:block ${isCompact ? "truncate text-sm" : ""}`} data-testid="live-line">
        <div className={isCompact ? "inline font-medium" : "truncate font-medium"}>{lineLabel(call)}</div>{" "}
        <div className={`text-xs text-zinc-500 tabular-nums dark:text-zinc-400 ${isCompact ? "hidden sm:inline" : "truncate"}`}>{formatPhoneNumber(call.lineNumber)}</div>
      </div>
      <div role="gridcell" className="relative hidden text-sm text-zinc-600 sm:block dark:text-zinc-300" title={words.callTypeHint(call)}>{words.callType(call)}</div>
      <div role="gridcell" className="hidden text-sm text-zinc-600 tabular-nums sm:block dark:text-zinc-300" data-testid="live-started">{formatClock(startedAt, timeZone, locale)}</div>
      <div role="gridcell" className="flex items-center justify-end gap-1">
        <CallTimer startedAt={startedAt} now={now} isCompact={isCompact} />
        <CallActionsMenu callId={call.id} customer={formatPhoneNumber(call.customerNumber)} tabIndex={-1} />
      </div>
    </div>
  );
}
