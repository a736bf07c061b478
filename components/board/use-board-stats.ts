"use client";
// The board's figures, reloaded every 15 s and at most every 1.5 s while live events arrive, so the KPIs and the chart move
// with the calls without asking the database once per event.
import { useEffect, useRef, useState } from "react";
import { startOfLocalDay, type BoardStats } from "@/lib/shared/calls/board-stats";

const REFRESH_MS = 15_000;
const AFTER_EVENT_MS = 1_500;

export function useBoardStats(lastEventAt: number | null): BoardStats | null {
  const [stats, setStats] = useState<BoardStats | null>(null);
  const inFlight = useRef(false);

  const load = useRef(async () => {
    if (inFlight.current) return;
    inFlight.current = true;
    try {
      const since = startOfLocalDay(Date.now()).toISOString();
      const response = await fetch(`/api/calls/stats?since=${encodeURIComponent(since)}`, { cache: "no-store" });
      if (response.ok) setStats((await response.json()) as BoardStats);
    } catch (error) {
      console.warn(error);
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

  return stats;
}
