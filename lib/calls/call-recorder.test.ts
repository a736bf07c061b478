// Against a real database: the recorder groups concurrent events into few statements, keeps one event per call per
// statement, isolates an event the database refuses, answers each caller with its own event's result, and announces
// exactly the committed changes.
import type pg from "pg";
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/lib/testing/use-test-database";
import type { FlireoCallEvent } from "@/lib/calls/call-event";
import type { CallView } from "@/lib/shared/calls/call-view";
import { createCallRecorder } from "./call-recorder";

const database = useTestDatabase();

function event(callId: string, status: FlireoCallEvent["status"], second: number): FlireoCallEvent {
  return {
    type: "status-update",
    callId,
    occurredAt: new Date(Date.UTC(2026, 10, 27, 9, 0, second)),
    status,
    callType: "inbound",
    lineNumber: "+31201234567",
    lineName: null,
    customerNumber: null,
    error: null,
    endReason: null,
    metadata: null,
    report: null,
  };
}

function countingBatcher(options: { maxInFlight?: number } = {}) {
  let statements = 0;
  const published: CallView[] = [];
  const pool = {
    query: ((...args: Parameters<pg.Pool["query"]>) => {
      statements++;
      return (database.pool.query as (...a: unknown[]) => unknown)(...args);
    }) as pg.Pool["query"],
  };
  const batcher = createCallRecorder({ pool, prisma: database.prisma, publisher: { publish: (call) => published.push(call) }, ...options });
  return { batcher, statements: () => statements, published };
}

describe("createCallRecorder", () => {
  it("commits many concurrent events in far fewer statements, each caller getting its own result", async () => {
    const { batcher, statements } = countingBatcher();
    const events = Array.from({ length: 60 }, (_, index) => event(`batch-a-${index}`, "in-progress", index));
    const results = await Promise.all(events.map((e) => batcher.record(e, { n: e.callId })));
    expect(results.every((result) => result.outcome === "stored")).toBe(true);
    results.forEach((result, index) => expect(result.outcome === "stored" && result.call.id).toBe(events[index]?.callId));
    expect(statements()).toBeLessThan(10);
    const { rows } = await database.pool.query("SELECT count(*)::int AS n FROM call_events WHERE call_id LIKE 'batch-a-%'");
    expect(rows[0].n).toBe(60);
  });

  it("puts events of one call in separate statements, and reports a concurrent copy as a duplicate", async () => {
    const { batcher, published } = countingBatcher();
    const start = event("batch-b", "in-progress", 0);
    const end = event("batch-b", "ended", 30);
    const results = await Promise.all([batcher.record(start, {}), batcher.record(end, {}), batcher.record(start, {}), batcher.record(end, {})]);
    expect(results.map((result) => result.outcome).sort()).toEqual(["duplicate", "duplicate", "stored", "stored"]);
    // Each stored change is announced once, after its commit; the duplicates change nothing and announce nothing.
    expect(published.map((call) => call.status).sort()).toEqual(["ended", "in-progress"]);
    expect(published.map((call) => call.version)).toEqual(published.map((call) => call.version).sort((a, b) => a - b));
    const { rows } = await database.pool.query("SELECT status, started_at, ended_at FROM calls WHERE id = 'batch-b'");
    expect(rows[0]).toEqual({ status: "ended", started_at: start.occurredAt, ended_at: end.occurredAt });
  });

  it("fails only the event the database refuses, not its neighbours", async () => {
    const { batcher } = countingBatcher();
    const good = Array.from({ length: 5 }, (_, index) => event(`batch-c-${index}`, "ended", index));
    const bad = { ...event("batch-c-bad", "ended", 9), status: "exploded" } as unknown as FlireoCallEvent;
    const settled = await Promise.allSettled([...good, bad].map((e) => batcher.record(e, {})));
    expect(settled.slice(0, 5).map((result) => result.status)).toEqual(Array(5).fill("fulfilled"));
    expect(settled[5]?.status).toBe("rejected");
    const { rows } = await database.pool.query("SELECT count(*)::int AS n FROM calls WHERE id LIKE 'batch-c-%'");
    expect(rows[0].n).toBe(5);
  });

  it("with several statements in flight, settles interleaved calls without deadlock, as if one at a time", async () => {
    const { batcher, statements } = countingBatcher({ maxInFlight: 4 });
    const calls = Array.from({ length: 20 }, (_, index) => `batch-d-${String(index).padStart(2, "0")}`);
    // Every call gets a start and an end, arriving interleaved and reversed, so statements in flight share calls.
    const events = calls.flatMap((id, index) => [event(id, "ended", 40 + index), event(calls[19 - index]!, "in-progress", index)]);
    const results = await Promise.all(events.map((e) => batcher.record(e, {})));
    expect(results.every((result) => result.outcome === "stored")).toBe(true);
    expect(statements()).toBeGreaterThan(1);
    const { rows } = await database.pool.query("SELECT id, status FROM calls WHERE id LIKE 'batch-d-%' ORDER BY id");
    expect(rows).toEqual(calls.map((id) => ({ id, status: "ended" })));
  });
});
