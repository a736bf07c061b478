// What the wall loads: the board's lists for its line (masked for a masked link), and its figures for the last hour.
import type { PrismaClient } from "@/lib/db/generated/client";
import { loadBoardSnapshot } from "@/lib/calls/load-board-snapshot";
import { loadBoardStats } from "@/lib/calls/load-board-stats";
import { statsFilterSql } from "@/lib/calls/stats-filter-sql";
import { compileCallFilter, EMPTY_FILTER } from "@/lib/shared/calls/call-filter";
import type { BoardSnapshot } from "@/lib/shared/calls/call-view";
import type { WallFigures } from "@/lib/shared/wallboards/wall-options";
import type { CountryCode } from "libphonenumber-js/min";
import { maskCallForWallboard } from "./mask-call";

/** `line`: the link's own for a link of one line (lib/context/wall-viewer.ts), which then learns of no other line. */
export async function loadWallSnapshot(prisma: PrismaClient, line: string, isMasked: boolean): Promise<BoardSnapshot> {
  // A wall has no call controls: it is never sent commands.
  const loaded = await loadBoardSnapshot(prisma, { ...EMPTY_FILTER, line }, () => Promise.resolve([]));
  // The wall names its own line from the list and has no line filter: the other lines are of no use to it.
  const snapshot = line ? { ...loaded, lines: loaded.lines.filter((known) => known.number === line) } : loaded;
  if (!isMasked) return snapshot;
  return {
    ...snapshot,
    live: snapshot.live.map(maskCallForWallboard),
    errors: snapshot.errors.map(maskCallForWallboard),
    ended: snapshot.ended.map(maskCallForWallboard),
  };
}

const HOUR_MS = 60 * 60 * 1000;

/** Calls started and errors in the last hour, and the calls per minute behind them, for the wall's line. */
export async function loadWallFigures(prisma: PrismaClient, line: string, defaultCountry: CountryCode): Promise<WallFigures> {
  const now = Date.now();
  const stats = await loadBoardStats(prisma, new Date(now - HOUR_MS), statsFilterSql(compileCallFilter({ ...EMPTY_FILTER, line }, defaultCountry), now));
  return { asOf: stats.asOf, callsLastHour: stats.callsToday, errorsLastHour: stats.errorsToday, perMinute: stats.perMinute };
}
