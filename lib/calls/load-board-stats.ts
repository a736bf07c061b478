// Reads the board's KPIs, the per-minute series of the last hour and the error groups, in one transaction.
import { Prisma, type PrismaClient } from "@/lib/db/generated/client";
import type { BoardStats } from "@/lib/shared/calls/board-stats";
import { UNKNOWN_ERROR } from "@/lib/shared/calls/call-filter";
import { TEST_CALL_ID_PREFIX } from "./test-calls";

const ERROR_GROUPS_LIMIT = 8;
/** The furthest back the figures reach: an open endpoint's `since` must not make every request scan all history. */
export const MAX_STATS_DAYS = 31;

type TotalsRow = { calls_today: bigint; errors_today: bigint; ended_today: bigint; average_duration: number | null; now: Date };
type MinuteRow = { minute: Date; calls: bigint; errors: bigint };
type GroupRow = { error: string; last_hour: bigint; last_day: bigint };

/**
 * The figures since `since`, moved up to MAX_STATS_DAYS ago if it is older (the answer's `since` says which), over
 * the calls `where` lets through (stats-filter-sql.ts: the board's filters; empty for every call).
 */
export async function loadBoardStats(prisma: PrismaClient, requestedSince: Date, where: Prisma.Sql = Prisma.empty): Promise<BoardStats> {
  const since = new Date(Math.max(requestedSince.getTime(), Date.now() - MAX_STATS_DAYS * 24 * 60 * 60 * 1000));
  // One snapshot for all three reads, so the KPIs, the chart and the groups agree with each other.
  const [totals, minutes, groups] = await prisma.$transaction(
    [
      prisma.$queryRaw<TotalsRow[]>`
        SELECT
          count(*) FILTER (WHERE COALESCE(started_at, first_event_at) >= ${since}) AS calls_today,
          count(*) FILTER (WHERE status = 'ended-with-error' AND ended_at >= ${since}) AS errors_today,
          count(*) FILTER (WHERE status <> 'in-progress' AND ended_at >= ${since}) AS ended_today,
          avg(COALESCE(duration_seconds, EXTRACT(EPOCH FROM ended_at - started_at)))
            FILTER (WHERE status <> 'in-progress' AND ended_at >= ${since}) AS average_duration,
          now() AS now
        FROM calls
        WHERE (COALESCE(started_at, first_event_at) >= ${since} OR ended_at >= ${since}) AND NOT starts_with(id, ${TEST_CALL_ID_PREFIX}) ${where}`,
      prisma.$queryRaw<MinuteRow[]>`
        WITH minutes AS (
          SELECT generate_series(date_trunc('minute', now()) - interval '59 minutes', date_trunc('minute', now()), interval '1 minute') AS minute
        ), started AS (
          SELECT date_trunc('minute', COALESCE(started_at, first_event_at)) AS minute, count(*) AS n
          FROM calls WHERE COALESCE(started_at, first_event_at) >= date_trunc('minute', now()) - interval '59 minutes'
            AND NOT starts_with(id, ${TEST_CALL_ID_PREFIX}) ${where}
          GROUP BY 1
        ), failed AS (
          SELECT date_trunc('minute', ended_at) AS minute, count(*) AS n
          FROM calls WHERE status = 'ended-with-error' AND ended_at >= date_trunc('minute', now()) - interval '59 minutes'
            AND NOT starts_with(id, ${TEST_CALL_ID_PREFIX}) ${where}
          GROUP BY 1
        )
        SELECT minutes.minute, COALESCE(started.n, 0) AS calls, COALESCE(failed.n, 0) AS errors
        FROM minutes LEFT JOIN started USING (minute) LEFT JOIN failed USING (minute)
        ORDER BY minutes.minute`,
      prisma.$queryRaw<GroupRow[]>`
        SELECT COALESCE(error, ${UNKNOWN_ERROR}) AS error,
          count(*) FILTER (WHERE ended_at >= now() - interval '1 hour') AS last_hour,
          count(*) AS last_day
        FROM calls
        WHERE status = 'ended-with-error' AND ended_at >= now() - interval '24 hours' AND NOT starts_with(id, ${TEST_CALL_ID_PREFIX}) ${where}
        GROUP BY 1
        ORDER BY last_hour DESC, last_day DESC, 1
        LIMIT ${ERROR_GROUPS_LIMIT}`,
    ],
    { isolationLevel: "RepeatableRead" },
  );
  const total = totals[0];
  return {
    asOf: (total?.now ?? new Date()).toISOString(),
    since: since.toISOString(),
    callsToday: Number(total?.calls_today ?? 0),
    errorsToday: Number(total?.errors_today ?? 0),
    endedToday: Number(total?.ended_today ?? 0),
    averageDurationSeconds: total?.average_duration === null || total?.average_duration === undefined ? null : Number(total.average_duration),
    perMinute: minutes.map((row) => ({ minute: row.minute.toISOString(), calls: Number(row.calls), errors: Number(row.errors) })),
    errorGroups: groups.map((row) => ({ error: row.error, lastHour: Number(row.last_hour), lastDay: Number(row.last_day) })),
  };
}
