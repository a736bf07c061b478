// Where shared rate limits keep their counts (shared-rate-limit.ts): a Postgres table, or Redis when REDIS_URL is
// set. One round trip adds every key's count and reads back its current and previous windows.
import type pg from "pg";
import type { createClient } from "redis";
import type { RateLimitStore } from "./shared-rate-limit";

const WINDOW_MS = 60_000;

// The windows travel as epoch milliseconds; old ones are pruned by the housekeeping (pruneSharedRateLimits).
const ADD_SQL = `
  WITH added AS (
    INSERT INTO shared_rate_limits (key, window_start, count)
    SELECT key, $1::bigint, count FROM unnest($2::text[], $3::int[]) AS t(key, count)
    ON CONFLICT (key, window_start) DO UPDATE SET count = shared_rate_limits.count + EXCLUDED.count
    RETURNING key, count)
  SELECT added.key, added.count AS current, COALESCE(previous.count, 0) AS previous
  FROM added LEFT JOIN shared_rate_limits previous ON previous.key = added.key AND previous.window_start = $1::bigint - ${WINDOW_MS}`;

export function createPostgresRateLimitStore(pool: Pick<pg.Pool, "query">): RateLimitStore {
  return {
    async add(windowStart, counts) {
      // In key order, so that two instances adding the same keys lock their rows in the same order.
      const keys = [...counts.keys()].sort();
      const { rows } = await pool.query<{ key: string; current: number; previous: number }>({
        name: "add-shared-rate-limits",
        text: ADD_SQL,
        values: [windowStart, keys, keys.map((key) => counts.get(key) ?? 0)],
      });
      return new Map(rows.map((row) => [row.key, { current: row.current, previous: row.previous }]));
    },
  };
}

/** Deletes windows older than the previous one (each key only needs its last two). Returns how many went. */
export async function pruneSharedRateLimits(pool: Pick<pg.Pool, "query">, now = Date.now()): Promise<number> {
  const { rowCount } = await pool.query("DELETE FROM shared_rate_limits WHERE window_start < $1", [Math.floor(now / WINDOW_MS) * WINDOW_MS - WINDOW_MS]);
  return rowCount ?? 0;
}

type RedisClient = ReturnType<typeof createClient>;

export function createRedisRateLimitStore(client: RedisClient, prefix = "callboard:rate:"): RateLimitStore {
  return {
    async add(windowStart, counts) {
      const keys = [...counts.keys()];
      const multi = client.multi();
      for (const key of keys) {
        const current = `${prefix}${key}:${windowStart}`;
        multi.incrBy(current, counts.get(key) ?? 0);
        // Kept through the next window, in which it is the previous one.
        multi.pExpire(current, 3 * WINDOW_MS);
        multi.get(`${prefix}${key}:${windowStart - WINDOW_MS}`);
      }
      const replies = (await multi.exec()) as unknown[];
      return new Map(keys.map((key, index) => [key, { current: Number(replies[index * 3]), previous: Number(replies[index * 3 + 2] ?? 0) }]));
    },
  };
}
