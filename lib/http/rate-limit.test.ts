import { describe, expect, it } from "vitest";
import { createTokenBucketLimiter } from "./rate-limit";

describe("createTokenBucketLimiter", () => {
  it("lets a burst of one minute's allowance through, then refuses with a Retry-After", () => {
    const limiter = createTokenBucketLimiter(60);
    for (let i = 0; i < 60; i++) expect(limiter.take("a", 0).allowed).toBe(true);
    expect(limiter.take("a", 0)).toEqual({ allowed: false, retryAfterSeconds: 1 });
  });

  it("refills at the per-minute rate and keeps sources apart", () => {
    const limiter = createTokenBucketLimiter(60);
    for (let i = 0; i < 60; i++) limiter.take("a", 0);
    expect(limiter.take("b", 0).allowed).toBe(true);
    expect(limiter.take("a", 500).allowed).toBe(false);
    expect(limiter.take("a", 1_000).allowed).toBe(true);
    expect(limiter.take("a", 1_000).allowed).toBe(false);
  });

  it("forgets the least recently used source beyond its key limit", () => {
    const limiter = createTokenBucketLimiter(1, 2);
    limiter.take("a", 0);
    limiter.take("b", 0);
    limiter.take("c", 0);
    expect(limiter.take("a", 0).allowed).toBe(true);
  });
});
