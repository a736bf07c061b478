// Against a real database and the fake Flireo API (which enforces the documented query, paging, bearer key and
// 100 requests a minute): missed calls are backfilled in their right state, silent calls are asked about, both id
// schemes end in one call per conversation, every REST status has its place, bad answers change nothing, and a
// round repeated changes nothing.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createCallRecorder } from "@/lib/calls/call-recorder";
import type { FlireoCallEvent } from "@/lib/calls/call-event";
import { createFlireoClient } from "@/lib/flireo/flireo-client";
import { createRequestBudget } from "@/lib/flireo/request-budget";
import type { CallView } from "@/lib/shared/calls/call-view";
import { fakeCall, maxRequestsInAnyMinute, restCallId, type FakeCall } from "@/lib/testing/fake-flireo-calls";
import { startFakeFlireo, type FakeFlireo } from "@/lib/testing/fake-flireo";
import { useTestDatabase } from "@/lib/testing/use-test-database";
import { reconcileOnce } from "./reconcile-once";
import type { ReconcileSettings } from "./reconcile-round";
import { loadDriftNotice } from "./reconcile-rounds";

const database = useTestDatabase();
let flireo: FakeFlireo;
const published: CallView[] = [];

beforeAll(async () => {
  flireo = await startFakeFlireo();
});
afterAll(() => flireo.stop());
beforeEach(async () => {
  flireo.callsState.calls.clear();
  flireo.callsState.activeCallsOverride = null;
  flireo.callsState.repeatFirstPage = false;
  published.length = 0;
  await database.pool.query("TRUNCATE calls, call_events, flireo_reconcile_rounds CASCADE");
});

const settings: ReconcileSettings = { silentMinutes: 15, staleMinutes: 120, retryDelaysMs: [10, 10] };

function services(options: { perMinute?: number; reconcile?: number; now?: () => number; sleep?: (ms: number) => Promise<void>; pageSize?: number } = {}) {
  const budget = createRequestBudget({
    perMinute: options.perMinute ?? 90,
    lanes: { registration: 50, reconcile: options.reconcile ?? 30, control: 60 },
    perCallPerMinute: 10,
    now: options.now,
    sleep: options.sleep,
  });
  const client = createFlireoClient({ baseUrl: flireo.baseUrl, apiKey: flireo.apiKey, budget, lane: "reconcile", timeoutMs: 2_000 });
  const calls = createCallRecorder({ pool: database.pool, prisma: database.prisma, publisher: { publish: (call) => published.push(call) } });
  return { pool: database.pool, calls, client };
}

const round = async (since?: Date, extra: Partial<ReconcileSettings> = {}) => {
  const outcome = await reconcileOnce(services(), { ...settings, ...extra }, { trigger: "command", since });
  if (!outcome.ran) throw new Error(outcome.reason);
  return outcome.round;
};

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
const number = (index: number) => `+316${String(10_000_000 + index).slice(-8)}`;

async function stored() {
  const { rows } = await database.pool.query<{ id: string; status: string; flireo_call_id: string | null; error: string | null; end_reason: string | null; unresolved_reason: string | null; summary: string | null }>(
    "SELECT id, status, flireo_call_id, error, end_reason, unresolved_reason, summary FROM calls ORDER BY id",
  );
  return rows;
}

function webhookEvent(callId: string, status: FlireoCallEvent["status"], occurredAt: Date, customer: string): FlireoCallEvent {
  return { type: "status-update", callId, occurredAt, status, callType: "inbound", lineNumber: "+31201234567", lineName: null, customerNumber: customer, error: null, endReason: null, metadata: null, report: null };
}

