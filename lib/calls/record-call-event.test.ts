// Property-based, against a real Postgres: whatever order a call's events arrive in, with redeliveries, one after
// another, all at once or grouped by the batcher, the call ends up the same, a late in-progress never revives it, and its timeline lists
// the events in the order they happened.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/lib/testing/use-test-database";
import { eventDedupeKey, type CallType, type FlireoCallEvent } from "@/lib/calls/call-event";
import { createCallRecorder } from "./call-recorder";
import { listCallEvents } from "./list-call-events";
import { PayloadText, recordCallEvent } from "./record-call-event";

const database = useTestDatabase();

const BASE = Date.UTC(2026, 10, 27, 9, 0, 0);

/** What stays the same across one call's events; each event may or may not carry it, as Flireo's variants do. */
type CallFacts = { callType: CallType | null; lineNumber: string | null; lineName: string | null; customerNumber: string | null; metadata: Record<string, unknown> | null };

const callFacts: fc.Arbitrary<CallFacts> = fc.record({
  callType: fc.constantFrom<CallType | null>("inbound", "outbound", "web", null),
  lineNumber: fc.constantFrom("+31201234567", null),
  lineName: fc.constantFrom("Main line", null),
  customerNumber: fc.constantFrom("+31612345678", null),
  metadata: fc.constantFrom({ crm: "hubspot" }, null),
});

function statusUpdate(facts: CallFacts, carriesFacts: boolean, status: FlireoCallEvent["status"], atSeconds: number, extra: Partial<FlireoCallEvent> = {}): Omit<FlireoCallEvent, "callId"> {
  return {
    type: "status-update",
    occurredAt: new Date(BASE + atSeconds * 1000),
    status,
    callType: carriesFacts ? facts.callType : null,
    lineNumber: carriesFacts ? facts.lineNumber : null,
    lineName: carriesFacts ? facts.lineName : null,
    customerNumber: carriesFacts ? facts.customerNumber : null,
    error: null,
    endReason: null,
    metadata: carriesFacts ? facts.metadata : null,
    report: null,
    ...extra,
  };
}

/**
 * One call's distinct events: in-progress updates, at most one `ended` and one `ended-with-error` (the latter with
 * its error text), at most one end-of-call report. Times may tie, to exercise the tie-breaks.
 */
const callEvents = fc
  .record({
    facts: callFacts,
    inProgressTimes: fc.uniqueArray(fc.integer({ min: 0, max: 600 }), { minLength: 0, maxLength: 3 }),
    endedAt: fc.option(fc.integer({ min: 0, max: 600 })),
    errorAt: fc.option(fc.integer({ min: 0, max: 600 })),
    reportAt: fc.option(fc.integer({ min: 0, max: 600 })),
    endReasons: fc.boolean(),
    carriesFacts: fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
    reportStartedAt: fc.option(fc.integer({ min: 0, max: 600 })),
  })
  .map((input) => {
    const carries = (index: number) => input.carriesFacts[index] ?? true;
    const events: Omit<FlireoCallEvent, "callId">[] = input.inProgressTimes.map((at, index) => statusUpdate(input.facts, carries(index), "in-progress", at));
    if (input.endedAt !== null) {
      events.push(statusUpdate(input.facts, carries(3), "ended", input.endedAt, { endReason: input.endReasons ? "customer-ended-call" : null }));
    }
    if (input.errorAt !== null) {
      events.push(statusUpdate(input.facts, carries(4), "ended-with-error", input.errorAt, { error: "STT connection failed", endReason: input.endReasons ? "pipeline-error" : null }));
    }
    if (input.reportAt !== null) {
      events.push({
        ...statusUpdate(input.facts, carries(5), "ended", input.reportAt),
        type: "end-of-call-report",
        endReason: "user_hangup",
        report: {
          durationSeconds: 123.5,
          summary: "Asked for opening hours.",
          analysis: { intent: "hours" },
          transcript: [{ role: "user", content: "When are you open?" }],
          recordingUrl: "https://recordings.example.test/1.wav",
          startedAt: input.reportStartedAt === null ? null : new Date(BASE + input.reportStartedAt * 1000),
          endedAt: null,
        },
      });
    }
    return events;
  })
  .filter((events) => events.length > 0);

/** The events with some delivered more than once, in two independent arrival orders. */
const deliveries = callEvents.chain((events) =>
  fc
    .array(fc.nat({ max: events.length - 1 }), { maxLength: 4 })
    .map((repeats) => [...events, ...repeats.map((index) => events[index]!)])
    .chain((withRepeats) =>
      fc.tuple(
        fc.constant(events),
        fc.shuffledSubarray(withRepeats, { minLength: withRepeats.length }),
        fc.shuffledSubarray(withRepeats, { minLength: withRepeats.length }),
      ),
    ),
);

let sequence = 0;
const nextCallId = () => `prop-${process.pid}-${++sequence}`;

const COMPARED = `status, status_rank, status_at, call_type, line_number, line_name, customer_number, started_at, ended_at,
  first_event_at, last_event_at, error, end_reason, duration_seconds, summary, analysis, transcript, recording_url, metadata,
  unresolved_at, unresolved_reason`;

