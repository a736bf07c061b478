// Property-based, against a real Postgres: whatever order a call's events arrive in, with redeliveries, one after
// another, all at once or grouped by the batcher, the call ends up the same, a late in-progress never revives it, and its timeline lists
// the events in the order they happened.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/lib/testing/use-test-database";
import { eventDedupeKey, type CallType, type FlireoCallEvent, type TranscriptMessage } from "@/lib/calls/call-event";
import { createCallRecorder } from "./call-recorder";
import { listCallEvents } from "./list-call-events";
import { PayloadText, recordCallEvent } from "./record-call-event";

const database = useTestDatabase();

const BASE = Date.UTC(2026, 10, 27, 9, 0, 0);

/** A call's details as one event gives them; events may disagree, or leave some out, as Flireo's variants do. */
type CallFacts = { callType: CallType | null; lineNumber: string | null; lineName: string | null; customerNumber: string | null; metadata: Record<string, unknown> | null };

const callFacts: fc.Arbitrary<CallFacts> = fc.record({
  callType: fc.constantFrom<CallType | null>("inbound", "outbound", "web", null),
  lineNumber: fc.constantFrom("+31201234567", "+31207654321", null),
  lineName: fc.constantFrom("Main line", "Sales line", null),
  customerNumber: fc.constantFrom("+31612345678", "+31687654321", null),
  metadata: fc.constantFrom({ crm: "hubspot" }, { crm: "salesforce" }, null),
});

function statusUpdate(facts: CallFacts, status: FlireoCallEvent["status"], atSeconds: number, extra: Partial<FlireoCallEvent> = {}): Omit<FlireoCallEvent, "callId"> {
  return {
    type: "status-update",
    occurredAt: new Date(BASE + atSeconds * 1000),
    status,
    callType: facts.callType,
    lineNumber: facts.lineNumber,
    lineName: facts.lineName,
    customerNumber: facts.customerNumber,
    error: null,
    endReason: null,
    metadata: facts.metadata,
    report: null,
    ...extra,
  };
}

/** One end-of-call report's parts; a call may get more than one (a corrected report), each may leave parts out. */
const reportParts = fc.record({
  at: fc.integer({ min: 0, max: 600 }),
  facts: callFacts,
  durationSeconds: fc.constantFrom(123.5, 61, null),
  summary: fc.constantFrom("Asked for opening hours.", "Asked for the address.", null),
  analysis: fc.constantFrom({ intent: "hours" }, { intent: "address" }, null),
  transcript: fc.constantFrom<TranscriptMessage[] | null>([{ role: "user", content: "When are you open?" }], [{ role: "user", content: "Where are you?" }], null),
  recordingUrl: fc.constantFrom("https://recordings.example.test/1.wav", "https://recordings.example.test/2.wav", null),
  startedAt: fc.option(fc.integer({ min: 0, max: 600 })),
});

/**
 * One call's distinct events: in-progress updates, at most one `ended` and one `ended-with-error` (the latter with
 * its error text), up to two end-of-call reports; each event with its own details. Times may tie, to exercise the
 * tie-breaks.
 */
