import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/lib/testing/use-test-database";
import type { FlireoCallEvent } from "@/lib/calls/call-event";
import { findLineName, findLines } from "./find-board-calls";
import { recordCallEvent } from "./record-call-event";

const database = useTestDatabase();

function callOnLine(callId: string, minutesAgo: number, lineNumber: string, lineName: string | null): FlireoCallEvent {
  return {
    type: "status-update",
    callId,
    occurredAt: new Date(Date.now() - minutesAgo * 60_000),
    status: "in-progress",
    callType: "inbound",
    lineNumber,
    lineName,
    customerNumber: "+31612345678",
    error: null,
    endReason: null,
    metadata: null,
    report: null,
  };
}

describe("findLines", () => {
  it("names each line after its latest call that carried a name, not one that came without (legacy payloads)", async () => {
    const events = [
      callOnLine("line-a-1", 30, "+31201234567", "Support (old name)"),
      callOnLine("line-a-2", 20, "+31201234567", "Support NL"),
      callOnLine("line-a-3", 10, "+31201234567", null),
      callOnLine("line-b-1", 5, "+31851234567", null),
      // The test event's line is not a line callers call: it stays out of the filter.
      callOnLine("callboard-test-1", 1, "+31850000000", "Callboard test event"),
    ];
    for (const event of events) await recordCallEvent(database.pool, event, {});

    expect(await findLines(database.prisma)).toEqual([
      { number: "+31851234567", name: null },
      { number: "+31201234567", name: "Support NL" },
    ]);
    expect(await findLineName(database.prisma, "+31201234567")).toBe("Support NL");
    expect(await findLineName(database.prisma, "+31851234567")).toBeNull();
    expect(await findLineName(database.prisma, "+31000000000")).toBeNull();
  });
});
