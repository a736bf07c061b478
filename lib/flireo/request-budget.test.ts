// The one budget of Flireo requests, on a clock the test moves.
import { describe, expect, it } from "vitest";
import { BudgetExhaustedError, createRequestBudget, createRequestBudgetFromEnv, type RequestBudgetOptions } from "./request-budget";

const KEY = "sk_test_budget";

function budgetAt(overrides: Partial<RequestBudgetOptions> = {}) {
  const clock = { now: 1_000_000 };
  const slept: number[] = [];
  const budget = createRequestBudget({
    perMinute: 90,
    lanes: { registration: 50, reconcile: 30, control: 60 },
    perCallPerMinute: 10,
    now: () => clock.now,
    // Sleeping moves the clock: a wait is as long as the budget asked for, and no longer.
    sleep: (ms) => {
      slept.push(ms);
      clock.now += ms;
      return Promise.resolve();
    },
    ...overrides,
  });
  return { budget, clock, slept };
}

const headers = (values: Record<string, string>) => ({ get: (name: string) => values[name.toLowerCase()] ?? null });

describe("the Flireo request budget", () => {
  it("keeps a lane to its cap and says when the next slot frees", async () => {
    const { budget, clock } = budgetAt();
    for (let i = 0; i < 30; i++) {
      await budget.acquire({ apiKey: KEY, lane: "reconcile", maxWaitMs: 0 });
      clock.now += 100;
    }
    const error = await budget.acquire({ apiKey: KEY, lane: "reconcile", maxWaitMs: 0 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BudgetExhaustedError);
    // The first of the 30 was taken 3 s ago: it leaves the window in 57 s.
    expect(error).toMatchObject({ reason: "lane", retryAfterSeconds: 57, message: expect.stringContaining("try again in 57 s") });
    expect(budget.waitFor({ apiKey: KEY, lane: "reconcile" })).toBe(57_000);
    // Other lanes still have room.
    await budget.acquire({ apiKey: KEY, lane: "registration", maxWaitMs: 0 });
    expect(budget.usage(KEY)).toMatchObject({ total: 31, lanes: { reconcile: 30, registration: 1, control: 0 } });
  });

  it("keeps all lanes together under the key's limit", async () => {
    const { budget } = budgetAt();
    for (let i = 0; i < 50; i++) await budget.acquire({ apiKey: KEY, lane: "registration", maxWaitMs: 0 });
    for (let i = 0; i < 30; i++) await budget.acquire({ apiKey: KEY, lane: "reconcile", maxWaitMs: 0 });
    for (let i = 0; i < 10; i++) await budget.acquire({ apiKey: KEY, lane: "control", maxWaitMs: 0 });
    await expect(budget.acquire({ apiKey: KEY, lane: "control", maxWaitMs: 0 })).rejects.toMatchObject({ reason: "key", retryAfterSeconds: 60 });
    // Another key has its own limit.
    await budget.acquire({ apiKey: "sk_other_key", lane: "control", maxWaitMs: 0 });
  });

  it("waits for a slot when it may, and never sends more than the cap in any minute", async () => {
    const { budget, clock, slept } = budgetAt({ perMinute: 5, lanes: { registration: 5, reconcile: 5, control: 5 } });
    const sentAt: number[] = [];
    for (let i = 0; i < 12; i++) {
      await budget.acquire({ apiKey: KEY, lane: "reconcile" });
      sentAt.push(clock.now);
    }
    for (const [index, at] of sentAt.entries()) {
      expect(sentAt.filter((other, otherIndex) => otherIndex > index && other < at + 60_000).length).toBeLessThan(5);
    }
    expect(slept).toEqual([60_000, 60_000]);
  });

  it("gives control commands 10 a minute per call, and tells the caller how long until the next", async () => {
    const { budget, clock } = budgetAt();
    for (let i = 0; i < 10; i++) {
      await budget.acquire({ apiKey: KEY, lane: "control", callId: "call-1", maxWaitMs: 0 });
      clock.now += 1_000;
    }
    const error = await budget.acquire({ apiKey: KEY, lane: "control", callId: "call-1", maxWaitMs: 0 }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ reason: "call", retryAfterSeconds: 50, message: expect.stringContaining("10 control commands a minute") });
    expect(budget.waitFor({ apiKey: KEY, lane: "control", callId: "call-1" })).toBe(50_000);
    expect(budget.waitFor({ apiKey: KEY, lane: "control", callId: "call-2" })).toBe(0);
    await budget.acquire({ apiKey: KEY, lane: "control", callId: "call-2", maxWaitMs: 0 });
  });

  it("pauses the key for Retry-After after a 429, for every lane", async () => {
    const { budget } = budgetAt();
    budget.observe(KEY, "registration", 429, headers({ "retry-after": "20" }));
    expect(budget.usage(KEY).pausedForMs).toBe(20_000);
    await expect(budget.acquire({ apiKey: KEY, lane: "control", maxWaitMs: 0 })).rejects.toMatchObject({ reason: "paused", retryAfterSeconds: 20 });
  });

  it("pauses the key until X-RateLimit-Reset when X-RateLimit-Remaining is 0", async () => {
    const { budget, clock, slept } = budgetAt();
    const resetAt = Math.floor(clock.now / 1000) + 45;
    budget.observe(KEY, "reconcile", 200, headers({ "x-ratelimit-remaining": "0", "x-ratelimit-reset": String(resetAt) }));
    await budget.acquire({ apiKey: KEY, lane: "reconcile" });
    expect(slept).toEqual([resetAt * 1000 - 1_000_000]);
    // Remaining above 0 pauses nothing.
    budget.observe(KEY, "reconcile", 200, headers({ "x-ratelimit-remaining": "7", "x-ratelimit-reset": String(resetAt + 100) }));
    expect(budget.usage(KEY).pausedForMs).toBe(0);
  });

  it("does not let a bad header stall Flireo requests for good", () => {
    const { budget } = budgetAt();
    budget.observe(KEY, "reconcile", 429, headers({ "retry-after": "999999" }));
    expect(budget.usage(KEY).pausedForMs).toBe(600_000);
    const { budget: other } = budgetAt();
    other.observe(KEY, "reconcile", 200, headers({ "x-ratelimit-remaining": "0", "x-ratelimit-reset": "soon" }));
    other.observe(KEY, "reconcile", 429, headers({ "retry-after": "whenever" }));
    expect(other.usage(KEY).pausedForMs).toBe(60_000);
  });

  it("counts every answer for metrics, and none taken when nothing came back", () => {
    const answers: Array<[string, number | null]> = [];
    const { budget } = budgetAt({ onAnswer: (lane, status) => answers.push([lane, status]) });
    budget.observe(KEY, "reconcile", 200, headers({}));
    budget.observe(KEY, "control", null, null);
    expect(answers).toEqual([
      ["reconcile", 200],
      ["control", null],
    ]);
  });

  it("stops waiting when the caller gives up", async () => {
    const budget = createRequestBudget({ perMinute: 1, lanes: { registration: 1, reconcile: 1, control: 1 }, perCallPerMinute: 10 });
    await budget.acquire({ apiKey: KEY, lane: "reconcile" });
    const controller = new AbortController();
    const waiting = budget.acquire({ apiKey: KEY, lane: "reconcile", signal: controller.signal });
    controller.abort(new Error("shutting down"));
    await expect(waiting).rejects.toThrow("shutting down");
  });

  it("shares the key as the environment says: reconciliation its share, control always some room", () => {
    const budget = createRequestBudgetFromEnv({ FLIREO_REQUESTS_PER_MINUTE: 90, FLIREO_RECONCILE_BUDGET_PER_MINUTE: 30 });
    expect(budget.options).toEqual({ perMinute: 90, lanes: { registration: 51, reconcile: 30, control: 60 }, perCallPerMinute: 10 });
    expect(budget.options.lanes.registration + budget.options.lanes.reconcile).toBeLessThan(budget.options.perMinute);
  });
});