const callEvents = fc
  .record({
    inProgress: fc.uniqueArray(fc.record({ at: fc.integer({ min: 0, max: 600 }), facts: callFacts }), { minLength: 0, maxLength: 3, selector: (event) => event.at }),
    ended: fc.option(fc.record({ at: fc.integer({ min: 0, max: 600 }), facts: callFacts })),
    error: fc.option(fc.record({ at: fc.integer({ min: 0, max: 600 }), facts: callFacts })),
    reports: fc.uniqueArray(reportParts, { minLength: 0, maxLength: 2, selector: (report) => report.at }),
    endReasons: fc.boolean(),
  })
  .map((input) => {
    const events: Omit<FlireoCallEvent, "callId">[] = input.inProgress.map(({ at, facts }) => statusUpdate(facts, "in-progress", at));
    if (input.ended !== null) {
      events.push(statusUpdate(input.ended.facts, "ended", input.ended.at, { endReason: input.endReasons ? "customer-ended-call" : null }));
    }
    if (input.error !== null) {
      events.push(statusUpdate(input.error.facts, "ended-with-error", input.error.at, { error: "STT connection failed", endReason: input.endReasons ? "pipeline-error" : null }));
    }
    for (const report of input.reports) {
      events.push({
        ...statusUpdate(report.facts, "ended", report.at),
        type: "end-of-call-report",
        endReason: "user_hangup",
        report: {
          durationSeconds: report.durationSeconds,
          summary: report.summary,
          analysis: report.analysis,
          transcript: report.transcript,
          recordingUrl: report.recordingUrl,
          startedAt: report.startedAt === null ? null : new Date(BASE + report.startedAt * 1000),
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

/** Every column of the call, but its id and the bookkeeping that differs between any two calls. */
async function loadCall(callId: string): Promise<Record<string, unknown>> {
  const { rows } = await database.pool.query<Record<string, unknown>>("SELECT * FROM calls WHERE id = $1", [callId]);
  expect(rows).toHaveLength(1);
  const { id: _id, version: _version, created_at: _created, updated_at: _updated, ...columns } = rows[0] ?? {};
  return columns;
}

/** Each detail's value as of the latest event that carried one, by the events' own times. */
const DETAILS: Record<string, (event: Omit<FlireoCallEvent, "callId">) => unknown> = {
  call_type: (event) => event.callType,
  line_number: (event) => event.lineNumber,
  line_name: (event) => event.lineName,
  customer_number: (event) => event.customerNumber,
  metadata: (event) => event.metadata,
  duration_seconds: (event) => event.report?.durationSeconds ?? null,
  summary: (event) => event.report?.summary ?? null,
  analysis: (event) => event.report?.analysis ?? null,
  transcript: (event) => event.report?.transcript ?? null,
  recording_url: (event) => event.report?.recordingUrl ?? null,
};

/** The latest carrier's value; undefined when carriers tie on time with different values (the value breaks it). */
function latestValue(events: Omit<FlireoCallEvent, "callId">[], read: (event: Omit<FlireoCallEvent, "callId">) => unknown): unknown {
  const carriers = events.map((event) => ({ at: event.occurredAt.getTime(), value: read(event) })).filter((carrier) => carrier.value !== null);
  if (carriers.length === 0) return null;
  const latest = Math.max(...carriers.map((carrier) => carrier.at));
  const top = carriers.filter((carrier) => carrier.at === latest);
  return new Set(top.map((carrier) => JSON.stringify(carrier.value))).size === 1 ? top[0]?.value : undefined;
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

        // Each detail comes from the latest event that carried one, by its own time, not by arrival.
        for (const [column, read] of Object.entries(DETAILS)) {
          const expected = latestValue(distinct, read);
          if (expected !== undefined) expect(a[column], column).toEqual(expected);
        }

        // A terminal event, whenever it arrived, settles the call; a late in-progress never revives it.
        const terminal = distinct.filter((event) => event.status !== "in-progress");
        if (terminal.length > 0) expect(a.status).not.toBe("in-progress");
        else expect(a.status).toBe("in-progress");
        if (distinct.some((event) => event.status === "ended-with-error")) expect(a.error).toBe("STT connection failed");

        // The timeline: each distinct event once, in the order it happened.
        const { events: timeline } = await listCallEvents(database.prisma, concurrent);
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
    const inProgress = statusUpdate(facts, "in-progress", 500);
    const ended = statusUpdate(facts, "ended", 100);
    // The in-progress happened later by its timestamp, yet an ended call stays ended.
    await recordCallEvent(database.pool, { ...ended, callId }, ended);
    await recordCallEvent(database.pool, { ...inProgress, callId }, inProgress);
    expect(await loadCall(callId)).toMatchObject({ status: "ended", ended_at: new Date(BASE + 100_000), started_at: new Date(BASE + 500_000) });

    const report = { ...statusUpdate(facts, "ended", 100), type: "end-of-call-report" as const };
    const failed = statusUpdate(facts, "ended-with-error", 100, { error: "LLM timeout" });
    const other = nextCallId();
    await recordCallEvent(database.pool, { ...failed, callId: other }, failed);
    await recordCallEvent(database.pool, { ...report, callId: other }, report);
    expect(await loadCall(other)).toMatchObject({ status: "ended-with-error", error: "LLM timeout" });
  });

  it("stores a payload given as its JSON text as that JSON, every digit of a number kept", async () => {
    const facts: CallFacts = { callType: "inbound", lineNumber: null, lineName: null, customerNumber: null, metadata: null };
    const callId = nextCallId();
    const event = statusUpdate(facts, "in-progress", 10);
    const text = '{"message": {"type": "status-update", "big": 123456789012345678901234567890, "s": "één \\\\u0000"}}';
    await recordCallEvent(database.pool, { ...event, callId }, new PayloadText(text));
    const { rows } = await database.pool.query("SELECT payload, payload->'message'->>'big' AS big FROM call_events WHERE call_id = $1", [callId]);
    expect(rows[0].payload).toEqual(JSON.parse(text));
    expect(rows[0].big).toBe("123456789012345678901234567890");
  });
});
