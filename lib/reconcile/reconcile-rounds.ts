// The rounds of checking the board against Flireo, kept in Postgres: where the next round starts, what the webhooks
// page shows, and whether the board shows the drift notice. And the lease that lets one instance run a round at a
// time: a Postgres advisory lock held on one connection for the round, let go when it ends or the process dies.
import type pg from "pg";
import type { Queryable } from "@/lib/calls/record-call-event";
import type { DriftNotice, ReconcileRoundView } from "@/lib/shared/flireo/reconcile-view";

/** An arbitrary constant of Callboard's, not Prisma's migration lock (72707369). */
const LEASE_KEY = 72_707_370;

export type RoundCounts = {
  listed: number;
  backfilled: number;
  closed: number;
  updated: number;
  confirmed: number;
  unresolved: number;
  requests: number;
};

export type RoundRecord = RoundCounts & {
  trigger: "start" | "schedule" | "command";
  startedAt: Date;
  finishedAt: Date;
  since: Date;
  until: Date;
  complete: boolean;
  nextOffset: number | null;
  flireoActive: number | null;
  boardLive: number | null;
  error: string | null;
};

/** Runs `work` while holding the lease; null without running it when another instance holds it. */
export async function withReconcileLease<T>(pool: Pick<pg.Pool, "connect">, work: () => Promise<T>): Promise<T | null> {
  const connection = await pool.connect();
  try {
    const { rows } = await connection.query<{ ok: boolean }>("SELECT pg_try_advisory_lock($1) AS ok", [LEASE_KEY]);
    if (!rows[0]?.ok) return null;
    try {
      return await work();
    } finally {
      await connection.query("SELECT pg_advisory_unlock($1)", [LEASE_KEY]);
    }
  } finally {
    connection.release();
  }
}

export async function saveRound(pool: Queryable, round: RoundRecord): Promise<void> {
  await pool.query(
    `INSERT INTO flireo_reconcile_rounds (trigger, started_at, finished_at, since, until, complete, listed, backfilled, closed,
       updated, confirmed, unresolved, requests, flireo_active, board_live, error, next_offset)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)`,
    [
      round.trigger,
      round.startedAt,
      round.finishedAt,
      round.since,
      round.until,
      round.complete,
      round.listed,
      round.backfilled,
      round.closed,
      round.updated,
      round.confirmed,
      round.unresolved,
      round.requests,
      round.flireoActive,
      round.boardLive,
      round.error,
      round.nextOffset,
    ],
  );
  // The page shows the last rounds; a year of them every minute is half a million rows nobody reads.
  await pool.query(`DELETE FROM flireo_reconcile_rounds WHERE finished_at < now() - interval '7 days'`);
}

export type LastRounds = {
  /** Where the last complete round's listing ended. */
  lastCompleteUntil: Date | null;
  /** When the last round of any kind finished. */
  lastFinishedAt: Date | null;
  /** The listing the last round left unfinished, to go on with. */
  resume: { since: Date; until: Date; offset: number } | null;
};

export async function readLastRounds(pool: Queryable): Promise<LastRounds> {
  const { rows } = await pool.query<{ complete_until: Date | null; finished_at: Date | null; since: Date | null; until: Date | null; next_offset: number | null }>(
    `SELECT (SELECT max(until) FROM flireo_reconcile_rounds WHERE complete) AS complete_until, last.finished_at, last.since, last.until, last.next_offset
     FROM (SELECT 1) one LEFT JOIN LATERAL (SELECT * FROM flireo_reconcile_rounds ORDER BY finished_at DESC, id DESC LIMIT 1) last ON true`,
  );
  const row = rows[0];
  const resume = row?.since && row.until && row.next_offset !== null ? { since: row.since, until: row.until, offset: row.next_offset } : null;
  return { lastCompleteUntil: row?.complete_until ?? null, lastFinishedAt: row?.finished_at ?? null, resume };
}

type RoundRow = RoundCounts & {
  id: string;
  trigger: string;
  started_at: Date;
  finished_at: Date;
  since: Date;
  until: Date;
  complete: boolean;
  flireo_active: number | null;
  board_live: number | null;
  error: string | null;
};

export async function listRecentRounds(pool: Queryable, limit = 10): Promise<ReconcileRoundView[]> {
  const { rows } = await pool.query<RoundRow>(`SELECT * FROM flireo_reconcile_rounds ORDER BY finished_at DESC, id DESC LIMIT $1`, [limit]);
  return rows.map((row) => ({
    id: String(row.id),
    trigger: row.trigger,
    startedAt: row.started_at.toISOString(),
    finishedAt: row.finished_at.toISOString(),
    since: row.since.toISOString(),
    until: row.until.toISOString(),
    complete: row.complete,
    listed: row.listed,
    backfilled: row.backfilled,
    closed: row.closed,
    updated: row.updated,
    confirmed: row.confirmed,
    unresolved: row.unresolved,
    requests: row.requests,
    flireoActive: row.flireo_active,
    boardLive: row.board_live,
    error: row.error,
  }));
}

/**
 * The notice when the last two rounds that counted both found Flireo's live count and the board's apart, and the
 * latest is recent (a stopped reconciliation does not leave an old notice up).
 */
export async function loadDriftNotice(pool: Queryable, options: { freshSeconds: number }): Promise<DriftNotice | null> {
  const { rows } = await pool.query<{ flireo_active: number; board_live: number; finished_at: Date }>(
    `SELECT flireo_active, board_live, finished_at FROM flireo_reconcile_rounds
     WHERE flireo_active IS NOT NULL AND board_live IS NOT NULL ORDER BY finished_at DESC, id DESC LIMIT 2`,
  );
  const [latest, previous] = rows;
  if (!latest || !previous) return null;
  if (latest.finished_at.getTime() < Date.now() - options.freshSeconds * 1000) return null;
  if (latest.flireo_active === latest.board_live || previous.flireo_active === previous.board_live) return null;
  return { flireoActive: latest.flireo_active, boardLive: latest.board_live, checkedAt: latest.finished_at.toISOString() };
}
