// npm run bench:search-writes [-- --calls 400 --rounds 5 --reports]
//
// What keeping the search current costs the recording of webhook events, on Postgres alone (no HTTP server, whose
// drift on a shared machine hides a difference this size): the same calls' status-updates (in progress, then ended,
// one in seven with an error; with --reports also an end-of-call report with a summary and a transcript), recorded by
// recordCallEvent, four calls at a time, into three databases in turns: "old", migrated up to the generated
// search_vector column under a GIN index with the status and line (before call_search); "new", call_search and its
// trigger; "none", the same without the trigger (no search upkeep at all). Prints the CPU time the recording
// connections' Postgres processes spent per event (little moved by other work on the machine) and the time per event,
// medians over the rounds, and each against "none".
import { cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { DEFAULT_MIGRATIONS_DIR, migrateDatabase } from "@/lib/db/migrate";
import { processCpuMs } from "@/lib/testing/process-cpu";
import { createTestDatabase, ensureTestPostgres } from "@/lib/testing/test-postgres";
import { recordCallEvent } from "@/lib/calls/record-call-event";
import type { FlireoCallEvent } from "@/lib/calls/call-event";

function option(name: string, fallback: string): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = Number(index === -1 ? fallback : process.argv[index + 1]);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} must be a positive whole number`);
  return value;
}

const CALLS = option("calls", "400");
const ROUNDS = option("rounds", "5");
const WITH_REPORTS = process.argv.includes("--reports");
await ensureTestPostgres();
const older = mkdtempSync(path.join(os.tmpdir(), "callboard-migrations-"));
for (const name of readdirSync(DEFAULT_MIGRATIONS_DIR).sort().filter((name) => name < "20261207180000")) cpSync(path.join(DEFAULT_MIGRATIONS_DIR, name), path.join(older, name), { recursive: true });

const dbs = { old: await createTestDatabase({ migrate: false }), new: await createTestDatabase({ migrate: false }), none: await createTestDatabase({ migrate: false }) };
await migrateDatabase(dbs.old.url, { migrationsDir: older });
await migrateDatabase(dbs.new.url);
await migrateDatabase(dbs.none.url);
// Four connections per database, one per call recorded at a time, whose server processes' CPU time is read from /proc.
async function connectFour(url: string): Promise<{ clients: pg.Client[]; pids: number[] }> {
  const clients = Array.from({ length: 4 }, () => new pg.Client({ connectionString: url }));
  await Promise.all(clients.map((client) => client.connect()));
  const pids = await Promise.all(clients.map(async (client) => (await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0]?.pid ?? -1));
  return { clients, pids };
}
const pools = { old: await connectFour(dbs.old.url), new: await connectFour(dbs.new.url), none: await connectFour(dbs.none.url) };
const backendCpuMs = (pids: number[]) => pids.reduce((sum, pid) => sum + processCpuMs(pid), 0);
await pools.none.clients[0]?.query(`DROP TRIGGER calls_search_insert ON calls; DROP TRIGGER calls_search_update ON calls`);
// Some history, so the indexes are not empty.
for (const { clients: [pool] } of Object.values(pools)) {
  if (!pool) continue;
  await pool.query(`INSERT INTO calls (id, status, status_rank, status_at, line_number, first_event_at, last_event_at, summary, error, end_reason)
    SELECT 'h-' || g, CASE WHEN g % 8 = 1 THEN 'ended-with-error' ELSE 'ended' END, 3, now(), '+3120123456' || (g % 8), now(), now(),
      'The caller asked about a refund for a damaged order number ' || g, CASE WHEN g % 8 = 1 THEN 'LLM timeout' END, 'customer-ended-call'
    FROM generate_series(1, 20000) g`);
  await pool.query("VACUUM ANALYZE calls");
}

async function lifeOf(pool: pg.Client, id: string, n: number): Promise<number> {
  const at = Date.UTC(2026, 11, 7, 9) + n * 10;
  const base: FlireoCallEvent = { type: "status-update", callId: id, occurredAt: new Date(at), status: "in-progress", callType: "inbound", lineNumber: "+31201234567", lineName: "Main line", customerNumber: "+31612345678", error: null, endReason: null, metadata: null, report: null };
  const isError = n % 7 === 0;
  await recordCallEvent(pool, base, {});
  await recordCallEvent(pool, { ...base, occurredAt: new Date(at + 1), status: isError ? "ended-with-error" : "ended", error: isError ? "STT connection failed" : null }, {});
  if (!WITH_REPORTS) return 2;
  const report = { durationSeconds: 60, summary: "The caller asked about a refund for a damaged order.", analysis: null, transcript: [{ role: "assistant", content: "Hello, how can I help?" }, { role: "user", content: "I would like a refund, the order arrived damaged." }, { role: "assistant", content: "I have started the refund; you will see it within five working days." }], recordingUrl: null, startedAt: null, endedAt: null };
  await recordCallEvent(pool, { ...base, type: "end-of-call-report", occurredAt: new Date(at + 2), status: isError ? "ended-with-error" : "ended", endReason: "customer-ended-call", report }, {});
  return 3;
}

const times: Record<string, number[]> = { old: [], new: [], none: [] };
const cpu: Record<string, number[]> = { old: [], new: [], none: [] };
for (let round = 0; round < ROUNDS; round++) {
  for (const name of ["old", "new", "none"] as const) {
    const started = performance.now();
    const cpuBefore = backendCpuMs(pools[name].pids);
    let events = 0;
    // 4 calls at a time, as a few webhooks arrive together.
    for (let c = 0; c < CALLS; c += 4) {
      const counts = await Promise.all(pools[name].clients.map((client, k) => lifeOf(client, `r${round}-${c + k}`, c + k)));
      events += counts.reduce((a, b) => a + b, 0);
    }
    times[name]?.push((performance.now() - started) / events);
    cpu[name]?.push((backendCpuMs(pools[name].pids) - cpuBefore) / events);
  }
}
const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)] ?? NaN;
const show = (values: number[]) => `median ${median(values).toFixed(3)} ms (rounds ${values.map((value) => value.toFixed(3)).join(" ")})`;
for (const name of ["old", "new", "none"]) console.log(`${name.padEnd(5)} per event: Postgres CPU ${show(cpu[name] ?? [])}; time ${show(times[name] ?? [])}`);
const against = (name: string, figures: Record<string, number[]>) => (median(figures[name] ?? []) / median(figures.none ?? [])).toFixed(2);
console.log(`Against no search upkeep: Postgres CPU per event new ${against("new", cpu)}×, old ${against("old", cpu)}×; time per event new ${against("new", times)}×, old ${against("old", times)}×.`);
for (const { clients } of Object.values(pools)) await Promise.all(clients.map((client) => client.end()));
for (const d of Object.values(dbs)) await d.drop();
rmSync(older, { recursive: true, force: true });
