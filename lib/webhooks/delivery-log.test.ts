// Against a real database: the log's queue, its listing and counts, pruning in batches, and refusals aggregated
// under a flood.
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
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

describe("refusals before a webhook is read", () => {
  const OVERLOADED = "Callboard is already handling 2 webhooks; retry in 1 s.";
  const RATE_LIMITED = "Too many webhooks from this address; retry in 20 s.";
  let started: number;

  beforeEach(async () => {
    await database.prisma.$executeRaw`DELETE FROM webhook_deliveries`;
    // Only the clock is moved by hand: the log's timers and the database's stay real.
    vi.useFakeTimers({ toFake: ["Date"] });
    started = Date.now();
  });
  // Each test's logs end as at shutdown, so that no window's timer writes into the next test's rows.
  const opened: { log: DeliveryLog; lifecycle: ReturnType<typeof createLifecycle> }[] = [];
  afterEach(async () => {
    vi.useRealTimers();
    for (const { log: opening, lifecycle } of opened.splice(0)) {
      lifecycle.markShuttingDown();
      await opening.flush();
    }
  });

  const refusalLog = (lifecycle = createLifecycle()) => {
    const created = createDeliveryLog({ pool: database.pool, logger, lifecycle });
    opened.push({ log: created, lifecycle });
    return created;
  };
  const refuse = (into: DeliveryLog, times: number, statusCode: number, reason: string) => {
    for (let i = 0; i < times; i++) into.recordRefusal(statusCode, reason);
  };
  const rows = async () =>
    (
      await database.pool.query<{ statusCode: number; count: number; reason: string; outcome: string }>(
        `SELECT status_code AS "statusCode", count, reason, outcome FROM webhook_deliveries ORDER BY id`,
      )
    ).rows;

  it("logs the first ten of a window one by one, and the rest as one row with its count when the window ends", async () => {
    const flooded = refusalLog();
    refuse(flooded, 25, 503, OVERLOADED);
    await flooded.flush();
    // The window is still open: its overflow is counted, not written.
    expect(await rows()).toEqual(Array(10).fill({ statusCode: 503, count: 1, reason: OVERLOADED, outcome: "rejected" }));

    // The next refusal after the window's 10 s closes it: the 15 counted become one row, and a new window begins.
    vi.setSystemTime(started + 10_000);
    refuse(flooded, 1, 503, OVERLOADED);
    await flooded.flush();
    const written = await rows();
    expect(written).toHaveLength(12);
    expect(written[10]).toEqual({ statusCode: 503, count: 15, reason: `15 more webhook(s) refused like this within 10 s: ${OVERLOADED}`, outcome: "rejected" });
    expect(written[11]).toEqual({ statusCode: 503, count: 1, reason: OVERLOADED, outcome: "rejected" });
    expect(written.reduce((sum, row) => sum + row.count, 0)).toBe(26);
  });

  it("keeps a window per status: a flood of 503s does not hide the 429s", async () => {
    const flooded = refusalLog();
    refuse(flooded, 30, 503, OVERLOADED);
    refuse(flooded, 3, 429, RATE_LIMITED);
    await flooded.flush();
    const written = await rows();
    expect(written.filter((row) => row.statusCode === 503)).toHaveLength(10);
    expect(written.filter((row) => row.statusCode === 429)).toEqual(Array(3).fill({ statusCode: 429, count: 1, reason: RATE_LIMITED, outcome: "rejected" }));
  });

  it("writes the counted row when its window ends even if no refusal follows, and at shutdown at once", async () => {
    const quiet = refusalLog();
    refuse(quiet, 10, 429, RATE_LIMITED);
    // The 11th arrives 50 ms before the window ends: its row is due then, with no refusal after it to close the window.
    vi.setSystemTime(started + 9_950);
    refuse(quiet, 4, 429, RATE_LIMITED);
    await expect.poll(async () => (await rows()).find((row) => row.count > 1), { timeout: 5_000 }).toEqual({
      statusCode: 429,
      count: 4,
      reason: `4 more webhook(s) refused like this within 10 s: ${RATE_LIMITED}`,
      outcome: "rejected",
    });

    await database.prisma.$executeRaw`DELETE FROM webhook_deliveries`;
    const lifecycle = createLifecycle();
    const stopping = refusalLog(lifecycle);
    refuse(stopping, 13, 503, OVERLOADED);
    lifecycle.markShuttingDown();
    await stopping.flush();
    const written = await rows();
    expect(written).toHaveLength(11);
    expect(written.at(-1)).toMatchObject({ statusCode: 503, count: 3 });
  });
});
