// The shared sliding-window limiter on a real Postgres store: exact where the limit is small or near, and without a
// store round trip per request where a key is far below a large one.
import { afterAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/lib/testing/use-test-database";
import { createPostgresRateLimitStore } from "./rate-limit-stores";
import { createSharedRateLimiter, type RateLimitStore, type SharedRateLimiter } from "./shared-rate-limit";

const database = useTestDatabase();
const limiters: SharedRateLimiter[] = [];

afterAll(() => {
  for (const limiter of limiters) limiter.stop();
});

function countingStore(): { store: RateLimitStore; calls: () => number } {
  const inner = createPostgresRateLimitStore(database.pool);
  let calls = 0;
  return { store: { add: (windowStart, counts) => (calls++, inner.add(windowStart, counts)) }, calls: () => calls };
}

function limiter(perMinute: number, store: RateLimitStore): SharedRateLimiter {
  const made = createSharedRateLimiter({ perMinute, store, syncMs: 60_000 });
  limiters.push(made);
  return made;
}

describe("createSharedRateLimiter", () => {
  it("gives a small limit's places exactly once across instances, concurrent requests included", async () => {
    const { store } = countingStore();
    const [a, b] = [limiter(5, store), limiter(5, store)];
    const decisions = await Promise.all(Array.from({ length: 12 }, async (_, index) => (index % 2 === 0 ? a : b).take("small")));
    expect(decisions.filter((decision) => decision.allowed)).toHaveLength(5);
    for (const decision of decisions) if (!decision.allowed) expect(decision.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    // Refused reservations were given back: the store holds the five that were let through.
    await Promise.all([a.flush(), b.flush()]);
    const { rows } = await database.pool.query("SELECT sum(count)::int AS n FROM shared_rate_limits WHERE key = 'small'");
    expect(rows[0].n).toBe(5);
  });

  it("decides a key far below a large limit without a round trip, and stores its count in a batch", async () => {
    const counting = countingStore();
    const busy = limiter(30_000, counting.store);
    for (let index = 0; index < 900; index++) expect(busy.take("large")).toEqual({ allowed: true });
    expect(counting.calls()).toBe(0);
    await busy.flush();
    expect(counting.calls()).toBe(1);
    const { rows } = await database.pool.query("SELECT sum(count)::int AS n FROM shared_rate_limits WHERE key = 'large'");
    expect(rows[0].n).toBe(900);
  });

  it("counts failures without deciding, and refuses a checked key once they pass the limit", async () => {
    const { store } = countingStore();
    const [a, b] = [limiter(3, store), limiter(3, store)];
    for (const instance of [a, b, a]) {
      expect(await instance.check("guesser")).toEqual({ allowed: true });
      await instance.count("guesser");
    }
    expect((await b.check("guesser")).allowed).toBe(false);
    expect(await b.check("someone else")).toEqual({ allowed: true });
  });
});
