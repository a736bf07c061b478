// While the live connection is down, the board still shows what it last knew: this says so, loudly enough to be
// seen from across the room, and since when.
import type { ConnectionState } from "./use-board-socket";
import { formatClock } from "@/lib/shared/time/format-time";
import { useTimeZone } from "@/components/ui/time-zone";

export function StaleBanner({ state, since }: { state: ConnectionState; since: number | null }) {
  const timeZone = useTimeZone();
  if (state !== "offline" && state !== "reconnecting") return null;
  const cause = state === "offline" ? "This browser is offline" : "The connection to Callboard dropped";
  return (
    <p role="alert" data-testid="stale-banner" className="rounded-lg border border-amber-400 bg-amber-100 px-4 py-2 text-sm font-medium text-amber-950 dark:border-amber-600 dark:bg-amber-900/60 dark:text-amber-100">
      {cause}
      {since !== null && <> at {formatClock(since, timeZone)}</>}: calls, timers and counts below may be out of date. Reconnecting by itself; the board catches
      up once it is back.
    </p>
  );
}
