// The alert tables straight through Prisma on a real Postgres: the outbox trigger, the evaluator's cooldown
// bookkeeping, and retention.
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/lib/testing/use-test-database";
import { pruneAlerts } from "./alert-deliveries";
import { evaluatePendingErrors, sendDueSummaries } from "./evaluate-alert-errors";

const database = useTestDatabase();

const daysAgo = (days: number) => new Date(Date.now() - days * 24 * 60 * 60 * 1000);

async function alertWithDelivery(createdAt: Date, state: "sent" | "failed" | "pending"): Promise<bigint> {
  const alert = await database.prisma.alert.create({
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
  await database.prisma.call.create({ data: { id: callId, status: "ended", statusRank: 2, statusAt: at, firstEventAt: at, lastEventAt: at } });
  await database.prisma.alertError.create({ data: { callId, recordedAt, processedAt } });
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

    expect(await pruneAlerts(database.prisma, { retentionDays: 30, batchSize: 1 })).toBe(2);

    const alerts = (await database.prisma.alert.findMany({ select: { id: true } })).map((alert) => alert.id);
    expect(alerts.sort()).toEqual([oldPending, recent].sort());
    expect(alerts).not.toContain(old);
    expect(alerts).not.toContain(oldFailed);
    expect(await database.prisma.alertDelivery.count()).toBe(2);
    const errors = (await database.prisma.alertError.findMany({ select: { callId: true } })).map((row) => row.callId).sort();
    expect(errors).toEqual(["old-unprocessed", "recent-processed"]);
  });
});

describe("the outbox and the evaluator", () => {
  async function endCall(id: string, status: "ended" | "ended-with-error", error: string | null): Promise<void> {
    const at = new Date();
    await database.prisma.call.upsert({
      where: { id },
      create: { id, status, error, statusRank: 2, statusAt: at, firstEventAt: at, lastEventAt: at },
      update: { status, error },
    });
  }

  it("records a call once when it turns ended-with-error, by insert or by update, and not otherwise", async () => {
    await endCall("outbox-ok", "ended", null);
    await endCall("outbox-direct", "ended-with-error", "boom");
    await endCall("outbox-late", "ended", null);
    await endCall("outbox-late", "ended-with-error", "late boom");
    await endCall("outbox-late", "ended-with-error", "late boom, again");
    const rows = await database.prisma.alertError.findMany({ where: { callId: { startsWith: "outbox-" } }, orderBy: { id: "asc" } });
    expect(rows.map((row) => row.callId)).toEqual(["outbox-direct", "outbox-late"]);
  });

  it("raises one alert for errors evaluated in one batch and holds the rest back behind its cooldown", async () => {
    await evaluatePendingErrors(database.prisma);
    const rule = await database.prisma.alertRule.create({
      data: { name: "batch", kind: "each-error", errorContains: "batch-token", cooldownSeconds: 60, destinations: { create: { kind: "slack", url: "https://hooks.example.test/x" } } },
    });
    for (let index = 0; index < 5; index++) await endCall(`batch-${index}`, "ended-with-error", `batch-token ${index}`);
    expect(await evaluatePendingErrors(database.prisma)).toBe(5);
    expect(await database.prisma.alert.count({ where: { ruleId: rule.id } })).toBe(1);
    const after = await database.prisma.alertRule.findUniqueOrThrow({ where: { id: rule.id } });
    expect(after).toMatchObject({ suppressedCount: 4, lastSuppressedCallId: "batch-4" });
    expect(after.lastFiredAt).toBeInstanceOf(Date);
    expect(after.cooldownUntil?.getTime()).toBeGreaterThan(Date.now() + 50_000);
    expect(await sendDueSummaries(database.prisma)).toBe(0);
  });

  it("holds an error back while a summary is due, so the summary counts it instead of a second alert", async () => {
    await evaluatePendingErrors(database.prisma);
    const rule = await database.prisma.alertRule.create({
      data: {
        name: "storm",
        kind: "each-error",
        errorContains: "storm-token",
        cooldownSeconds: 60,
        // The cooldown has just ended with five errors held back; its summary has not gone out yet.
        cooldownUntil: new Date(Date.now() - 1_000),
        suppressedCount: 5,
        suppressedSince: new Date(Date.now() - 61_000),
        destinations: { create: { kind: "slack", url: "https://hooks.example.test/x" } },
      },
    });
    await endCall("storm-late", "ended-with-error", "STORM-TOKEN timeout");
    expect(await evaluatePendingErrors(database.prisma)).toBe(1);
    expect(await database.prisma.alert.count({ where: { ruleId: rule.id } })).toBe(0);
    expect(await sendDueSummaries(database.prisma)).toBe(1);

    const alerts = await database.prisma.alert.findMany({ where: { ruleId: rule.id }, include: { deliveries: true } });
    expect(alerts).toHaveLength(1);
    expect(alerts[0]?.content).toMatchObject({ kind: "summary", suppressedCount: 6, lastCall: { id: "storm-late", error: "STORM-TOKEN timeout" } });
    expect(alerts[0]?.deliveries.map((delivery) => delivery.state)).toEqual(["pending"]);
    const after = await database.prisma.alertRule.findUniqueOrThrow({ where: { id: rule.id } });
    expect(after).toMatchObject({ suppressedCount: 0, suppressedSince: null });
    expect(after.cooldownUntil?.getTime()).toBeGreaterThan(Date.now() + 50_000);
  });
});
