// Integration: webhooks over HTTP against the real server and a real Postgres.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { camelStatusUpdate, newCallId, postWebhook } from "@/lib/testing/flireo-payloads";
import { startTestServer, TEST_WEBHOOK_SECRET, type TestServer } from "@/lib/testing/test-server";

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

const send = (payload: unknown) => postWebhook(server.baseUrl, payload, { secret: TEST_WEBHOOK_SECRET });

describe("POST /api/webhooks/flireo", () => {
  it("stores the call and its event", async () => {
    const callId = newCallId();
    const timestamp = new Date("2026-11-27T10:00:00.000Z");
    const response = await send(camelStatusUpdate({ callId, status: "in-progress", timestamp, customerNumber: "+31611112222" }));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, outcome: "stored" });

    const { rows: calls } = await db.query("SELECT * FROM calls WHERE id = $1", [callId]);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({
      status: "in-progress",
      call_type: "inbound",
      line_number: "+31201234567",
      line_name: "Main line",
      customer_number: "+31611112222",
      started_at: timestamp,
      ended_at: null,
    });
    const { rows: events } = await db.query("SELECT type, status, occurred_at, payload FROM call_events WHERE call_id = $1", [callId]);
    expect(events).toEqual([
      expect.objectContaining({ type: "status-update", status: "in-progress", occurred_at: timestamp }),
    ]);
    expect(events[0].payload.message.call.id).toBe(callId);
  });

  it("ends the call with `ended` after `in-progress` and keeps both events", async () => {
    const callId = newCallId();
    const start = new Date("2026-11-27T10:00:00.000Z");
    const end = new Date("2026-11-27T10:03:20.000Z");
    expect((await send(camelStatusUpdate({ callId, status: "in-progress", timestamp: start }))).status).toBe(200);
    expect((await send(camelStatusUpdate({ callId, status: "ended", timestamp: end }))).status).toBe(200);

    const { rows } = await db.query("SELECT status, started_at, ended_at FROM calls WHERE id = $1", [callId]);
    expect(rows).toEqual([{ status: "ended", started_at: start, ended_at: end }]);
    const { rows: events } = await db.query("SELECT status FROM call_events WHERE call_id = $1 ORDER BY occurred_at", [callId]);
    expect(events.map((event) => event.status)).toEqual(["in-progress", "ended"]);
  });

  it("records the error text of `ended-with-error`", async () => {
    const callId = newCallId();
    await send(camelStatusUpdate({ callId, status: "in-progress" }));
    const response = await send(camelStatusUpdate({ callId, status: "ended-with-error", error: "STT connection failed" }));
    expect(response.status).toBe(200);
    const { rows } = await db.query("SELECT status, error FROM calls WHERE id = $1", [callId]);
    expect(rows).toEqual([{ status: "ended-with-error", error: "STT connection failed" }]);
  });

  it("acknowledges a repeated delivery without storing it twice", async () => {
    const payload = camelStatusUpdate({ callId: newCallId(), status: "in-progress" });
    expect(await (await send(payload)).json()).toEqual({ ok: true, outcome: "stored" });
    expect(await (await send(payload)).json()).toEqual({ ok: true, outcome: "duplicate" });
    const { rows } = await db.query("SELECT count(*)::int AS n FROM call_events WHERE call_id = $1", [payload.message.call.id]);
    expect(rows[0].n).toBe(1);
  });

  it("refuses an unsigned or wrongly signed webhook with 401 and the reason", async () => {
    const payload = camelStatusUpdate({ callId: newCallId(), status: "in-progress" });
    const unsigned = await postWebhook(server.baseUrl, payload);
    expect(unsigned.status).toBe(401);
    expect(await unsigned.json()).toMatchObject({ error: { code: "invalid_signature", message: expect.stringContaining("X-Webhook-Signature") } });
    const wrong = await postWebhook(server.baseUrl, payload, { secret: "not-the-secret" });
    expect(wrong.status).toBe(401);
    const { rows } = await db.query("SELECT count(*)::int AS n FROM calls WHERE id = $1", [payload.message.call.id]);
    expect(rows[0].n).toBe(0);
  });

  it("answers malformed JSON with 400 and a wrong shape with 422 naming the field", async () => {
    const malformed = await postWebhook(server.baseUrl, "{not json", { secret: TEST_WEBHOOK_SECRET });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ error: { code: "invalid_json" } });

    const wrongShape = await send({ message: { type: "status-update", timestamp: "2026-11-27T10:00:00Z", call: { status: "ended" } } });
    expect(wrongShape.status).toBe(422);
    const body = await wrongShape.json();
    expect(body.error.message).toContain("message.call.id");
  });

  it("describes itself on GET", async () => {
    const response = await fetch(`${server.baseUrl}/api/webhooks/flireo`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      events: ["status-update", "end-of-call-report"],
      signatureRequired: true,
    });
  });
});
