// A token-bucket rate limiter per key: the webhook route's per-source limit and the read API's per-token limit.
//
// Written by hand: a token bucket is a dozen lines, and the maintained limiters are either middleware for
// another framework or need Redis. In memory, per instance; a restart forgets.

type Bucket = { tokens: number; refilledAt: number };

export type TokenBucketLimiter = { take: (key: string, now?: number) => { allowed: true } | { allowed: false; retryAfterSeconds: number } };

/**
 * Each key gets a bucket of `perMinute` tokens that refills continuously (perMinute/60 per second), so a burst
 * up to a minute's allowance passes at once and a steady stream passes at the configured rate.
 */
export function createTokenBucketLimiter(perMinute: number, maxKeys = 10_000): TokenBucketLimiter {
  const buckets = new Map<string, Bucket>();
  const refillPerMs = perMinute / 60_000;
  return {
    take(key, now = Date.now()) {
      const bucket = buckets.get(key) ?? { tokens: perMinute, refilledAt: now };
      bucket.tokens = Math.min(perMinute, bucket.tokens + (now - bucket.refilledAt) * refillPerMs);
      bucket.refilledAt = now;
      // Re-insert so the Map's order is least recently used first; bound memory against spoofed sources.
      buckets.delete(key);
      buckets.set(key, bucket);
      if (buckets.size > maxKeys) buckets.delete(buckets.keys().next().value as string);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return { allowed: true };
      }
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / refillPerMs / 1000)) };
    },
  };
}
