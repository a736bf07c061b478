// The one budget of requests Callboard makes to Flireo's REST API (../shared/flireo/webhooks.md §7): Flireo allows
// 100 requests a minute per API key and 10 control commands a minute per live call. Every request of every part of
// Callboard (registration, reconciliation, call control) takes a slot here first, so together they stay under the
// key's limit, each part within its own lane's cap, and what Flireo says in its answers (Retry-After on a 429,
// X-RateLimit-Remaining 0 until X-RateLimit-Reset) pauses the key for everyone. Made once per process in the
// application context. Sliding windows of one minute, by hand: a token bucket library would not give the exact
// "next slot frees in N s" a caller needs to tell a person.
import { createHash } from "node:crypto";

export const FLIREO_LANES = ["registration", "reconcile", "control"] as const;
export type FlireoLane = (typeof FLIREO_LANES)[number];

const WINDOW_MS = 60_000;
/** A pause Flireo asks for is honoured up to this long; a longer one is taken as a bad header, not an order. */
const MAX_PAUSE_MS = 10 * 60_000;

export type RequestBudgetOptions = {
  /** All lanes together, per API key; below Flireo's 100 so a retry or another tool on the key has room. */
  perMinute: number;
  lanes: Record<FlireoLane, number>;
  /** Control commands per call per minute (Flireo: 10). */
  perCallPerMinute: number;
  /** Told of every answer (status null: none came), e.g. to count requests and 429s in metrics. */
  onAnswer?: (lane: FlireoLane, status: number | null) => void;
  now?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
};

export type AcquireRequest = {
  apiKey: string;
  lane: FlireoLane;
  /** The call a control command is about: it counts against that call's own cap too. */
  callId?: string | null;
  /** Wait at most this long for a slot; past it, BudgetExhaustedError (0: answer at once). */
  maxWaitMs?: number;
  signal?: AbortSignal;
};

export type FlireoAnswerHeaders = { get: (name: string) => string | null };

export class BudgetExhaustedError extends Error {
  override name = "BudgetExhaustedError";
  /** When the next slot frees, in whole seconds (at least 1). */
  readonly retryAfterSeconds: number;
  readonly lane: FlireoLane;
  readonly reason: "key" | "lane" | "call" | "paused";

  constructor(lane: FlireoLane, reason: BudgetExhaustedError["reason"], waitMs: number) {
    const seconds = Math.max(1, Math.ceil(waitMs / 1000));
    const what = {
      key: "Callboard's share of Flireo's 100 requests a minute is used up",
      lane: `the ${lane} share of Callboard's Flireo requests is used up`,
      call: "this call has had Flireo's 10 control commands a minute",
      paused: "Flireo asked Callboard to slow down",
    }[reason];
    super(`Not sent: ${what}; try again in ${seconds} s.`);
    this.retryAfterSeconds = seconds;
    this.lane = lane;
    this.reason = reason;
  }
}

/**
 * By name, not instanceof: the budget is made in server.ts's bundle and its errors reach Next's bundles, which hold
 * their own copy of this class.
 */
export function isBudgetExhaustedError(error: unknown): error is BudgetExhaustedError {
  return error instanceof Error && error.name === "BudgetExhaustedError" && typeof (error as Partial<BudgetExhaustedError>).retryAfterSeconds === "number";
}

export type RequestBudget = {
  /** Waits for a slot (up to maxWaitMs) and takes it; throws BudgetExhaustedError when none frees in time. */
  acquire: (request: AcquireRequest) => Promise<void>;
  /** How long until a request of this kind could be sent, in ms (0: now). Takes nothing. */
  waitFor: (request: Omit<AcquireRequest, "maxWaitMs" | "signal">) => number;
  /**
   * Reads Flireo's answer: a 429's Retry-After, or X-RateLimit-Remaining 0 with X-RateLimit-Reset, pauses the key.
   * Status null: no answer came (network error, timeout).
   */
  observe: (apiKey: string, lane: FlireoLane, status: number | null, headers: FlireoAnswerHeaders | null) => void;
  /** Requests taken in the last minute, for the key and by lane (metrics, tests). */
  usage: (apiKey: string) => { total: number; lanes: Record<FlireoLane, number>; pausedForMs: number };
  readonly options: Readonly<Pick<RequestBudgetOptions, "perMinute" | "lanes" | "perCallPerMinute">>;
};

type KeyState = { all: number[]; lanes: Map<FlireoLane, number[]>; calls: Map<string, number[]>; pausedUntil: number };

function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason as Error);
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason as Error);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/** Drops what left the window; answers the wait until a slot frees under `cap` (0: one is free now). */
function windowWait(times: number[], cap: number, now: number): number {
  while (times.length > 0 && (times[0] ?? 0) <= now - WINDOW_MS) times.shift();
  if (times.length < cap) return 0;
  return (times[times.length - cap] ?? now) + WINDOW_MS - now;
}

/** X-RateLimit-Reset is documented as a Unix timestamp; seconds, or milliseconds from a server that sends those. */
function readResetAt(value: string | null, now: number): number | null {
  if (!value || !/^\d+(\.\d+)?$/.test(value.trim())) return null;
  const number = Number(value.trim());
  const at = number > 1e12 ? number : number * 1000;
  return at > now ? Math.min(at, now + MAX_PAUSE_MS) : null;
}

