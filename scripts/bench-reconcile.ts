// npm run bench:reconcile [-- --calls=5000 --seconds=10 --rounds=2 --connections=50]
//
// (1) Catch-up: a fake Flireo (enforcing 100 requests a minute per key) holds `calls` calls Callboard never heard of
// (a mix of live, ended and failed); rounds of reconciliation run with the production budget (90 a minute, 30 for
// reconciliation) until the listing is complete. Prints the time, the requests Flireo received, the most in any
// minute, the 429s, and checks every call is on the board in its right state.
// (2) Ingest beside it: signed status-updates (autocannon) against two production servers on fresh databases, one
// reconciling against that fake Flireo every second (its calls all recent, so each round lists all of them again),
// one with reconciliation off. They take turns for `rounds` rounds; each figure is the median.
import "@/lib/env-files";
import autocannon from "autocannon";
import pg from "pg";
import { createCallRecorder } from "@/lib/calls/call-recorder";
import { createDatabase } from "@/lib/db/client";
import { createFlireoClient } from "@/lib/flireo/flireo-client";
import { createRequestBudgetFromEnv } from "@/lib/flireo/request-budget";
import { reconcileOnce } from "@/lib/reconcile/reconcile-once";
import { fakeCall, maxRequestsInAnyMinute, type FakeCall } from "@/lib/testing/fake-flireo-calls";
import { startFakeFlireo, type FakeFlireo } from "@/lib/testing/fake-flireo";
import { ensureProductionBuild } from "@/lib/testing/global-setup";
import { statusUpdateLoad } from "@/lib/testing/ingest-load";
import { createTestDatabase, ensureTestPostgres } from "@/lib/testing/test-postgres";
import { startTestServer, type TestServer } from "@/lib/testing/test-server";

