// Against a real database: the log's queue, its listing and counts, and pruning in batches.
import { beforeAll, describe, expect, it } from "vitest";
import { createLifecycle } from "@/lib/observability/lifecycle";
import { logger } from "@/lib/observability/logger";
import { useTestDatabase } from "@/lib/testing/use-test-database";
import { countDeliveriesByOutcome, createDeliveryLog, listDeliveries, pruneDeliveries, type DeliveryLog } from "./delivery-log";

const database = useTestDatabase();
let log: DeliveryLog;

beforeAll(() => {
  log = createDeliveryLog({ pool: database.pool, logger, lifecycle: createLifecycle() });
});

describe("delivery log", () => {
  it("writes queued deliveries and lists them newest first, clipping long reasons", async () => {
    const base = Date.now();
    for (let i = 0; i < 5; i++) {
      log.record({
        receivedAt: new Date(base + i),
        eventType: "status-update",
        callId: `call-${i}`,
        outcome: i === 4 ? "rejected" : "stored",
        reason: i === 4 ? "x".repeat(2_000) : null,
        statusCode: i === 4 ? 401 : 200,
        durationMs: 1.5,
      });
    }
    await log.flush();
    const all = await listDeliveries(database.prisma, { limit: 10 });
    expect(all.map((delivery) => delivery.callId)).toEqual(["call-4", "call-3", "call-2", "call-1", "call-0"]);
    expect(all[0]?.reason).toHaveLength(500);
    expect(await listDeliveries(database.prisma, { limit: 10, outcome: "rejected" })).toHaveLength(1);
    expect(await countDeliveriesByOutcome(database.prisma)).toEqual({ stored: 4, duplicate: 0, ignored: 0, rejected: 1 });
  });

  it("stores reasons that are cut inside a surrogate pair or hold U+0000, with U+FFFD in their place", async () => {
    await database.prisma.$executeRaw`DELETE FROM webhook_deliveries`;
    const cutInsideEmoji = `${"x".repeat(499)}😀 and more`; // the cut at 500 characters leaves half of the emoji
    for (const [callId, reason] of [["cut", cutInsideEmoji], ["nul", "bad \u0000 byte"]] as const) {
      log.record({ receivedAt: new Date(), eventType: null, callId, outcome: "rejected", reason, statusCode: 400, durationMs: 1 });
    }
    await log.flush();
    const stored = new Map((await listDeliveries(database.prisma, { limit: 10 })).map((delivery) => [delivery.callId, delivery.reason]));
    expect(stored.get("cut")).toBe(`${"x".repeat(499)}\ufffd`);
    expect(stored.get("nul")).toBe("bad \ufffd byte");
  });

  it("prunes rows past the retention time and beyond the row cap, in batches", async () => {
    await database.prisma.$executeRaw`DELETE FROM webhook_deliveries`;
    await database.prisma.$executeRaw`
      INSERT INTO webhook_deliveries (received_at, outcome, status_code, duration_ms)
      SELECT now() - interval '10 days', 'stored', 200, 1 FROM generate_series(1, 250)`;
    await database.prisma.$executeRaw`
      INSERT INTO webhook_deliveries (received_at, outcome, status_code, duration_ms)
      SELECT now(), 'stored', 200, 1 FROM generate_series(1, 120)`;

    expect(await pruneDeliveries(database.prisma, { retentionDays: 7, maxRows: 100_000, batchSize: 100 })).toBe(250);
    expect(await database.prisma.webhookDelivery.count()).toBe(120);

    expect(await pruneDeliveries(database.prisma, { retentionDays: 7, maxRows: 50, batchSize: 30 })).toBe(70);
    const left = await database.prisma.webhookDelivery.findMany({ orderBy: { id: "asc" }, select: { id: true } });
    expect(left).toHaveLength(50);
    const newest = await database.prisma.webhookDelivery.aggregate({ _max: { id: true } });
    expect(left[0]?.id).toBe((newest._max.id ?? 0n) - 49n);
  });
});
