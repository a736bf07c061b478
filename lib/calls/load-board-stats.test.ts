// The board's figures on a real Postgres: what counts today, and that test events do not.
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/lib/testing/use-test-database";
import type { FlireoCallEvent } from "@/lib/calls/call-event";
import { loadBoardStats, MAX_STATS_DAYS } from "./load-board-stats";
import { recordCallEvent } from "./record-call-event";
import { TEST_CALL_ID_PREFIX } from "./test-calls";

const NOW = Date.now();
const database = useTestDatabase();

function statusUpdate(callId: string, status: FlireoCallEvent["status"], secondsAgo: number, error: string | null = null): FlireoCallEvent {
  return {
    type: "status-update",
    callId,
    occurredAt: new Date(NOW - secondsAgo * 1_000),
    status,
    callType: "inbound",
    lineNumber: "+31201234567",
    lineName: "Support",
    customerNumber: "+31612345678",
    error,
    endReason: null,
    metadata: null,
    report: null,
  };
}

describe("loadBoardStats", () => {
  it("counts today's calls, ends and errors, and leaves test events out of every figure", async () => {
    const since = new Date(NOW - 3_600_000);
    await recordCallEvent(database.pool, statusUpdate("real-1", "in-progress", 120), {});
    await recordCallEvent(database.pool, statusUpdate("real-1", "ended", 60), {});
    await recordCallEvent(database.pool, statusUpdate("real-2", "in-progress", 90), {});
    await recordCallEvent(database.pool, statusUpdate("real-2", "ended-with-error", 30, "STT connection failed"), {});
    for (const status of ["in-progress", "ended-with-error"] as const) {
      await recordCallEvent(database.pool, statusUpdate(`${TEST_CALL_ID_PREFIX}1`, status, status === "in-progress" ? 50 : 10, "Test failure"), {});
    }

    const stats = await loadBoardStats(database.prisma, since);
    expect(stats).toMatchObject({ callsToday: 2, endedToday: 2, errorsToday: 1, averageDurationSeconds: 60 });
    expect(stats.perMinute.reduce((sum, minute) => sum + minute.calls, 0)).toBe(2);
    expect(stats.perMinute.reduce((sum, minute) => sum + minute.errors, 0)).toBe(1);
    expect(stats.errorGroups.map((group) => group.error)).toEqual(["STT connection failed"]);
  });

  it("reaches back at most MAX_STATS_DAYS, whatever since asks for, and says so", async () => {
    const limit = MAX_STATS_DAYS * 24 * 60 * 60 * 1000;
    const before = Date.now();
    const stats = await loadBoardStats(database.prisma, new Date("2000-01-01T00:00:00Z"));
    const since = new Date(stats.since).getTime();
    expect(since).toBeGreaterThanOrEqual(before - limit);
    expect(since).toBeLessThanOrEqual(Date.now() - limit);
    const recent = new Date(Date.now() - 60_000);
    expect((await loadBoardStats(database.prisma, recent)).since).toBe(recent.toISOString());
  });
});
