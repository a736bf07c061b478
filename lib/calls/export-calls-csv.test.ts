// Integration against a real Postgres: the CSV export pages through calls in an order ingestion cannot change.
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/lib/testing/use-test-database";
import { parseFlireoPayload } from "@/lib/webhooks/parse-flireo-payload";
import { camelStatusUpdate, newCallId } from "@/lib/testing/flireo-payloads";
import { EMPTY_FILTER, parseCallFilter } from "@/lib/shared/calls/call-filter";
import { exportCallsCsv, exportFileName } from "./export-calls-csv";
import { recordCallEvent } from "./record-call-event";

const database = useTestDatabase();

async function record(payload: ReturnType<typeof camelStatusUpdate>): Promise<void> {
  const parsed = parseFlireoPayload(payload);
  if (parsed.kind !== "event") throw new Error("not an event");
  await recordCallEvent(database.pool, parsed.event, payload);
}

function exportedIds(chunks: string[]): string[] {
  return chunks
    .join("")
    .trim()
    .split("\r\n")
    .slice(1)
    .map((line) => JSON.parse(line.slice(0, line.indexOf(","))) as string);
}

describe("exportCallsCsv", () => {
  it("writes every call once, newest stored first, while events move calls' start times between its pages", async () => {
    const line = `+3120${Date.now().toString().slice(-7)}`;
    const ids: string[] = [];
    for (let index = 0; index < 5; index += 1) {
      const callId = newCallId();
      ids.push(callId);
      await record(camelStatusUpdate({ callId, status: "in-progress", lineNumber: line, timestamp: new Date(Date.now() - 60_000 + index * 1000) }));
    }
    const filter = parseCallFilter(new URLSearchParams({ line, range: "all" }));
    const chunks: string[] = [];
    const rows = exportCallsCsv(database.prisma, filter, { pageSize: 2 });
    chunks.push((await rows.next()).value as string, (await rows.next()).value as string);

    // The newest call, already written, gets an event from long before the others' start: ordered by start time it
    // would now come last and be written again; a call stored meanwhile is not part of this export's order either way.
    await record(camelStatusUpdate({ callId: ids[4], status: "in-progress", lineNumber: line, timestamp: new Date(Date.now() - 3_600_000) }));
    for await (const chunk of rows) chunks.push(chunk);

    expect(exportedIds(chunks)).toEqual([...ids].reverse());
  });

  it("gives up on a page that waits past its statement timeout, instead of holding a connection", async () => {
    const blocker = await database.pool.connect();
    try {
      await blocker.query("BEGIN");
      await blocker.query("LOCK TABLE calls IN ACCESS EXCLUSIVE MODE");
      const rows = exportCallsCsv(database.prisma, parseCallFilter(new URLSearchParams({ range: "all" })), { statementTimeoutMs: 300 });
      expect((await rows.next()).value).toMatch(/^\uFEFF"id",/);
      await expect(rows.next()).rejects.toThrow(/statement timeout/);
    } finally {
      await blocker.query("ROLLBACK");
      blocker.release();
    }
    const rows = exportCallsCsv(database.prisma, parseCallFilter(new URLSearchParams({ range: "all" })), { statementTimeoutMs: 300 });
    const chunks: string[] = [];
    for await (const chunk of rows) chunks.push(chunk);
    expect(exportedIds(chunks).length).toBeGreaterThan(0);
  });
});

describe("exportFileName", () => {
  // 23:30 UTC on the 27th is already the 28th in Amsterdam.
  const now = new Date("2026-11-27T23:30:00.000Z");

  it("names the reader's day and every filter that made the file", () => {
    expect(exportFileName(EMPTY_FILTER, "Europe/Amsterdam", now)).toBe("callboard-calls-2026-11-28.csv");
    expect(exportFileName(EMPTY_FILTER, "UTC", now)).toBe("callboard-calls-2026-11-27.csv");
    expect(exportFileName({ q: "06 1234", line: "+31201234567", status: "error", range: "24h", error: "LLM timeout: 30 s" }, "Europe/Amsterdam", now)).toBe(
      "callboard-calls-2026-11-28-line-31201234567-number-06-1234-errors-error-llm-timeout-30-s-last-24h.csv",
    );
  });

  it("keeps hostile text out of the name", () => {
    const name = exportFileName({ ...EMPTY_FILTER, error: '"; rm -rf / ../../etc\r\nX-Evil: 1' }, "UTC", now);
    expect(name).toMatch(/^[a-z0-9-]+\.csv$/);
  });
});
