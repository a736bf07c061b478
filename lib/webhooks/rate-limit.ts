// Per-source rate limit for the webhook route, so a flood from one address cannot starve the board.
//
// Written by hand: a token bucket is a dozen lines, and the maintained limiters are either middleware for
// another framework or need Redis. It is in memory because one process serves Callboard; a restart forgets.
import { env } from "@/lib/env";
import { ApiError } from "@/lib/http/api-error";

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

const LIMITER_KEY = Symbol.for("callboard.webhook-rate-limit");
type LimiterHolder = { [LIMITER_KEY]?: TokenBucketLimiter };
const holder = globalThis as LimiterHolder;

/** Throws 429 with Retry-After when this source has used up its allowance (WEBHOOK_RATE_LIMIT_PER_MINUTE). */
export function assertWebhookRateLimit(clientAddress: string): void {
  holder[LIMITER_KEY] ??= createTokenBucketLimiter(env.WEBHOOK_RATE_LIMIT_PER_MINUTE);
  const result = holder[LIMITER_KEY].take(clientAddress);
  if (!result.allowed) {
    throw new ApiError("rate_limited", `Too many webhooks from this address; retry in ${result.retryAfterSeconds} s.`, {
      headers: { "Retry-After": String(result.retryAfterSeconds) },
    });
  }
}
