// The board's figures on a real Postgres: what counts today, and that test events do not.
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/lib/testing/use-test-database";
import type { FlireoCallEvent } from "@/lib/calls/call-event";
import { loadBoardStats, MAX_STATS_DAYS } from "./load-board-stats";
import { recordCallEvent } from "./record-call-event";
import { TEST_CALL_ID_PREFIX } from "./test-calls";
import { statsFilterSql } from "./stats-filter-sql";
import { compileCallFilter, EMPTY_FILTER, type CallFilter } from "@/lib/shared/calls/call-filter";

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

  it("follows the board's filters: line, number, status and error text narrow every figure", async () => {
    const since = new Date(NOW - 3_600_000);
    const watched = "+31307770001";
    const other = "+31307770002";
    const record = (callId: string, line: string, customer: string, status: FlireoCallEvent["status"], secondsAgo: number, error: string | null = null) =>
      recordCallEvent(database.pool, { ...statusUpdate(callId, status, secondsAgo, error), lineNumber: line, customerNumber: customer }, {});
    await record("filter-1", watched, "+31611110001", "in-progress", 300);
    await record("filter-1", watched, "+31611110001", "ended-with-error", 200, "Transfer failed");
    await record("filter-2", watched, "+31611110002", "in-progress", 300);
    await record("filter-2", watched, "+31611110002", "ended", 100);
    await record("filter-3", other, "+31611110003", "in-progress", 300);
    await record("filter-3", other, "+31611110003", "ended-with-error", 100, "LLM timeout");
    await record("filter-4", other, "+31611110004", "in-progress", 300);
    await record("filter-4", other, "+31611110004", "ended-with-error", 100, null);

    const statsFor = (filter: Partial<CallFilter>) => loadBoardStats(database.prisma, since, statsFilterSql(compileCallFilter({ ...EMPTY_FILTER, ...filter }, "NL"), NOW));
    const line = await statsFor({ line: watched });
    expect(line).toMatchObject({ callsToday: 2, endedToday: 2, errorsToday: 1 });
    expect(line.errorGroups.map((group) => group.error)).toEqual(["Transfer failed"]);
    expect(line.perMinute.reduce((sum, minute) => sum + minute.calls, 0)).toBe(2);

    expect(await statsFor({ q: "06 1111 0003" })).toMatchObject({ callsToday: 1, errorsToday: 1 });
    expect(await statsFor({ q: "11110004" })).toMatchObject({ callsToday: 1, errorsToday: 1 });
    expect(await statsFor({ line: watched, status: "ended" })).toMatchObject({ callsToday: 1, endedToday: 1, errorsToday: 0 });
    const byError = await statsFor({ error: "LLM timeout" });
    expect(byError).toMatchObject({ callsToday: 1, errorsToday: 1 });
    expect(byError.errorGroups.map((group) => group.error)).toEqual(["LLM timeout"]);
    expect((await statsFor({ line: other, error: "Unknown error" })).errorGroups).toEqual([{ error: "Unknown error", lastHour: 1, lastDay: 1 }]);
  });
});