function readArg(name: string, fallback: number): number {
  const arg = process.argv.find((value) => value.startsWith(`--${name}=`));
  const value = arg ? Number(arg.split("=")[1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`);
  return value;
}

const CALLS = readArg("calls", 5000);
const SECONDS = readArg("seconds", 10);
const ROUNDS = readArg("rounds", 2);
const CONNECTIONS = readArg("connections", 50);
const STATES = ["ended", "in-progress", "ended", "failed", "ended", "transferred", "ended", "ended-with-error"] as const;

function missedCalls(count: number, spreadMinutes: number): FakeCall[] {
  const now = Date.now();
  return Array.from({ length: count }, (_, index) => {
    const status = STATES[index % STATES.length] ?? "ended";
    const isLive = status === "in-progress";
    const started = new Date(now - 60_000 - (index / count) * spreadMinutes * 60_000).toISOString();
    return fakeCall({
      id: `call-_+316${String(10_000_000 + index).slice(-8)}_${index.toString(36)}`,
      caller_phone: `+316${String(10_000_000 + index).slice(-8)}`,
      status,
      started_at: started,
      ended_at: isLive ? null : new Date(now - 30_000).toISOString(),
      duration_seconds: isLive ? null : 42,
      summary: isLive ? null : "The caller asked for the opening hours.",
      messages: isLive ? [] : [{ role: "assistant", content: "Hello, how can I help?" }, { role: "user", content: "When are you open?" }],
      error: status === "failed" || status === "ended-with-error" ? "SIP 503" : null,
    });
  });
}

async function catchUp(flireo: FakeFlireo): Promise<void> {
  const created = await createTestDatabase();
  const database = createDatabase(created.url);
  try {
    const budget = createRequestBudgetFromEnv({ FLIREO_REQUESTS_PER_MINUTE: 90, FLIREO_RECONCILE_BUDGET_PER_MINUTE: 30 });
    const client = createFlireoClient({ baseUrl: flireo.baseUrl, apiKey: flireo.apiKey, budget, lane: "reconcile" });
    const calls = createCallRecorder({ pool: database.pool, prisma: database.prisma, publisher: { publish: () => undefined } });
    const before = flireo.callsState.requestTimes.length;
    const started = performance.now();
    let rounds = 0;
    let backfilled = 0;
    for (;;) {
      const outcome = await reconcileOnce({ pool: database.pool, calls, client }, { silentMinutes: 15, staleMinutes: 120 }, { trigger: "command" });
      rounds++;
      if (!outcome.ran) throw new Error(outcome.reason);
      backfilled += outcome.round.backfilled;
      if (outcome.round.error) console.log(`  round ${rounds}: ${outcome.round.error}`);
      if (outcome.round.complete || rounds >= 10) break;
    }
    const seconds = (performance.now() - started) / 1000;
    const times = flireo.callsState.requestTimes.slice(before);
    const { rows } = await database.pool.query<{ n: number }>("SELECT count(*)::int AS n FROM calls");
    console.log(`(1) Catching up ${CALLS} missed calls: ${seconds.toFixed(2)} s in ${rounds} round(s), ${times.length} requests to Flireo`);
    console.log(`    (most in any minute: ${maxRequestsInAnyMinute(times)}; 429s: ${flireo.callsState.refused}); ${backfilled} backfilled, ${rows[0]?.n ?? 0} calls on the board`);
    if ((rows[0]?.n ?? 0) !== CALLS) throw new Error("Not every missed call reached the board.");
  } finally {
    await database.disconnect();
    await created.drop();
  }
}

type Figures = { requestsPerSecond: number; p99: number; failed: number };

async function load(server: TestServer, runId: string): Promise<Figures> {
  const result = await autocannon({ ...statusUpdateLoad(`${server.baseUrl}/api/webhooks/flireo`, CONNECTIONS, runId), duration: SECONDS });
  return { requestsPerSecond: result.requests.average, p99: result.latency.p99, failed: result.non2xx + result.errors };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

async function ingest(flireo: FakeFlireo): Promise<void> {
  const flireoEnv = { FLIREO_API_BASE_URL: flireo.baseUrl, FLIREO_API_KEY: flireo.apiKey, LOG_LEVEL: "warn" };
  const on = await startTestServer({ env: { ...flireoEnv, FLIREO_RECONCILE_SECONDS: "1" } });
  const off = await startTestServer({ env: { ...flireoEnv, FLIREO_RECONCILE_SECONDS: "0" } });
  try {
    const figures = { on: [] as Figures[], off: [] as Figures[] };
    for (let round = 0; round < ROUNDS; round++) {
      figures.off.push(await load(off, `off${round}`));
      figures.on.push(await load(on, `on${round}`));
    }
    const pool = new pg.Pool({ connectionString: on.database.url, max: 1 });
    const { rows } = await pool.query<{ rounds: number; listed: number }>("SELECT count(*)::int AS rounds, sum(listed)::int AS listed FROM flireo_reconcile_rounds");
    await pool.end();
    console.log(`(2) Ingest, ${CONNECTIONS} connections, ${SECONDS} s × ${ROUNDS} rounds each (medians):`);
    for (const [name, list] of Object.entries(figures)) {
      console.log(`    reconciliation ${name.padEnd(3)}  ${median(list.map((item) => item.requestsPerSecond)).toFixed(0)} req/s  p99 ${median(list.map((item) => item.p99))} ms  failed ${list.reduce((sum, item) => sum + item.failed, 0)}`);
    }
    console.log(`    (the reconciling server ran ${rows[0]?.rounds} rounds meanwhile, listing ${rows[0]?.listed} calls in all)`);
  } finally {
    await Promise.all([on.stop(), off.stop()]);
  }
}

await ensureTestPostgres();
ensureProductionBuild();
const flireo = await startFakeFlireo();
try {
  flireo.putCalls(...missedCalls(CALLS, 4));
  await catchUp(flireo);
  await ingest(flireo);
} finally {
  await flireo.stop();
}
process.exit(0);
