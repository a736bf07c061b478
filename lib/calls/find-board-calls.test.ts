import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, type Database } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/db/generated/client";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-postgres";
import type { FlireoCallEvent } from "@/lib/calls/call-event";
import { findLineName, findLines } from "./find-board-calls";
import { recordCallEvent } from "./record-call-event";

let database: TestDatabase;
let prisma: PrismaClient;
let pool: Database["pool"];

beforeAll(async () => {
  database = await createTestDatabase();
  ({ prisma, pool } = createDatabase(database.url));
});

afterAll(async () => {
  await prisma?.$disconnect();
  await database?.drop();
});

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
    ];
    for (const event of events) await recordCallEvent(pool, event, {});

    expect(await findLines(prisma)).toEqual([
      { number: "+31851234567", name: null },
      { number: "+31201234567", name: "Support NL" },
    ]);
    expect(await findLineName(prisma, "+31201234567")).toBe("Support NL");
    expect(await findLineName(prisma, "+31851234567")).toBeNull();
    expect(await findLineName(prisma, "+31000000000")).toBeNull();
  });
});
