"use client";
// The wall's figures for its line: loaded every 15 s, and at most every 2 s while live events arrive, so they move
// with the calls without asking the database once per event.
import { useEffect, useRef, useState } from "react";
import type { WallFigures } from "@/lib/shared/wallboards/wall-options";

const REFRESH_MS = 15_000;
const AFTER_EVENT_MS = 2_000;

/** `line` is the wall's, from its address: it does not change while the page is open. */
export function useWallFigures(line: string, lastEventAt: number | null): WallFigures | null {
  const [figures, setFigures] = useState<WallFigures | null>(null);
  const load = useRef(async () => {
    try {
      const params = new URLSearchParams(line ? { line } : {});
      const response = await fetch(`/api/wall/figures?${params.toString()}`, { cache: "no-store" });
      if (response.ok) setFigures((await response.json()) as WallFigures);
    } catch {
      // Network gone or server down: the figures on screen stay until a load succeeds, at most 15 s later. A message
      // in the wall's browser console would reach no one; the network panel already shows the failed request.
    }
  });

  useEffect(() => {
    void load.current();
    const timer = setInterval(() => void load.current(), REFRESH_MS);
    return () => clearInterval(timer);
  }, []);

  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => {
    if (lastEventAt === null || pending.current !== null) return;
    pending.current = setTimeout(() => {
      pending.current = null;
      void load.current();
    }, AFTER_EVENT_MS);
  }, [lastEventAt]);
  useEffect(() => () => clearTimeout(pending.current ?? undefined), []);
  return figures;
}
