"use client";
// The store's revision, for a component to render from: an update after a quiet spell shows on the next frame; a
// stream of them re-renders the board at most every MIN_RENDER_GAP_MS, each render taking all that came meanwhile:
// more renders show nothing an operator can read, and cost the tab CPU (npm run bench:board: 60% → 54% of a core
// busy at 200 updates/s).
import { useCallback, useSyncExternalStore } from "react";
import type { CallStore } from "@/lib/shared/calls/call-store";

/** The shortest time between two renders while updates stream in. */
const MIN_RENDER_GAP_MS = 100;

export function useThrottledRevision(store: CallStore): number {
  const subscribe = useCallback(
    (listener: () => void) => {
      let frame = 0;
      let timer: ReturnType<typeof setTimeout> | undefined;
      let renderedAt = Number.NEGATIVE_INFINITY;
      const render = () => {
        frame = 0;
        renderedAt = performance.now();
        listener();
      };
      const unsubscribe = store.subscribe(() => {
        if (frame !== 0 || timer !== undefined) return;
        const wait = renderedAt + MIN_RENDER_GAP_MS - performance.now();
        if (wait <= 0) {
          frame = requestAnimationFrame(render);
          return;
        }
        timer = setTimeout(() => {
          timer = undefined;
          frame = requestAnimationFrame(render);
        }, wait);
      });
      return () => {
        cancelAnimationFrame(frame);
        clearTimeout(timer);
        unsubscribe();
      };
    },
    [store],
  );
  return useSyncExternalStore(subscribe, store.getRevision, store.getRevision);
}