async function loadCall(callId: string): Promise<Record<string, unknown>> {
  const { rows } = await database.pool.query(`SELECT ${COMPARED} FROM calls WHERE id = $1`, [callId]);
  expect(rows).toHaveLength(1);
  return rows[0] as Record<string, unknown>;
}

describe("recordCallEvent (property-based, real Postgres)", () => {
  it("gives the same call for every arrival order, with redeliveries, sequential or concurrent", async () => {
    await fc.assert(
      fc.asyncProperty(deliveries, async ([distinct, orderA, orderB]) => {
        const sequential = nextCallId();
        const outcomes: string[] = [];
        for (const event of orderA) outcomes.push((await recordCallEvent(database.pool, { ...event, callId: sequential }, event)).outcome);
        // Exactly one delivery per distinct event is stored; every other copy is a duplicate.
        expect(outcomes.filter((outcome) => outcome === "stored")).toHaveLength(distinct.length);

        const concurrent = nextCallId();
        const results = await Promise.all(orderB.map((event) => recordCallEvent(database.pool, { ...event, callId: concurrent }, event)));
        expect(results.filter((result) => result.outcome === "stored")).toHaveLength(distinct.length);

        // The path webhooks take: the batcher groups concurrent deliveries into few multi-call statements.
        // Two calls' deliveries interleaved, so statements carry events of both calls at once.
        const batched = nextCallId();
        const batchedToo = nextCallId();
        const batcher = createCallRecorder({ pool: database.pool, prisma: database.prisma, publisher: { publish: () => {} } });
        const interleaved = orderB.flatMap((event, index) => [
          { ...event, callId: batched },
          ...(orderA[index] ? [{ ...orderA[index], callId: batchedToo }] : []),
        ]);
        const batchedResults = await Promise.all(interleaved.map((event) => batcher.record(event, event)));
        expect(batchedResults.filter((result) => result.outcome === "stored")).toHaveLength(2 * distinct.length);

        const a = await loadCall(sequential);
        expect(await loadCall(concurrent)).toEqual(a);
        expect(await loadCall(batched)).toEqual(a);
        expect(await loadCall(batchedToo)).toEqual(a);

        // A terminal event, whenever it arrived, settles the call; a late in-progress never revives it.
        const terminal = distinct.filter((event) => event.status !== "in-progress");
        if (terminal.length > 0) expect(a.status).not.toBe("in-progress");
        else expect(a.status).toBe("in-progress");
        if (distinct.some((event) => event.status === "ended-with-error")) expect(a.error).toBe("STT connection failed");

        // The timeline: each distinct event once, in the order it happened.
        const timeline = await listCallEvents(database.prisma, concurrent);
        expect(timeline).toHaveLength(distinct.length);
        const times = timeline.map((event) => event.occurredAt);
        expect(times).toEqual([...times].sort());
        expect(new Set(timeline.map((event) => `${event.type}|${event.status}|${event.occurredAt}`))).toEqual(
          new Set(distinct.map((event) => eventDedupeKey(event))),
        );
      }),
      { numRuns: 150 },
    );
  }, 120_000);

  it("settles the status on the latest terminal event, an explicit error over a report at the same time", async () => {
    const facts: CallFacts = { callType: "inbound", lineNumber: null, lineName: null, customerNumber: null, metadata: null };
    const callId = nextCallId();
    const inProgress = statusUpdate(facts, true, "in-progress", 500);
    const ended = statusUpdate(facts, true, "ended", 100);
    // The in-progress happened later by its timestamp, yet an ended call stays ended.
    await recordCallEvent(database.pool, { ...ended, callId }, ended);
    await recordCallEvent(database.pool, { ...inProgress, callId }, inProgress);
    expect(await loadCall(callId)).toMatchObject({ status: "ended", ended_at: new Date(BASE + 100_000), started_at: new Date(BASE + 500_000) });

    const report = { ...statusUpdate(facts, true, "ended", 100), type: "end-of-call-report" as const };
    const failed = statusUpdate(facts, true, "ended-with-error", 100, { error: "LLM timeout" });
    const other = nextCallId();
    await recordCallEvent(database.pool, { ...failed, callId: other }, failed);
    await recordCallEvent(database.pool, { ...report, callId: other }, report);
    expect(await loadCall(other)).toMatchObject({ status: "ended-with-error", error: "LLM timeout" });
  });

  it("stores a payload given as its JSON text as that JSON, every digit of a number kept", async () => {
    const facts: CallFacts = { callType: "inbound", lineNumber: null, lineName: null, customerNumber: null, metadata: null };
    const callId = nextCallId();
    const event = statusUpdate(facts, true, "in-progress", 10);
    const text = '{"message": {"type": "status-update", "big": 123456789012345678901234567890, "s": "één \\\\u0000"}}';
    await recordCallEvent(database.pool, { ...event, callId }, new PayloadText(text));
    const { rows } = await database.pool.query("SELECT payload, payload->'message'->>'big' AS big FROM call_events WHERE call_id = $1", [callId]);
    expect(rows[0].payload).toEqual(JSON.parse(text));
    expect(rows[0].big).toBe("123456789012345678901234567890");
  });
});
