// The wall's settings, all in its URL so that each TV is configured by the address it opens: the long-call
// thresholds, the theme and the line. Safe to import from client components.
import type { MinuteCount } from "@/lib/shared/calls/board-stats";
import { DEFAULT_LONG_CALL_MINUTES } from "@/lib/shared/calls/long-calls";

export type WallTheme = "dark" | "light";

export type WallOptions = {
  /** Minutes after which a live call is marked amber (`?long=`). */
  longMinutes: number;
  /** Minutes after which it is marked red (`?very-long=`); never below `longMinutes`. */
  veryLongMinutes: number;
  /** Dark unless `?theme=light`: a bright screen across a dim floor glares. */
  theme: WallTheme;
  /** A line's E.164 number (`?line=`), or "" for every line. A link made for one line shows only that line. */
  line: string;
};

/** The figures at the top of the wall. */
export type WallFigures = { asOf: string; callsLastHour: number; errorsLastHour: number; perMinute: MinuteCount[] };

type ParamSource = Record<string, string | string[] | undefined>;

const MAX_MINUTES = 24 * 60;

function readMinutes(value: string | string[] | undefined, fallback: number): number {
  const number = typeof value === "string" ? Number(value) : Number.NaN;
  return Number.isFinite(number) && number > 0 && number <= MAX_MINUTES ? number : fallback;
}

/** Unknown or malformed values fall back to the defaults, so a hand-typed address still opens a working wall. */
export function parseWallOptions(params: ParamSource, defaultLongMinutes = DEFAULT_LONG_CALL_MINUTES): WallOptions {
  const longMinutes = readMinutes(params.long, defaultLongMinutes);
  const veryLongMinutes = Math.max(longMinutes, readMinutes(params["very-long"], 2 * longMinutes));
  const line = typeof params.line === "string" ? params.line.slice(0, 32) : "";
  return { longMinutes, veryLongMinutes, theme: params.theme === "light" ? "light" : "dark", line };
}
