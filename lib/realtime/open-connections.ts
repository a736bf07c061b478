// How many live connections each holder (a user, a wallboard link) has open on this instance, with a ceiling: a
// runaway script or a leaked link cannot open thousands. Per instance, as the counts live in memory: behind a load
// balancer of N instances a holder may have N times the ceiling, which still bounds each process's memory.
import type { Socket } from "socket.io";

export type OpenConnections = {
  /** Counts `socket` under `holder` until it disconnects; false, counting nothing, when `holder` has `max` open already. */
  tryOpen: (holder: string, socket: Socket) => boolean;
  count: (holder: string) => number;
};

export function countOpenConnections(max: number): OpenConnections {
  const open = new Map<string, number>();
  return {
    tryOpen(holder, socket) {
      const count = open.get(holder) ?? 0;
      if (count >= max) return false;
      open.set(holder, count + 1);
      socket.once("disconnect", () => {
        const left = (open.get(holder) ?? 1) - 1;
        if (left > 0) open.set(holder, left);
        else open.delete(holder);
      });
      return true;
    },
    count: (holder) => open.get(holder) ?? 0,
  };
}