function readRetryAfterMs(value: string | null, now: number): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.min(Number(trimmed) * 1000, MAX_PAUSE_MS);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.min(Math.max(0, date - now), MAX_PAUSE_MS);
}

export function createRequestBudget(options: RequestBudgetOptions): RequestBudget {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? defaultSleep;
  // Keys are held by a digest: the budget never keeps an API key itself.
  const keys = new Map<string, KeyState>();
  const stateOf = (apiKey: string): KeyState => {
    const id = createHash("sha256").update(apiKey).digest("base64url").slice(0, 16);
    let state = keys.get(id);
    if (!state) keys.set(id, (state = { all: [], lanes: new Map(), calls: new Map(), pausedUntil: 0 }));
    return state;
  };
  const laneTimes = (state: KeyState, lane: FlireoLane) => {
    let times = state.lanes.get(lane);
    if (!times) state.lanes.set(lane, (times = []));
    return times;
  };

  function check(request: Omit<AcquireRequest, "maxWaitMs" | "signal">): { waitMs: number; reason: BudgetExhaustedError["reason"] } {
    const state = stateOf(request.apiKey);
    const at = now();
    const waits: Array<[number, BudgetExhaustedError["reason"]]> = [
      [Math.max(0, state.pausedUntil - at), "paused"],
      [windowWait(state.all, options.perMinute, at), "key"],
      [windowWait(laneTimes(state, request.lane), options.lanes[request.lane], at), "lane"],
    ];
    if (request.callId) {
      const times = state.calls.get(request.callId) ?? [];
      waits.push([windowWait(times, options.perCallPerMinute, at), "call"]);
      if (times.length === 0) state.calls.delete(request.callId);
    }
    let worst: { waitMs: number; reason: BudgetExhaustedError["reason"] } = { waitMs: 0, reason: "key" };
    for (const [waitMs, reason] of waits) if (waitMs > worst.waitMs) worst = { waitMs, reason };
    return worst;
  }

  function take(request: AcquireRequest): void {
    const state = stateOf(request.apiKey);
    const at = now();
    state.all.push(at);
    laneTimes(state, request.lane).push(at);
    if (request.callId) {
      const times = state.calls.get(request.callId) ?? [];
      times.push(at);
      state.calls.set(request.callId, times);
    }
  }

  return {
    options: { perMinute: options.perMinute, lanes: { ...options.lanes }, perCallPerMinute: options.perCallPerMinute },
    waitFor: (request) => check(request).waitMs,
    async acquire(request) {
      const deadline = now() + (request.maxWaitMs ?? Number.POSITIVE_INFINITY);
      for (;;) {
        const { waitMs, reason } = check(request);
        if (waitMs <= 0) return take(request);
        if (now() + waitMs > deadline) throw new BudgetExhaustedError(request.lane, reason, waitMs);
        await sleep(waitMs, request.signal);
      }
    },
    observe(apiKey, lane, status, headers) {
      options.onAnswer?.(lane, status);
      if (status === null || !headers) return;
      const at = now();
      const state = stateOf(apiKey);
      let until = 0;
      if (status === 429) until = at + (readRetryAfterMs(headers.get("retry-after"), at) ?? WINDOW_MS);
      if (headers.get("x-ratelimit-remaining")?.trim() === "0") until = Math.max(until, readResetAt(headers.get("x-ratelimit-reset"), at) ?? 0);
      if (until > state.pausedUntil) state.pausedUntil = until;
    },
    usage(apiKey) {
      const state = stateOf(apiKey);
      const at = now();
      const count = (times: number[]) => times.filter((time) => time > at - WINDOW_MS).length;
      const lanes = Object.fromEntries(FLIREO_LANES.map((lane) => [lane, count(laneTimes(state, lane))])) as Record<FlireoLane, number>;
      return { total: count(state.all), lanes, pausedForMs: Math.max(0, state.pausedUntil - at) };
    },
  };
}

/** The budget as the environment sets it: 90 a minute in all, reconciliation its configured share. */
export function createRequestBudgetFromEnv(
  env: { FLIREO_REQUESTS_PER_MINUTE: number; FLIREO_RECONCILE_BUDGET_PER_MINUTE: number },
  options: Pick<RequestBudgetOptions, "onAnswer"> = {},
): RequestBudget {
  const perMinute = env.FLIREO_REQUESTS_PER_MINUTE;
  const reconcile = Math.min(env.FLIREO_RECONCILE_BUDGET_PER_MINUTE, perMinute);
  return createRequestBudget({
    perMinute,
    lanes: {
      // Control acts on a live call: what reconciliation is kept to aside, it may use the rest. Registration leaves
      // it at least a tenth, so a burst of registering never keeps a command from a call in progress.
      registration: Math.max(1, perMinute - reconcile - Math.ceil(perMinute / 10)),
      reconcile,
      control: Math.max(1, perMinute - reconcile),
    },
    perCallPerMinute: 10,
    onAnswer: options.onAnswer,
  });
}