describe("backfill", () => {
  it("brings 200 calls Callboard missed into the board in their right state within one round, and a second round changes nothing", async () => {
    const states = ["in-progress", "ended", "failed", "ended", "ringing"] as const;
    const calls: FakeCall[] = Array.from({ length: 200 }, (_, index) => {
      const status = states[index % states.length] ?? "ended";
      const isLive = status === "in-progress" || status === "ringing";
      return fakeCall({
        id: `call-_${number(index)}_${index}`,
        caller_phone: number(index),
        status,
        started_at: isLive ? minutesAgo(2) : minutesAgo(30 - index / 10),
        ended_at: isLive ? null : minutesAgo(20),
        duration_seconds: isLive ? null : 60,
        summary: isLive ? null : `Summary ${index}`,
        error: status === "failed" ? "SIP 503 from the carrier" : null,
        messages: isLive ? [] : [{ role: "assistant", content: "Hello" }],
      });
    });
    flireo.putCalls(...calls);
    const first = await round(new Date(Date.now() - 3_600_000));
    expect(first).toMatchObject({ complete: true, listed: 200, backfilled: 200, error: null });
    const rows = await stored();
    expect(rows).toHaveLength(200);
    const byId = new Map(rows.map((row) => [row.id, row]));
    for (const call of calls) {
      const row = byId.get(call.id);
      const expected = call.status === "failed" ? "ended-with-error" : call.status === "ended" ? "ended" : "in-progress";
      expect(row?.status, call.id).toBe(expected);
      expect(row?.flireo_call_id).toBe(call.id);
    }
    expect(byId.get(calls[2]!.id)?.error).toBe("SIP 503 from the carrier");
    expect(new Set(published.map((call) => call.id)).size).toBe(200);
    const { rows: events } = await database.pool.query<{ type: string; n: number }>("SELECT type, count(*)::int AS n FROM call_events GROUP BY type");
    expect(events).toEqual([{ type: "flireo-api", n: 200 }]);

    published.length = 0;
    const second = await round(new Date(Date.now() - 3_600_000));
    expect(second).toMatchObject({ complete: true, listed: 200, backfilled: 0, closed: 0, updated: 0 });
    expect(published).toEqual([]);
    // Paged by Flireo's documented query only: ISO dates, a limit of at most 1000, the bearer key.
    const listing = flireo.requests.filter((request) => request.path === "/api/v1/calls");
    expect(listing.every((request) => request.status === 200 && /limit=1000/.test(request.query) && /start_date=\d{4}-/.test(request.query))).toBe(true);
  });

  it("pages through more calls than one page holds", async () => {
    flireo.putCalls(...Array.from({ length: 250 }, (_, index) => fakeCall({ id: `p-${index}`, caller_phone: number(index), status: "ended", ended_at: minutesAgo(5), started_at: minutesAgo(6) })));
    const result = await round(new Date(Date.now() - 3_600_000), { pageSize: 100 });
    expect(result).toMatchObject({ complete: true, listed: 250, backfilled: 250 });
  });

  it("matches calls whose REST id differs from the webhook's by numbers and start time, and never makes a second call", async () => {
    const started = new Date(Date.now() - 10 * 60_000);
    const webhookId = randomUUID();
    const calls = services().calls;
    await calls.record(webhookEvent(webhookId, "in-progress", started, "+31 6 1111 2222"), {});
    const restId = restCallId(webhookId, "different", "+31611112222");
    flireo.putCalls(fakeCall({ id: restId, caller_phone: "+31611112222", status: "ended", started_at: new Date(started.getTime() + 2_000).toISOString(), ended_at: minutesAgo(1), summary: "Booked a table" }));
    const result = await round(new Date(Date.now() - 3_600_000));
    expect(result).toMatchObject({ closed: 1, backfilled: 0 });
    expect(await stored()).toEqual([expect.objectContaining({ id: webhookId, status: "ended", flireo_call_id: restId, summary: "Booked a table" })]);
  });

  it("matches by id when the REST id equals the webhook's", async () => {
    const webhookId = randomUUID();
    await services().calls.record(webhookEvent(webhookId, "in-progress", new Date(Date.now() - 60_000), "+31600000001"), {});
    flireo.putCalls(fakeCall({ id: restCallId(webhookId, "same"), status: "transferred", started_at: minutesAgo(1), ended_at: new Date().toISOString() }));
    expect(await round(new Date(Date.now() - 3_600_000))).toMatchObject({ closed: 1 });
    expect(await stored()).toEqual([expect.objectContaining({ id: webhookId, status: "ended", end_reason: "transferred", flireo_call_id: webhookId })]);
  });

  it("gives every REST status its place and keeps an unknown one as text", async () => {
    const statuses = ["connecting", "ringing", "in-progress", "ended", "failed", "ended-with-error", "transferred", "rejected", "insufficient-credits", "on-hold"];
    flireo.putCalls(
      ...statuses.map((status, index) =>
        fakeCall({ id: `s-${status}`, caller_phone: number(index), status, started_at: minutesAgo(3), ended_at: ["connecting", "ringing", "in-progress", "on-hold"].includes(status) ? null : minutesAgo(1) }),
      ),
      fakeCall({ id: "s-paused", status: "paused-for-review", ended_at: minutesAgo(1), started_at: minutesAgo(2) }),
    );
    const result = await round(new Date(Date.now() - 3_600_000));
    expect(result.error).toContain("1 of Flireo's calls had a status Callboard does not know");
    const byId = new Map((await stored()).map((row) => [row.id, row]));
    expect(Object.fromEntries([...byId].map(([id, row]) => [id, row.status]))).toEqual({
      "s-connecting": "in-progress",
      "s-ringing": "in-progress",
      "s-in-progress": "in-progress",
      "s-ended": "ended",
      "s-failed": "ended-with-error",
      "s-ended-with-error": "ended-with-error",
      "s-transferred": "ended",
      "s-rejected": "ended-with-error",
      "s-insufficient-credits": "ended-with-error",
      "s-paused": "ended",
    });
    expect(byId.get("s-insufficient-credits")?.error).toBe("Flireo refused the call: not enough credits.");
    expect(byId.get("s-paused")?.end_reason).toBe("paused-for-review");
  });
});

