// Integration: every webhook request lands in the delivery log, readable through GET /api/webhooks/deliveries.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { camelStatusUpdate, newCallId, postWebhook } from "@/lib/testing/flireo-payloads";
import { startTestServer, TEST_WEBHOOK_SECRET, type TestServer } from "@/lib/testing/test-server";
import type { DeliveryView } from "@/lib/webhooks/delivery-log";

let server: TestServer;
let db: pg.Pool;

beforeAll(async () => {
  server = await startTestServer();
  db = new pg.Pool({ connectionString: server.database.url });
});

afterAll(async () => {
  await db?.end();
  await server?.stop();
});

type DeliveriesBody = { deliveries: DeliveryView[]; counts: Record<string, number> };

async function getDeliveries(query = ""): Promise<DeliveriesBody> {
  const response = await fetch(`${server.baseUrl}/api/webhooks/deliveries${query}`, { headers: { cookie: await server.adminCookie() } });
  expect(response.status).toBe(200);
  return (await response.json()) as DeliveriesBody;
}

/** The log is written just after each response; wait until it holds `count` rows. */
async function waitForDeliveries(count: number): Promise<DeliveriesBody> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const body = await getDeliveries("?limit=500");
    if (body.deliveries.length >= count || Date.now() > deadline) return body;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("GET /api/webhooks/deliveries", () => {
  it("records stored, duplicate, ignored and rejected requests with reason, status and handling time", async () => {
    const callId = newCallId();
    const payload = camelStatusUpdate({ callId, status: "in-progress" });
    const send = (body: unknown, options: { secret?: string | null; headers?: Record<string, string> } = { secret: TEST_WEBHOOK_SECRET }) =>
      postWebhook(server.baseUrl, body, options);
    expect((await send(payload)).status).toBe(200);
    expect((await send(payload)).status).toBe(200);
    expect((await send({ message: { type: "tool-calls", timestamp: new Date().toISOString(), call: { id: callId } } })).status).toBe(200);
    expect((await send(payload, { secret: null })).status).toBe(401);
    expect((await send("{nope", { secret: TEST_WEBHOOK_SECRET })).status).toBe(400);
    expect((await send(payload, { secret: TEST_WEBHOOK_SECRET, headers: { "content-type": "text/plain" } })).status).toBe(415);

    const { deliveries, counts } = await waitForDeliveries(6);
    expect(counts).toEqual({ stored: 1, duplicate: 1, ignored: 1, rejected: 3 });
    expect(deliveries).toHaveLength(6);
    for (const delivery of deliveries) {
      expect(Object.keys(delivery).sort()).toEqual(["callId", "count", "durationMs", "eventType", "id", "outcome", "reason", "receivedAt", "statusCode"]);
      // Each request read is a row of its own; only refusals under a flood share one (overload.test.ts).
      expect(delivery.count).toBe(1);
      expect(typeof delivery.id).toBe("string");
      expect(new Date(delivery.receivedAt).toISOString()).toBe(delivery.receivedAt);
      expect(delivery.durationMs).toBeGreaterThanOrEqual(0);
    }
    const byStatus = (status: number) => deliveries.filter((delivery) => delivery.statusCode === status);
    expect(byStatus(200).map((delivery) => delivery.outcome).sort()).toEqual(["duplicate", "ignored", "stored"]);
    expect(deliveries.find((delivery) => delivery.outcome === "stored")).toMatchObject({ eventType: "status-update", callId, reason: null });
    expect(deliveries.find((delivery) => delivery.outcome === "ignored")).toMatchObject({ eventType: "tool-calls", callId, reason: expect.stringContaining("tool-calls") });
    expect(byStatus(401)[0]).toMatchObject({ outcome: "rejected", reason: expect.stringContaining("X-Webhook-Signature") });
    expect(byStatus(400)[0]).toMatchObject({ outcome: "rejected", reason: expect.stringContaining("not valid JSON") });
    expect(byStatus(415)[0]).toMatchObject({ outcome: "rejected", reason: expect.stringContaining("Content-Type") });
    // Newest first.
    const times = deliveries.map((delivery) => delivery.receivedAt);
    expect(times).toEqual([...times].sort().reverse());
  });

  it("filters by outcome and limits the list, while the counts cover all outcomes", async () => {
    const rejected = await getDeliveries("?outcome=rejected&limit=2");
    expect(rejected.deliveries).toHaveLength(2);
    expect(rejected.deliveries.every((delivery) => delivery.outcome === "rejected")).toBe(true);
    expect(rejected.counts.stored).toBeGreaterThanOrEqual(1);
  });

  it("answers 400 for a bad limit or outcome", async () => {
    for (const query of ["?limit=0", "?limit=abc", "?outcome=lost"]) {
      const response = await fetch(`${server.baseUrl}/api/webhooks/deliveries${query}`, { headers: { cookie: await server.adminCookie() } });
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: { code: "bad_request" } });
    }
  });

  it("counts only the last 24 hours", async () => {
    await db.query(
      `INSERT INTO webhook_deliveries (received_at, event_type, outcome, status_code, duration_ms)
       VALUES (now() - interval '25 hours', 'status-update', 'stored', 200, 1)`,
    );
    const before = await getDeliveries();
    expect(before.counts.stored).toBe(1);
  });
});
