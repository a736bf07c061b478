// Rate limits shared by every instance on the same database (or Redis): the webhook's per-source limit, the read
// API's per-token limit, and failed API-token attempts per address.
//
// A sliding-window counter per key: the count of the current minute plus the previous minute's, weighted by how much
// of it still lies within the last 60 s. The counts live in a store every instance adds to (Postgres, or Redis when
// REDIS_URL is set).
//
// Written by hand because of the webhook path: a maintained limiter (rate-limiter-flexible) makes a store round trip
// for every request, which at hundreds of webhooks a second from one source is hundreds of upserts a second on one
// row. Here a key far below its limit is decided from what this instance knows, and its count reaches the store in
// a batch every `syncMs`; a key near its limit, or any key of a small limit, is decided with a round trip.
export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Adds counts to keys' current windows and answers each key's current and previous window counts. */
export type RateLimitStore = {
  add: (windowStart: number, counts: ReadonlyMap<string, number>) => Promise<Map<string, { current: number; previous: number }>>;
};

export type SharedRateLimiter = {
  readonly perMinute: number;
  /** Counts one request for `key` when it is allowed. Resolves at once unless the key is near its limit. */
  take: (key: string) => RateDecision | Promise<RateDecision>;
  /** Whether `key` is over its limit now, counting nothing (asks the store). */
  check: (key: string) => Promise<RateDecision>;
  /** Counts one for `key` without deciding anything (a failed attempt, say); resolves once the store has it. */
  count: (key: string) => Promise<void>;
  /** Sends what is not yet in the store (at shutdown). */
  flush: () => Promise<void>;
  stop: () => void;
};

const WINDOW_MS = 60_000;
/** Under this many a minute every request is decided with the store: precision matters more than a round trip. */
const PRECISE_BELOW_PER_MINUTE = 1_000;
/** A key estimated past this share of its limit is decided with the store. */
const NEAR_LIMIT = 0.5;

type Known = { windowStart: number; current: number; previous: number; unsynced: number };

function estimate(known: Known, now: number): number {
  const elapsed = (now - known.windowStart) / WINDOW_MS;
  return known.previous * (1 - elapsed) + known.current + known.unsynced;
}

/** How long until the estimate drops below the limit: the previous window's weight fades, or the next one begins. */
function retryAfter(known: Known, perMinute: number, now: number): number {
  const untilNextWindow = (known.windowStart + WINDOW_MS - now) / 1000;
  const excess = estimate(known, now) - perMinute + 1;
  const fadePerSecond = known.previous / 60;
  const seconds = known.current + known.unsynced >= perMinute || fadePerSecond === 0 ? untilNextWindow : excess / fadePerSecond;
  return Math.max(1, Math.min(60, Math.ceil(seconds)));
}

/** Sends the unsynced counts of the current window (or only `only`'s), and learns those keys' shared counts. */
async function syncCounts(known: Map<string, Known>, store: RateLimitStore, windowStart: number, only: string | undefined, onError?: (error: unknown) => void): Promise<void> {
  const counts = new Map<string, number>();
  for (const [key, entry] of known) {
    if (only !== undefined && key !== only) continue;
    if (entry.windowStart === windowStart && (entry.unsynced !== 0 || key === only)) counts.set(key, entry.unsynced);
  }
  if (counts.size === 0) return;
  for (const key of counts.keys()) known.get(key)!.unsynced = 0;
  try {
    const shared = await store.add(windowStart, counts);
    for (const [key, { current, previous }] of shared) {
      const entry = known.get(key);
      if (entry?.windowStart === windowStart) Object.assign(entry, { current, previous });
    }
  } catch (error) {
    // Not lost: counted again locally, sent with the next sync.
    for (const [key, count] of counts) {
      const entry = known.get(key);
      if (entry?.windowStart === windowStart) entry.unsynced += count;
    }
    onError?.(error);
  }
}

export function createSharedRateLimiter(options: { perMinute: number; store: RateLimitStore; syncMs?: number; maxKeys?: number; onError?: (error: unknown) => void }): SharedRateLimiter {
  const { perMinute, store } = options;
  const maxKeys = options.maxKeys ?? 10_000;
  const known = new Map<string, Known>();
  let syncing: Promise<void> | null = null;

  const windowOf = (now: number) => Math.floor(now / WINDOW_MS) * WINDOW_MS;

  const knownFor = (key: string, now: number): Known => {
    let entry = known.get(key);
    const windowStart = windowOf(now);
    if (!entry) entry = { windowStart, current: 0, previous: 0, unsynced: 0 };
    else if (entry.windowStart !== windowStart) {
      // A new window: this one's count becomes the previous one's (if it was the last), unsynced counts go with it.
      const previous = windowStart - entry.windowStart === WINDOW_MS ? entry.current + entry.unsynced : 0;
      entry = { windowStart, current: 0, previous, unsynced: 0 };
    }
    // Least recently used first; bounded against spoofed sources.
    known.delete(key);
    known.set(key, entry);
    if (known.size > maxKeys) known.delete(known.keys().next().value as string);
    return entry;
  };

  const sync = (only?: string) => syncCounts(known, store, windowOf(Date.now()), only, options.onError);

  const timer = setInterval(() => {
    if (!syncing) syncing = sync().finally(() => (syncing = null));
  }, options.syncMs ?? 250);
  timer.unref();

  const decide = (key: string, now: number): RateDecision => {
    const entry = knownFor(key, now);
    const refused = refusal(entry, now);
    if (refused) return refused;
    entry.unsynced += 1;
    return { allowed: true };
  };

  const refusal = (entry: Known, now: number): RateDecision | null =>
    estimate(entry, now) >= perMinute ? { allowed: false, retryAfterSeconds: retryAfter(entry, perMinute, now) } : null;

  return {
    perMinute,
    take(key) {
      const now = Date.now();
      const entry = knownFor(key, now);
      if (perMinute >= PRECISE_BELOW_PER_MINUTE && estimate(entry, now) < perMinute * NEAR_LIMIT) return decide(key, now);
      // Near the limit, or a small one: reserve a place in the store and decide on the shared count that comes back,
      // so that two instances cannot both give away the last place. A refused reservation is given back.
      entry.unsynced += 1;
      return sync(key).then(() => {
        const later = Date.now();
        const reserved = knownFor(key, later);
        if (estimate(reserved, later) <= perMinute) return { allowed: true };
        reserved.unsynced -= 1;
        return { allowed: false, retryAfterSeconds: retryAfter(reserved, perMinute, later) };
      });
    },
    async check(key) {
      knownFor(key, Date.now());
      await sync(key);
      const now = Date.now();
      return refusal(knownFor(key, now), now) ?? { allowed: true };
    },
    async count(key) {
      knownFor(key, Date.now()).unsynced += 1;
      await sync(key);
    },
    flush: () => sync(),
    stop: () => clearInterval(timer),
  };
}
