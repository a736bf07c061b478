// Flireo's calls in the fake Flireo API (../shared/flireo/webhooks.md §6.3, §7): GET /calls with its documented query
// (limit ≤ 1000, offset, status, ISO start_date/end_date; anything else is a 400 as Flireo's validation would give),
// GET /calls/{id}, GET /organizations with active_calls, and 100 requests a minute per key with 429 + Retry-After and
// the X-RateLimit headers on every answer. Both id schemes: a call's REST id may equal the webhook's call id or not.
import { randomBytes } from "node:crypto";
import { z } from "zod";

export type FakeCallStatus =
  | "connecting"
  | "ringing"
  | "in-progress"
  | "ended"
  | "failed"
  | "ended-with-error"
  | "transferred"
  | "rejected"
  | "insufficient-credits"
  | (string & {});

export type FakeCall = {
  id: string;
  caller_phone: string | null;
  assistant_phone: string | null;
  status: FakeCallStatus;
  direction: "inbound" | "outbound" | "web";
  error: string | null;
  end_reason: string | null;
  started_at: string | null;
  ended_at: string | null;
  duration_seconds: number | null;
  summary: string | null;
  analysis_result: Record<string, unknown> | null;
  messages: Array<{ role: string; content: string }>;
  recording_url: string | null;
  agent_id: string | null;
  number_id: string | null;
  created_at: string;
  updated_at: string;
};

/** The REST id for a call whose webhooks carry `webhookId`: the same, or one in the documented example's format. */
export function restCallId(webhookId: string, scheme: "same" | "different", callerPhone = "+31612345678"): string {
  return scheme === "same" ? webhookId : `call-_${callerPhone}_${randomBytes(6).toString("hex")}`;
}

export function fakeCall(overrides: Partial<FakeCall> & { id: string }): FakeCall {
  const now = new Date().toISOString();
  return {
    caller_phone: "+31612345678",
    assistant_phone: "+31201234567",
    status: "in-progress",
    direction: "inbound",
    error: null,
    end_reason: null,
    started_at: now,
    ended_at: null,
    duration_seconds: null,
    summary: null,
    analysis_result: null,
    messages: [],
    recording_url: null,
    agent_id: "a-1",
    number_id: "n-1",
    created_at: overrides.started_at ?? now,
    updated_at: now,
    ...overrides,
  };
}

const IN_PROGRESS = new Set(["connecting", "ringing", "in-progress"]);
const STATUSES = ["connecting", "ringing", "in-progress", "ended", "failed", "ended-with-error", "transferred", "rejected", "insufficient-credits"];

const isoDateTime = z.iso.datetime({ offset: true });
const listQuerySchema = z.strictObject({
  limit: z.string().regex(/^\d+$/, "limit must be an integer").transform(Number).pipe(z.number().int().min(1).max(1000, "limit must be at most 1000")).optional(),
  offset: z.string().regex(/^\d+$/, "offset must be a non-negative integer").transform(Number).optional(),
  status: z.enum(STATUSES).optional(),
  start_date: isoDateTime.optional(),
  end_date: isoDateTime.optional(),
});

type Answer = { status: number; body: unknown; headers?: Record<string, string> };

export type FakeCallsState = {
  calls: Map<string, FakeCall>;
  /** What GET /organizations says is in progress; null: counted from the calls. */
  activeCallsOverride: number | null;
  /** Requests per minute per key before a 429 (Flireo: 100). */
  rateLimitPerMinute: number;
  /** When each request arrived, for the limit and for tests that check it was kept. */
  requestTimes: number[];
  /** A GET /calls page answered with the first page again, whatever the offset (a misbehaving API). */
  repeatFirstPage: boolean;
  /** Requests answered 429. */
  refused: number;
  /** The fake's clock for its rate limit (a test can share a virtual one with the budget). */
  now: () => number;
};

export function createFakeCallsState(): FakeCallsState {
  return { calls: new Map(), activeCallsOverride: null, rateLimitPerMinute: 100, requestTimes: [], repeatFirstPage: false, refused: 0, now: Date.now };
}

/** The most requests sent in any 60-second window. */
export function maxRequestsInAnyMinute(times: readonly number[]): number {
  let best = 0;
  let start = 0;
  for (let end = 0; end < times.length; end++) {
    while ((times[end] ?? 0) - (times[start] ?? 0) >= 60_000) start++;
    best = Math.max(best, end - start + 1);
  }
  return best;
}

/** Counts the request against the key's minute; a 429 answer when over, else the rate-limit headers to send. */
export function takeRateLimit(state: FakeCallsState, now = state.now()): { refused: Answer } | { headers: Record<string, string> } {
  const recent = state.requestTimes.filter((time) => time > now - 60_000);
  const oldest = recent[0] ?? now;
  const reset = String(Math.ceil((oldest + 60_000) / 1000));
  if (recent.length >= state.rateLimitPerMinute) {
    const retryAfter = String(Math.max(1, Math.ceil((oldest + 60_000 - now) / 1000)));
    state.refused++;
    return {
      refused: {
        status: 429,
        body: { error: { code: "rate_limit_exceeded", message: "Rate limit exceeded: 100 requests per minute" } },
        headers: { "retry-after": retryAfter, "x-ratelimit-limit": String(state.rateLimitPerMinute), "x-ratelimit-remaining": "0", "x-ratelimit-reset": reset },
      },
    };
  }
  state.requestTimes.push(now);
  return {
    headers: {
      "x-ratelimit-limit": String(state.rateLimitPerMinute),
      "x-ratelimit-remaining": String(state.rateLimitPerMinute - recent.length - 1),
      "x-ratelimit-reset": reset,
    },
  };
}

function listCalls(state: FakeCallsState, query: URLSearchParams): Answer {
  const parsed = listQuerySchema.safeParse(Object.fromEntries(query));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { status: 400, body: { error: { code: "invalid_request", message: issue?.message ?? "Invalid query", param: issue?.path.join(".") ?? null, type: "invalid_request_error" } } };
  }
  const { limit = 100, offset = 0, status, start_date, end_date } = parsed.data;
  const from = start_date ? Date.parse(start_date) : -Infinity;
  const until = end_date ? Date.parse(end_date) : Infinity;
  const matching = [...state.calls.values()]
    .filter((call) => (!status || call.status === status) && Date.parse(call.created_at) >= from && Date.parse(call.created_at) <= until)
    .sort((a, b) => Date.parse(b.created_at) - Date.parse(a.created_at));
  const pageOffset = state.repeatFirstPage ? 0 : offset;
  return { status: 200, body: { calls: matching.slice(pageOffset, pageOffset + limit), pagination: { total: matching.length, limit, offset } } };
}

/** Answers a calls or organization route, or null when the path is not one of them. */
export function handleCallsRoute(state: FakeCallsState, method: string, path: string, query: URLSearchParams): Answer | null {
  if (method !== "GET") return null;
  if (path === "/calls") return listCalls(state, query);
  if (path === "/organizations") {
    const counted = [...state.calls.values()].filter((call) => IN_PROGRESS.has(call.status)).length;
    return { status: 200, body: { organization: { id: "org-1", name: "Test organization", active_calls: state.activeCallsOverride ?? counted } } };
  }
  const match = /^\/calls\/([^/]+)$/.exec(path);
  if (!match) return null;
  const call = state.calls.get(decodeURIComponent(match[1] ?? ""));
  return call ? { status: 200, body: call } : { status: 404, body: { error: "Not Found", message: "Call not found" } };
}
