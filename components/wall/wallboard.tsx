"use client";
// /wall on a TV: figures, live calls longest first, latest errors; nothing to click and nothing to scroll. Kept live by
// the board's own socket and resync (components/board/use-live-board.ts), from the wall's API.
import { useLocale, useTranslations } from "next-intl";
import { useCallback, useMemo, useState } from "react";
import type { CountryCode } from "libphonenumber-js/min";
import { useLiveBoard } from "@/components/board/use-live-board";
import { useNow } from "@/components/ui/use-now";
import { useTimeZone } from "@/components/ui/time-zone";
import { longCallLevel } from "@/lib/shared/calls/long-calls";
import { formatHourMinute } from "@/lib/shared/time/format-time";
import { compileCallFilter, EMPTY_FILTER } from "@/lib/shared/calls/call-filter";
import { callStartedAt, type BoardSnapshot, type CallView } from "@/lib/shared/calls/call-view";
import { secondsBetween } from "@/lib/shared/calls/format";
import type { WallboardEnded } from "@/lib/shared/realtime/events";
import type { WallOptions } from "@/lib/shared/wallboards/wall-options";
import { WallConnection, WallEnded } from "./wall-notices";
import { WallErrors } from "./wall-errors";
import { WallFigures } from "./wall-figures";
import { WallLiveCalls } from "./wall-live-calls";
import { useWallFigures } from "./use-wall-figures";

type WallboardProps = {
  initialSnapshot: BoardSnapshot;
  options: WallOptions;
  /** The link's name, or "Callboard" for a signed-in user. */
  title: string;
  /** The line shown, in words, or null for every line. */
  lineLabel: string | null;
  isMasked: boolean;
  defaultCountry: CountryCode;
};

const byLongest = (a: CallView, b: CallView) => Date.parse(callStartedAt(a)) - Date.parse(callStartedAt(b));

export function Wallboard({ initialSnapshot, options, title, lineLabel, isMasked, defaultCountry }: WallboardProps) {
  const t = useTranslations("wall");
  const compiled = useMemo(() => compileCallFilter({ ...EMPTY_FILTER, line: options.line }, defaultCountry), [options.line, defaultCountry]);
  const [ended, setEnded] = useState<WallboardEnded | null>(null);
  const onWallboardEnded = useCallback((notice: WallboardEnded) => setEnded(notice), []);
  // A changed link (its masking) is loaded again whole: the calls on screen, kept by version, would not be replaced.
  const onWallboardChanged = useCallback(() => window.location.reload(), []);
  const { live, errors, connection, lastEventAt } = useLiveBoard(initialSnapshot, compiled, { snapshotPath: "/api/wall/board", onWallboardEnded, onWallboardChanged });
  const now = useNow();
  const figures = useWallFigures(options.line, lastEventAt);
  const longestFirst = useMemo(() => [...live].sort(byLongest), [live]);
  const longest = longestFirst[0];
  const longCounts = countLongCalls(longestFirst, now, options);

  return (
    <div className="wall" data-wall-theme={options.theme} data-testid="wall" data-connection={ended ? "ended" : connection}>
      <div className={`grid h-full grid-rows-[auto_auto_minmax(0,1fr)] gap-(--wall-gap) p-(--wall-gap) ${connection === "live" || ended ? "" : "opacity-60"}`}>
        <header className="flex items-center gap-(--wall-gap)">
          <span aria-hidden className="wall-large grid aspect-square h-[1.6em] place-items-center rounded-[0.3em] bg-(--wall-text) font-bold text-(--wall-bg)">
            C
          </span>
          <h1 className="wall-large min-w-0 truncate font-bold">
            {title}
            {lineLabel && <span className="wall-muted font-semibold"> · {lineLabel}</span>}
          </h1>
          <span className="ml-auto flex shrink-0 items-center gap-(--wall-gap)">
            {isMasked && <span className="wall-label wall-muted">{t("numbersMasked")}</span>}
            <WallConnection connection={connection} />
            <WallClock now={now} />
          </span>
        </header>
        <WallFigures liveCount={live.length} longCounts={longCounts} longestSeconds={longest ? secondsBetween(callStartedAt(longest), now) : null} figures={figures} options={options} />
        <main className="grid min-h-0 grid-cols-[minmax(0,1.7fr)_minmax(0,1fr)] gap-(--wall-gap)">
          <WallLiveCalls calls={longestFirst} now={now} options={options} />
          <WallErrors calls={errors} />
        </main>
      </div>
      {ended ? <WallEnded ended={ended} /> : connection === "reconnecting" || connection === "offline" ? <WallConnectionLost connection={connection} /> : null}
    </div>
  );
}

/** Hours and minutes only, on a 24-hour clock in both languages: seconds ticking on a wall draw the eye for nothing. */
function WallClock({ now }: { now: number }) {
  const zone = useTimeZone();
  const locale = useLocale();
  return (
    <time className="wall-large font-semibold tabular-nums" suppressHydrationWarning>
      {formatHourMinute(now, zone, locale)}
    </time>
  );
}

function countLongCalls(calls: CallView[], now: number, options: WallOptions): { long: number; veryLong: number } {
  const counts = { long: 0, veryLong: 0 };
  for (const call of calls) {
    const level = longCallLevel(secondsBetween(callStartedAt(call), now), options.longMinutes, options.veryLongMinutes);
    if (level === "long") counts.long++;
    else if (level === "very-long") counts.veryLong++;
  }
  return counts;
}

function WallConnectionLost({ connection }: { connection: "reconnecting" | "offline" }) {
  const t = useTranslations("wall.connectionLost");
  return (
    <div role="alert" data-testid="wall-connection-lost" className="absolute inset-x-0 bottom-[8vh] mx-auto w-fit max-w-[90vw] rounded-[min(1.6vh,1vw)] border-4 border-(--wall-amber) bg-(--wall-bg) px-[4vh] py-[2.5vh] text-center shadow-2xl">
      <p className="wall-figure font-bold text-(--wall-amber)">{t("title")}</p>
      <p className="wall-large mt-[1vh] font-semibold">
        {connection === "offline" ? t("offline") : t("reconnecting")}
      </p>
    </div>
  );
}
