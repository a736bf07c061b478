"use client";
// The board's filters live in the URL: every change is a history entry (so Back undoes it), except that a
// burst of typing in the number box replaces its own entry instead of leaving one entry per keystroke.
import { useSearchParams } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef } from "react";
import { callFilterToSearchParams, notUnderstoodFilters, parseCallFilter, type CallFilter, type NotUnderstoodFilter } from "@/lib/shared/calls/call-filter";

const TYPING_BURST_MS = 2_000;
/** The board's last filters, for "Back to the board" on a call's page (see BackToBoardLink). */
export const BOARD_SEARCH_KEY = "callboard.board-search";

export function useCallFilter(): [CallFilter, (change: Partial<CallFilter>, how?: "typing") => void] {
  const searchParams = useSearchParams();
  const filter = useMemo(() => parseCallFilter(searchParams), [searchParams]);
  const lastTypedAt = useRef(0);
  useEffect(() => {
    const search = searchParams.toString();
    sessionStorage.setItem(BOARD_SEARCH_KEY, search ? `?${search}` : "");
  }, [searchParams]);

  const setFilter = useCallback(
    (change: Partial<CallFilter>, how?: "typing") => {
      const next = callFilterToSearchParams({ ...parseCallFilter(new URL(window.location.href).searchParams), ...change });
      const url = `${window.location.pathname}${next.size > 0 ? `?${next.toString()}` : ""}`;
      if (url === `${window.location.pathname}${window.location.search}`) return;
      const now = Date.now();
      const isSameBurst = how === "typing" && now - lastTypedAt.current < TYPING_BURST_MS;
      lastTypedAt.current = how === "typing" ? now : 0;
      // Next.js syncs useSearchParams with the native history API, without a server round trip.
      if (isSameBurst) window.history.replaceState(null, "", url);
      else window.history.pushState(null, "", url);
    },
    [],
  );
  return [filter, setFilter];
}

/** Filter values in the URL the board could not read and so does not apply (empty when all were read). */
export function useNotUnderstoodFilters(): NotUnderstoodFilter[] {
  const searchParams = useSearchParams();
  return useMemo(() => notUnderstoodFilters(searchParams), [searchParams]);
}
