"use client";
// The live list as one tab stop with the arrow keys inside it (the WAI-ARIA grid pattern), so the keyboard reaches
// the rest of the board without tabbing through every live call. One row holds the tab stop (roving tabindex): Up,
// Down, Page Up, Page Down, Home and End move it, scrolling the virtualized list to the row first, as the row is
// only in the DOM once in view; Left and Right move between a row's link and its actions button. When the call
// holding the tab stop leaves the list, the row that takes its place (or the previous one, if it was the last)
// holds it instead, and takes the focus if the call had it. Written here because the virtualizer only scrolls:
// none of the grid libraries keeps focus in rows it does not render.
import { useLayoutEffect, useRef, useState, type FocusEvent, type KeyboardEvent, type RefObject } from "react";
import type { Virtualizer } from "@tanstack/react-virtual";
import type { CallView } from "@/lib/shared/calls/call-view";

const PAGE_ROWS = 10;

/** The column of a row's focusable parts: 0 the call's link, 1 its actions button. */
type Column = 0 | 1;

const ROW_MOVES: Record<string, (index: number, count: number) => number> = {
  ArrowDown: (index) => index + 1,
  ArrowUp: (index) => index - 1,
  PageDown: (index) => index + PAGE_ROWS,
  PageUp: (index) => index - PAGE_ROWS,
  Home: () => 0,
  End: (_index, count) => count - 1,
};

function findFocusable(root: HTMLElement | null, callId: string, column: Column): HTMLElement | null {
  const row = root?.querySelector<HTMLElement>(`[role="row"][data-call-id="${CSS.escape(callId)}"]`);
  if (!row) return null;
  return (column === 1 ? row.querySelector<HTMLElement>('[data-testid="call-actions"]') : null) ?? row.querySelector<HTMLElement>("[data-grid-focus]");
}

export type LiveGridKeys = {
  /** The call whose row holds the tab stop. */
  activeId: string | null;
  /** Whether that row is rendered; if not, the list's scroller is the tab stop and hands the focus on. */
  isActiveRendered: boolean;
  handlers: {
    onKeyDown: (event: KeyboardEvent<HTMLElement>) => void;
    onFocus: (event: FocusEvent<HTMLElement>) => void;
    onBlur: (event: FocusEvent<HTMLElement>) => void;
  };
};

export function useLiveGridKeys(calls: CallView[], scrollRef: RefObject<HTMLDivElement | null>, virtualizer: Virtualizer<HTMLDivElement, Element>): LiveGridKeys {
  const [active, setActive] = useState<{ id: string | null; index: number; hasLeft: boolean }>({ id: null, index: 0, hasLeft: false });
  const hasFocus = useRef(false);
  const pendingFocus = useRef<{ id: string; column: Column } | null>(null);

  // Follow the active call through the list's changes (adjusted while rendering, as React advises for derived state).
  const found = active.id === null ? -1 : calls.findIndex((call) => call.id === active.id);
  if (active.id !== null && found !== active.index) {
    if (found >= 0) setActive({ id: active.id, index: found, hasLeft: false });
    else {
      const index = Math.max(0, Math.min(active.index, calls.length - 1));
      setActive({ id: calls[index]?.id ?? null, index, hasLeft: true });
    }
  }
  const activeIndex = active.id === null ? 0 : Math.max(0, Math.min(active.index, calls.length - 1));
  const activeId = calls[activeIndex]?.id ?? null;

  const focusSoon = (id: string, column: Column) => {
    pendingFocus.current = { id, column };
  };
  // The focus waits for its row to be rendered: the virtualizer renders it after scrolling to it.
  useLayoutEffect(() => {
    const pending = pendingFocus.current;
    if (!pending) return;
    const element = findFocusable(scrollRef.current, pending.id, pending.column);
    if (!element) return;
    pendingFocus.current = null;
    element.focus({ preventScroll: true });
  });
  // The focused call left: its row is gone and the browser put the focus on <body>; give it to the neighbour.
  useLayoutEffect(() => {
    if (!active.hasLeft || active.id === null || !hasFocus.current) return;
    if (document.activeElement && document.activeElement !== document.body) return;
    const element = findFocusable(scrollRef.current, active.id, 0);
    if (element) element.focus({ preventScroll: true });
    else focusSoon(active.id, 0);
  }, [active, scrollRef]);

  const moveTo = (index: number, column: Column) => {
    const call = calls[index];
    if (!call) return;
    setActive({ id: call.id, index, hasLeft: false });
    virtualizer.scrollToIndex(index, { align: "auto" });
    const element = findFocusable(scrollRef.current, call.id, column);
    if (element) element.focus({ preventScroll: true });
    else focusSoon(call.id, column);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    // The actions menu uses the arrows itself (it calls preventDefault).
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || calls.length === 0) return;
    const target = event.target as HTMLElement;
    const column: Column = target.closest('[data-testid="call-actions"]') ? 1 : 0;
    if (event.key === "ArrowRight" || event.key === "ArrowLeft") {
      event.preventDefault();
      moveTo(activeIndex, event.key === "ArrowRight" ? 1 : 0);
      return;
    }
    const move = ROW_MOVES[event.key];
    if (!move) return;
    event.preventDefault();
    moveTo(Math.max(0, Math.min(move(activeIndex, calls.length), calls.length - 1)), column);
  };

  const onFocus = (event: FocusEvent<HTMLElement>) => {
    hasFocus.current = true;
    // Tabbed onto the scroller itself (the active row was scrolled out of the DOM): on to the row.
    if (event.target === event.currentTarget) moveTo(activeIndex, 0);
  };
  const onBlur = (event: FocusEvent<HTMLElement>) => {
    if (event.relatedTarget instanceof Node && event.currentTarget.contains(event.relatedTarget)) return;
    const left = event.target;
    // A row removed while focused (its call ended) also blurs: the focus is still the list's to give on.
    setTimeout(() => {
      if (left.isConnected) hasFocus.current = false;
    }, 0);
  };

  const range = virtualizer.range;
  const isActiveRendered = range !== null && activeIndex >= range.startIndex && activeIndex <= range.endIndex;
  return { activeId, isActiveRendered, handlers: { onKeyDown, onFocus, onBlur } };
}
