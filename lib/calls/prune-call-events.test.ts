// Integration against a real Postgres: old events go, in batches; calls keep their final state.
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/lib/testing/use-test-database";
import { parseFlireoPayload } from "@/lib/webhooks/parse-flireo-payload";
import { camelStatusUpdate, newCallId } from "@/lib/testing/flireo-payloads";
import { pruneCallEvents } from "./prune-call-events";
import { recordCallEvent } from "./record-call-event";

const database = useTestDatabase();

async function record(payload: ReturnType<typeof camelStatusUpdate>): Promise<void> {
  const parsed = parseFlireoPayload(payload);
  if (parsed.kind !== "event") throw new Error("not an event");
  await recordCallEvent(database.pool, parsed.event, payload);
}

describe("pruneCallEvents", () => {
  it("deletes events older than the retention in batches, and leaves the calls as they ended", async () => {
    const oldCalls = Array.from({ length: 7 }, () => newCallId());
    for (const callId of oldCalls) {
      await record(camelStatusUpdate({ callId, status: "in-progress" }));
      await record(camelStatusUpdate({ callId, status: "ended-with-error", error: "LLM timeout" }));
    }
    await database.prisma.$executeRaw`UPDATE call_events SET received_at = now() - interval '40 days'`;
    const recent = newCallId();
    await record(camelStatusUpdate({ callId: recent, status: "in-progress" }));

    const deleted = await pruneCallEvents(database.prisma, { retentionDays: 30, batchSize: 3 });
    expect(deleted).toBe(14);
    expect(await database.prisma.callEvent.count({ where: { callId: { in: oldCalls } } })).toBe(0);
    expect(await database.prisma.callEvent.count({ where: { callId: recent } })).toBe(1);
    const calls = await database.prisma.call.findMany({ where: { id: { in: oldCalls } } });
    expect(calls).toHaveLength(7);
    expect(calls.every((call) => call.status === "ended-with-error" && call.error === "LLM timeout")).toBe(true);

    expect(await pruneCallEvents(database.prisma, { retentionDays: 30 })).toBe(0);
  });
});
