"use client";
// The board's figures for the filters on screen, reloaded every 15 s, at once when the filters change, and at most
// every 1.5 s while live events arrive, so the KPIs and the chart move with the calls without asking the database
// once per event.
import { useEffect, useRef, useState } from "react";
import { startOfLocalDay, type BoardStats } from "@/lib/shared/calls/board-stats";

const REFRESH_MS = 15_000;
const AFTER_EVENT_MS = 1_500;

/** `filterKey`: the board's filters as URL parameters (callFilterKey). The figures shown are always for them. */
export function useBoardStats(lastEventAt: number | null, filterKey: string): BoardStats | null {
  const [stats, setStats] = useState<{ for: string; figures: BoardStats } | null>(null);
  const inFlight = useRef(false);
  const latestKey = useRef(filterKey);

  const load = useRef(async () => {
    if (inFlight.current) return;
    inFlight.current = true;
    try {
      const key = latestKey.current;
      const params = new URLSearchParams(key);
      params.set("since", startOfLocalDay(Date.now()).toISOString());
      const response = await fetch(`/api/calls/stats?${params.toString()}`, { cache: "no-store" });
      if (response.ok) setStats({ for: key, figures: (await response.json()) as BoardStats });
    } catch {
      // Network gone or server down: the figures on screen stay until a load succeeds, at most 15 s later. A message
      // in the browser's console would reach no operator; the network panel already shows the failed request.
    } finally {
      inFlight.current = false;
    }
  });

  useEffect(() => {
    void load.current();
    const timer = setInterval(() => void load.current(), REFRESH_MS);
    return () => clearInterval(timer);
  }, []);

  // Throttled, not debounced: under a steady stream of events the figures must still move.
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => {
    if (lastEventAt === null || pending.current !== null) return;
    pending.current = setTimeout(() => {
      pending.current = null;
      void load.current();
    }, AFTER_EVENT_MS);
  }, [lastEventAt]);
  useEffect(() => () => clearTimeout(pending.current ?? undefined), []);

  useEffect(() => {
    if (latestKey.current === filterKey) return;
    latestKey.current = filterKey;
    // A load for the previous filters may be under way: this one waits its turn rather than being dropped.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const loadWhenFree = () => {
      if (inFlight.current) timer = setTimeout(loadWhenFree, 100);
      else void load.current();
    };
    loadWhenFree();
    return () => clearTimeout(timer);
  }, [filterKey]);

  // Figures for other filters than those on screen would mislabel: none until the right ones arrive.
  return stats?.for === filterKey ? stats.figures : null;
}
