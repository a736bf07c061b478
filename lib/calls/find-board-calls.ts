// What the board shows on load: calls in progress, recent errors and recently ended calls, filtered.
import { TEST_CALL_ID_PREFIX } from "./test-calls";
import type { PrismaClient } from "@/lib/db/generated/client";
import { statusFilterIncludes, type CompiledCallFilter } from "@/lib/shared/calls/call-filter";
import { callFilterWhere } from "./call-filter-where";
import { callToView } from "./call-row";
import type { CallView } from "@/lib/shared/calls/call-view";

export const LIVE_CALLS_LIMIT = 5_000;
export const RECENT_ERRORS_LIMIT = 100;
export const RECENT_ENDED_LIMIT = 100;

export async function findLiveCalls(prisma: PrismaClient, compiled: CompiledCallFilter, now: number): Promise<CallView[]> {
  if (!statusFilterIncludes(compiled.filter.status, "live")) return [];
  const calls = await prisma.call.findMany({
    where: { status: "in-progress", unresolvedAt: null, ...callFilterWhere(compiled, now) },
    orderBy: [{ startedAt: { sort: "desc", nulls: "last" } }, { firstEventAt: "desc" }],
    take: LIVE_CALLS_LIMIT,
  });
  return calls.map(callToView);
}

/** These calls as the board shows them (changes another process announced); unknown ids are left out. */
export async function findCallsByIds(prisma: PrismaClient, ids: string[]): Promise<CallView[]> {
  if (ids.length === 0) return [];
  return (await prisma.call.findMany({ where: { id: { in: ids } } })).map(callToView);
}

export async function findRecentErrors(prisma: PrismaClient, compiled: CompiledCallFilter, now: number): Promise<CallView[]> {
  if (!statusFilterIncludes(compiled.filter.status, "error")) return [];
  const calls = await prisma.call.findMany({
    where: { status: "ended-with-error", ...callFilterWhere(compiled, now) },
    orderBy: [{ endedAt: { sort: "desc", nulls: "last" } }, { lastEventAt: "desc" }],
    take: RECENT_ERRORS_LIMIT,
  });
  return calls.map(callToView);
}

export async function findRecentlyEnded(prisma: PrismaClient, compiled: CompiledCallFilter, now: number): Promise<CallView[]> {
  if (!statusFilterIncludes(compiled.filter.status, "ended")) return [];
  const calls = await prisma.call.findMany({
    where: { status: "ended", ...callFilterWhere(compiled, now) },
    orderBy: [{ endedAt: { sort: "desc", nulls: "last" } }, { lastEventAt: "desc" }],
    take: RECENT_ENDED_LIMIT,
  });
  return calls.map(callToView);
}

export type LineOption = { number: string; name: string | null };

/**
 * Every line that has taken a call, for the line filter (the test event's line is not one), named after its latest call that carried a name: a call
 * without one (the legacy payload has no line name) does not unname the line.
 */
export async function findLines(prisma: PrismaClient): Promise<LineOption[]> {
  // A skip scan on calls_line_number_last_event_at_idx: each step jumps to the next line number, so the cost
  // follows the number of lines, not of calls.
  const rows = await prisma.$queryRaw<{ line_number: string; line_name: string | null }[]>`
    WITH RECURSIVE lines (line_number) AS (
      (SELECT line_number FROM calls WHERE line_number IS NOT NULL ORDER BY line_number LIMIT 1)
      UNION ALL
      SELECT (SELECT c.line_number FROM calls c WHERE c.line_number > l.line_number ORDER BY c.line_number LIMIT 1)
      FROM lines l WHERE l.line_number IS NOT NULL
    )
    SELECT l.line_number,
      (SELECT c.line_name FROM calls c WHERE c.line_number = l.line_number AND c.line_name IS NOT NULL ORDER BY c.last_event_at DESC LIMIT 1) AS line_name
    FROM lines l
    WHERE l.line_number IS NOT NULL
      -- A line only the test event has used is not a line of this organisation.
      AND EXISTS (SELECT 1 FROM calls c WHERE c.line_number = l.line_number AND NOT starts_with(c.id, ${TEST_CALL_ID_PREFIX}))
    LIMIT 500`;
  return rows.map((row) => ({ number: row.line_number, name: row.line_name })).sort((a, b) => (a.name ?? a.number).localeCompare(b.name ?? b.number));
}

/** The name a line is known by: that of its latest call that carried one (as in findLines), or null. */
export async function findLineName(prisma: PrismaClient, lineNumber: string): Promise<string | null> {
  const call = await prisma.call.findFirst({
    where: { lineNumber, lineName: { not: null } },
    orderBy: { lastEventAt: "desc" },
    select: { lineName: true },
  });
  return call?.lineName ?? null;
}
