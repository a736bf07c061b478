// Retention of alerts: old alerts and their deliveries go once none is pending; evaluated outbox rows go too.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectDatabase, disconnectDatabase } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/db/generated/client";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-postgres";
import { pruneAlerts } from "./alert-deliveries";

let database: TestDatabase;
let prisma: PrismaClient;

beforeAll(async () => {
  database = await createTestDatabase();
  prisma = connectDatabase(database.url);
});

afterAll(async () => {
  await disconnectDatabase();
  await database?.drop();
});

const daysAgo = (days: number) => new Date(Date.now() - days * 24 * 60 * 60 * 1000);

async function alertWithDelivery(createdAt: Date, state: "sent" | "failed" | "pending"): Promise<bigint> {
  const alert = await prisma.alert.create({
    data: {
      ruleName: "r",
      kind: "error",
      content: {},
      createdAt,
      deliveries: { create: { destinationKind: "webhook", destinationLabel: "example.test", state, createdAt } },
    },
  });
  return alert.id;
}

async function errorRow(callId: string, recordedAt: Date, processedAt: Date | null): Promise<void> {
  const at = recordedAt;
  await prisma.call.create({ data: { id: callId, status: "ended", statusRank: 2, statusAt: at, firstEventAt: at, lastEventAt: at } });
  await prisma.alertError.create({ data: { callId, recordedAt, processedAt } });
}

describe("pruneAlerts", () => {
  it("deletes alerts past the retention unless a delivery is pending, and evaluated outbox rows", async () => {
    const old = await alertWithDelivery(daysAgo(40), "sent");
    const oldFailed = await alertWithDelivery(daysAgo(31), "failed");
    const oldPending = await alertWithDelivery(daysAgo(40), "pending");
    const recent = await alertWithDelivery(daysAgo(2), "sent");
    await errorRow("old-processed", daysAgo(40), daysAgo(40));
    await errorRow("old-unprocessed", daysAgo(40), null);
    await errorRow("recent-processed", daysAgo(0.5), daysAgo(0.5));

    expect(await pruneAlerts(prisma, { retentionDays: 30, batchSize: 1 })).toBe(2);

    const alerts = (await prisma.alert.findMany({ select: { id: true } })).map((alert) => alert.id);
    expect(alerts.sort()).toEqual([oldPending, recent].sort());
    expect(alerts).not.toContain(old);
    expect(alerts).not.toContain(oldFailed);
    expect(await prisma.alertDelivery.count()).toBe(2);
    const errors = (await prisma.alertError.findMany({ select: { callId: true } })).map((row) => row.callId).sort();
    expect(errors).toEqual(["old-unprocessed", "recent-processed"]);
  });
});
