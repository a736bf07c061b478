"use client";
// Calls in progress, each with a running timer: newest first, or longest first (the Started and Duration headings
// switch, and the browser remembers the choice, so a wall screen keeps it). Virtualized: only the rows in view are
// in the DOM, so 5,000 live calls cost what 20 do.
import { useVirtualizer } from "@tanstack/react-virtual";
import Link from "next/link";
import { useLayoutEffect, useMemo, useRef, useSyncExternalStore, type ReactNode } from "react";
import type { CallView } from "@/lib/calls/call-view";
import { callStartedAt } from "@/lib/calls/call-view";
import { formatClockTime, formatDuration, formatPhoneNumber, secondsBetween } from "@/lib/calls/format";
import { callTypeHint, callTypeLabel } from "./call-labels";
import { useLineLabel } from "./line-names";
import { EmptyState } from "./panel";

const ROW_HEIGHT = 64;
const GRID = "grid grid-cols-[minmax(0,1.3fr)_minmax(0,1fr)_auto] items-center gap-3 sm:grid-cols-[minmax(0,1.2fr)_minmax(0,1fr)_7rem_6rem_6.5rem]";

type LiveCallsTableProps = { calls: CallView[]; now: number; emptyText: string };

export type LiveOrder = "newest" | "longest";
const ORDER_STORAGE_KEY = "callboard.live-order";
const orderListeners = new Set<() => void>();

/** The order picked on this page: it holds even where the browser's storage refuses to remember it. */
let pickedOrder: LiveOrder | null = null;

function currentOrder(): LiveOrder {
  if (pickedOrder) return pickedOrder;
  try {
    return localStorage.getItem(ORDER_STORAGE_KEY) === "longest" ? "longest" : "newest";
  } catch {
    return "newest"; // Storage blocked by the browser's settings.
  }
}

function subscribeToOrder(onChange: () => void): () => void {
  // Another tab's choice: storage speaks again.
  const onStorage = () => {
    pickedOrder = null;
    onChange();
  };
  orderListeners.add(onChange);
  window.addEventListener("storage", onStorage);
  return () => {
    orderListeners.delete(onChange);
    window.removeEventListener("storage", onStorage);
  };
}

function chooseOrder(order: LiveOrder): void {
  pickedOrder = order;
  try {
    localStorage.setItem(ORDER_STORAGE_KEY, order);
  } catch {
    // Applied on this page, not remembered.
  }
  orderListeners.forEach((listener) => listener());
}

/** A column heading that sorts the list; pressed again, it gives the other order. */
function SortHeading({ order, sortsBy, otherwise, label, className, children }: {
  order: LiveOrder;
  sortsBy: LiveOrder;
  otherwise: LiveOrder;
  label: string;
  className: string;
  children: ReactNode;
}) {
  const isActive = order === sortsBy;
  return (
    <span role="columnheader" aria-sort={isActive ? "descending" : "none"} className={className}>
      <button
        type="button"
        onClick={() => chooseOrder(isActive ? otherwise : sortsBy)}
        title={isActive ? `Sorted ${label}; press for the other order` : `Sort ${label}`}
        data-testid={`live-sort-${sortsBy}`}
        className={`inline-flex items-center gap-1 uppercase hover:text-zinc-900 dark:hover:text-zinc-100 ${isActive ? "text-zinc-900 dark:text-zinc-100" : ""}`}
      >
        {children}
        <span aria-hidden className={isActive ? "" : "invisible"}>↓</span>
      </button>
    </span>
  );
}