describe("silent calls", () => {
  async function silentCall(minutes: number) {
    const id = randomUUID();
    await services().calls.record(webhookEvent(id, "in-progress", new Date(Date.now() - minutes * 60_000), "+31622223333"), {});
    return id;
  }

  it("closes a call whose ended webhook was lost by asking Flireo", async () => {
    const id = await silentCall(20);
    flireo.putCalls(fakeCall({ id, caller_phone: "+31622223333", status: "ended", started_at: minutesAgo(20), ended_at: minutesAgo(18), duration_seconds: 120, summary: "Asked for opening hours" }));
    // Listed from now only: the call started before, so only asking finds it.
    const result = await round(new Date(Date.now() - 1_000));
    expect(result).toMatchObject({ closed: 1, unresolved: 0 });
    expect(await stored()).toEqual([expect.objectContaining({ id, status: "ended", summary: "Asked for opening hours" })]);
    expect(flireo.requests.some((request) => request.path === `/api/v1/calls/${id}`)).toBe(true);
  });

  it("keeps a call Flireo says is still in progress live, with Flireo's confirmation in its timeline", async () => {
    const id = await silentCall(20);
    flireo.putCalls(fakeCall({ id, caller_phone: "+31622223333", status: "in-progress", started_at: minutesAgo(20) }));
    expect(await round(new Date(Date.now() - 1_000))).toMatchObject({ confirmed: 1 });
    const { rows } = await database.pool.query("SELECT type, status FROM call_events WHERE call_id = $1 ORDER BY occurred_at", [id]);
    expect(rows).toEqual([{ type: "status-update", status: "in-progress" }, { type: "flireo-api", status: "in-progress" }]);
    // Its news is fresh now: the next round does not ask again.
    const before = flireo.requests.length;
    await round(new Date(Date.now() - 1_000));
    expect(flireo.requests.slice(before).some((request) => request.path === `/api/v1/calls/${id}`)).toBe(false);
  });

  it("marks a call Flireo does not know unresolved, with that reason", async () => {
    const id = await silentCall(20);
    expect(await round(new Date(Date.now() - 1_000))).toMatchObject({ unresolved: 1 });
    const [row] = await stored();
    expect(row).toMatchObject({ id, status: "in-progress", unresolved_reason: expect.stringContaining("Flireo's API does not know this call") });
    expect(published.at(-1)).toMatchObject({ id, unresolvedReason: expect.stringContaining("does not know") });
  });

  it("finds a silent call under Flireo's other id by its numbers and start", async () => {
    const id = await silentCall(20);
    const restId = restCallId(id, "different", "+31622223333");
    flireo.putCalls(fakeCall({ id: restId, caller_phone: "+31622223333", status: "failed", error: "Caller hung up during transfer", started_at: minutesAgo(20), ended_at: minutesAgo(19) }));
    expect(await round(new Date(Date.now() - 1_000))).toMatchObject({ closed: 1, unresolved: 0 });
    expect(await stored()).toEqual([expect.objectContaining({ id, status: "ended-with-error", flireo_call_id: restId, error: "Caller hung up during transfer" })]);
  });
});