export function LiveCallsTable({ calls: newestFirst, now, emptyText }: LiveCallsTableProps) {
  const lineLabel = useLineLabel();
  const order = useSyncExternalStore(subscribeToOrder, currentOrder, () => "newest" as const);
  const calls = useMemo(() => (order === "longest" ? [...newestFirst].reverse() : newestFirst), [newestFirst, order]);
  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer returns fresh values each render by design.
  const virtualizer = useVirtualizer({
    count: calls.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    getItemKey: (index) => calls[index]?.id ?? index,
    initialRect: { width: 800, height: 640 },
  });

  // New calls come in at the top (at the bottom when longest first). Scrolled down, an operator is reading particular rows: keep those in place
  // (the browser's own scroll anchoring does not see absolutely positioned rows). At the very top, new calls
  // appear as they come.
  const latestCalls = useRef(calls);
  const anchor = useRef<{ id: string; offset: number } | null>(null);
  const rememberAnchor = () => {
    const scroller = scrollRef.current;
    const index = scroller ? Math.floor(scroller.scrollTop / ROW_HEIGHT) : 0;
    const call = latestCalls.current[index];
    anchor.current = scroller && scroller.scrollTop > 0 && call ? { id: call.id, offset: scroller.scrollTop - index * ROW_HEIGHT } : null;
  };
  useLayoutEffect(() => {
    latestCalls.current = calls;
    const scroller = scrollRef.current;
    const held = anchor.current;
    if (!scroller || !held) return;
    const index = calls.findIndex((call) => call.id === held.id);
    // The row read last has ended: stay where the list is, and anchor to whatever is there now.
    if (index >= 0) scroller.scrollTop = index * ROW_HEIGHT + held.offset;
    rememberAnchor();
  }, [calls]);

  if (calls.length === 0) return <EmptyState testId="live-empty">{emptyText}</EmptyState>;

  return (
    <div role="table" aria-label="Calls in progress" aria-rowcount={calls.length + 1} data-testid="live-calls" data-order={order} className="flex min-h-0 flex-1 flex-col">
      <div role="rowgroup">
        <div role="row" aria-rowindex={1} className={`${GRID} border-b border-zinc-100 px-5 py-2 text-xs font-medium tracking-wide text-zinc-500 uppercase dark:border-zinc-800 dark:text-zinc-400`}>
          <span role="columnheader">Customer</span>
          <span role="columnheader">Line</span>
          <span role="columnheader" className="hidden sm:block">Type</span>
          <SortHeading order={order} sortsBy="newest" otherwise="longest" label="newest first" className="hidden sm:block">Started</SortHeading>
          <SortHeading order={order} sortsBy="longest" otherwise="newest" label="longest first" className="text-right">Duration</SortHeading>
        </div>
      </div>
      <div ref={scrollRef} onScroll={rememberAnchor} role="rowgroup" className="max-h-[min(60vh,40rem)] overflow-y-auto overscroll-contain" tabIndex={-1}>
        <div className="relative w-full" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const call = calls[item.index];
            if (!call) return null;
            const startedAt = callStartedAt(call);
            return (
              <div
                key={item.key}
                role="row"
                aria-rowindex={item.index + 2}
                data-testid="live-call"
                data-call-id={call.id}
                className={`${GRID} absolute inset-x-0 top-0 border-b border-zinc-100 px-5 hover:bg-zinc-50 dark:border-zinc-800/70 dark:hover:bg-zinc-800/40`}
                style={{ height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
              >
                <div role="cell" className="min-w-0">
                  <Link href={`/calls/${encodeURIComponent(call.id)}`} className="block truncate text-base font-semibold tabular-nums after:absolute after:inset-0 hover:underline focus-visible:underline">
                    {formatPhoneNumber(call.customerNumber)}
                  </Link>
                  <div className="truncate text-xs text-zinc-500 sm:hidden dark:text-zinc-400">{callTypeLabel(call)} · {formatClockTime(startedAt)}</div>
                </div>
                <div role="cell" className="min-w-0">
                  <div className="truncate font-medium">{lineLabel(call)}</div>
                  <div className="truncate text-xs text-zinc-500 tabular-nums dark:text-zinc-400">{formatPhoneNumber(call.lineNumber)}</div>
                </div>
                <div role="cell" className="relative hidden text-sm text-zinc-600 sm:block dark:text-zinc-300" title={callTypeHint(call)}>{callTypeLabel(call)}</div>
                <div role="cell" className="hidden text-sm text-zinc-600 tabular-nums sm:block dark:text-zinc-300">{formatClockTime(startedAt)}</div>
                <div role="cell" className="text-right">
                  <span data-testid="call-timer" className="text-xl font-semibold tabular-nums" suppressHydrationWarning>
                    {formatDuration(secondsBetween(startedAt, now))}
                  </span>
                </div>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