describe("bad answers from Flireo", () => {
  it("reports a 5xx in words after retrying, and changes no call", async () => {
    flireo.putCalls(fakeCall({ id: "x-1", status: "ended", started_at: minutesAgo(3), ended_at: minutesAgo(1) }));
    flireo.failNext("GET /calls", { status: 503, times: 3, body: { error: { code: "server_error", message: "Maintenance" } } });
    const result = await round(new Date(Date.now() - 3_600_000));
    expect(result).toMatchObject({ complete: false, backfilled: 0, error: expect.stringContaining("server error while trying to list calls (503: Maintenance)") });
    expect(await stored()).toEqual([]);
    // The next round starts from the same point and catches up.
    expect(await round(new Date(Date.now() - 3_600_000))).toMatchObject({ complete: true, backfilled: 1 });
  });

  it("refuses a body of the wrong shape, a page that repeats, and a call of the wrong shape, changing nothing wrongly", async () => {
    flireo.failNext("GET /calls", { status: 200, body: { data: [] } });
    expect(await round(new Date(Date.now() - 3_600_000))).toMatchObject({ complete: false, error: expect.stringContaining("unexpected shape") });

    flireo.putCalls(...Array.from({ length: 3 }, (_, index) => fakeCall({ id: `r-${index}`, caller_phone: number(index), status: "ended", started_at: minutesAgo(3), ended_at: minutesAgo(1) })));
    flireo.callsState.repeatFirstPage = true;
    const repeated = await round(new Date(Date.now() - 3_600_000), { pageSize: 2 });
    expect(repeated).toMatchObject({ complete: false, backfilled: 2, error: expect.stringContaining("same page of calls") });

    flireo.callsState.repeatFirstPage = false;
    flireo.putCalls({ ...fakeCall({ id: "bad-1" }), started_at: "not a date" });
    const mixed = await round(new Date(Date.now() - 3_600_000));
    expect(mixed).toMatchObject({ backfilled: 1, error: expect.stringContaining("1 of Flireo's calls had an unexpected shape") });
    expect((await stored()).map((row) => row.id)).toEqual(["r-0", "r-1", "r-2"]);
  });

  it("gives up on a Flireo that does not answer, in words", async () => {
    flireo.failNext("GET /calls", { status: 200, times: 3, delayMs: 2_500, body: { calls: [], pagination: { total: 0 } } });
    const result = await round(new Date(Date.now() - 3_600_000));
    expect(result).toMatchObject({ complete: false, error: expect.stringContaining("did not answer within 2 s") });
  }, 20_000);
});

describe("within Flireo's budget", () => {
  it("catches a long outage up over several rounds without ever going over the reconcile lane or Flireo's limit", async () => {
    // One clock for the budget and the fake: waiting a minute takes no time.
    const clock = { now: Date.now() };
    flireo.callsState.now = () => clock.now;
    flireo.putCalls(...Array.from({ length: 1_200 }, (_, index) => fakeCall({ id: `o-${index}`, caller_phone: number(index), status: "ended", started_at: minutesAgo(50), ended_at: minutesAgo(49) })));
    const deps = services({ reconcile: 5, now: () => clock.now, sleep: (ms) => Promise.resolve(void (clock.now += ms)) });
    const start = flireo.callsState.requestTimes.length;
    let backfilled = 0;
    for (let attempt = 0; attempt < 3; attempt++) {
      const outcome = await reconcileOnce(deps, { ...settings, pageSize: 100, maxPages: 6 }, { trigger: "schedule" });
      if (outcome.ran) backfilled += outcome.round.backfilled;
    }
    flireo.callsState.now = Date.now;
    expect(backfilled).toBe(1_200);
    const times = flireo.callsState.requestTimes.slice(start);
    expect(maxRequestsInAnyMinute(times)).toBeLessThanOrEqual(5);
    expect(flireo.callsState.refused).toBe(0);
  });

  it("runs once when several instances start a round together", async () => {
    const outcomes = await Promise.all([reconcileOnce(services(), settings, { trigger: "start" }), reconcileOnce(services(), settings, { trigger: "start" })]);
    expect(outcomes.filter((outcome) => outcome.ran)).toHaveLength(1);
    expect(outcomes.find((outcome) => !outcome.ran)).toMatchObject({ reason: expect.stringContaining("Another instance") });
    // A scheduled round right after another instance's is skipped too.
    expect(await reconcileOnce(services(), settings, { trigger: "schedule", minGapSeconds: 30 })).toMatchObject({ ran: false });
  });
});

describe("drift", () => {
  it("shows a notice after two rounds that disagree, and clears it when they agree", async () => {
    flireo.callsState.activeCallsOverride = 12;
    await round();
    expect(await loadDriftNotice(database.pool, { freshSeconds: 600 })).toBeNull();
    await round();
    expect(await loadDriftNotice(database.pool, { freshSeconds: 600 })).toMatchObject({ flireoActive: 12, boardLive: 0 });
    flireo.callsState.activeCallsOverride = 0;
    await round();
    expect(await loadDriftNotice(database.pool, { freshSeconds: 600 })).toBeNull();
  });
});
