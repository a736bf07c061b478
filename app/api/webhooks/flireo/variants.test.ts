// Integration: every published Flireo payload variant, over HTTP, is accepted and stored in full.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  camelEndOfCallReport,
  camelStatusUpdate,
  legacyEndOfCallReport,
  legacyStatusUpdate,
  newCallId,
  postWebhook,
  snakeEndOfCallReport,
  snakeStatusUpdate,
} from "@/lib/testing/flireo-payloads";
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

async function deliver(payload: unknown, headers: Record<string, string> = {}): Promise<void> {
  const response = await postWebhook(server.baseUrl, payload, { secret: TEST_WEBHOOK_SECRET, headers });
  expect(response.status, await response.clone().text()).toBe(200);
  expect(response.headers.get("x-callboard-outcome")).toBe("stored");
}

async function loadCall(callId: string) {
  const { rows } = await db.query("SELECT * FROM calls WHERE id = $1", [callId]);
  expect(rows).toHaveLength(1);
  return rows[0];
}

const start = new Date("2026-11-27T09:00:00.000Z");
const end = new Date("2026-11-27T09:02:15.000Z");
const reportAt = new Date("2026-11-27T09:02:20.000Z");

describe("Flireo payload variants over HTTP", () => {
  it("A (camelCase): status-update then end-of-call-report with duration, summary and analysis", async () => {
    const callId = newCallId();
    await deliver(camelStatusUpdate({ callId, status: "in-progress", timestamp: start }));
    await deliver(camelStatusUpdate({ callId, status: "ended", timestamp: end }));
    await deliver(camelEndOfCallReport({ callId, timestamp: reportAt, durationSeconds: 135, summary: "Asked for hours.", analysis: { intent: "hours", satisfied: true } }));

    expect(await loadCall(callId)).toMatchObject({
      status: "ended",
      call_type: "inbound",
      line_number: "+31201234567",
      line_name: "Main line",
      customer_number: "+31612345678",
      started_at: start,
      ended_at: end,
      duration_seconds: 135,
      summary: "Asked for hours.",
      analysis: { intent: "hours", satisfied: true },
    });
  });

  it("B/C/D (snake_case): outbound call with end_reason, assistant metadata, transcript and recording", async () => {
    const callId = newCallId();
    const messages = [
      { role: "system" as const, content: "You are a receptionist." },
      { role: "assistant" as const, content: "Hello!" },
      { role: "user" as const, content: "Hi, I want to book." },
    ];
    await deliver(snakeStatusUpdate({ callId, status: "in-progress", timestamp: start, callType: "outbound", metadata: { crm: "hubspot", tenant: 7 } }));
    await deliver(snakeStatusUpdate({ callId, status: "ended", timestamp: end, callType: "outbound", endReason: "customer-ended-call" }));
    await deliver(
      snakeEndOfCallReport({
        callId,
        timestamp: reportAt,
        callType: "outbound",
        durationSeconds: 135,
        summary: "Booked a table.",
        analysis: { booked: true },
        messages,
        recordingUrl: "https://recordings.example.test/call.wav",
        endReason: "user_hangup",
      }),
    );

    const call = await loadCall(callId);
    expect(call).toMatchObject({
      status: "ended",
      call_type: "outbound",
      ended_at: end,
      duration_seconds: 135,
      summary: "Booked a table.",
      analysis: { booked: true },
      transcript: messages,
      recording_url: "https://recordings.example.test/call.wav",
      metadata: { crm: "hubspot", tenant: 7 },
    });
    // Both events carry an end reason; the status-update's `ended` settles the status, and so its reason wins.
    expect(call.end_reason).toBe("customer-ended-call");
  });

  it("B/C/D: an end-of-call report alone creates the ended call with its end reason", async () => {
    const callId = newCallId();
    await deliver(snakeEndOfCallReport({ callId, timestamp: reportAt, endReason: "max_duration", durationSeconds: 600 }));
    expect(await loadCall(callId)).toMatchObject({ status: "ended", end_reason: "max_duration", duration_seconds: 600, ended_at: reportAt });
  });

  it("web calls with null numbers are fine", async () => {
    const callId = newCallId();
    await deliver(snakeStatusUpdate({ callId, status: "in-progress", callType: "web", lineNumber: null, customerNumber: null }));
    expect(await loadCall(callId)).toMatchObject({ call_type: "web", line_number: null, customer_number: null, status: "in-progress" });
  });

  it("ended-with-error keeps its error text (camel and snake)", async () => {
    for (const build of [camelStatusUpdate, snakeStatusUpdate]) {
      const callId = newCallId();
      await deliver(build({ callId, status: "ended-with-error", error: "STT connection failed", timestamp: end }));
      expect(await loadCall(callId)).toMatchObject({ status: "ended-with-error", error: "STT connection failed", ended_at: end });
    }
  });

  it("E (legacy flat): callSession status-updates in epoch ms, ended-with-debugging with its artifact", async () => {
    const callId = newCallId();
    await deliver(legacyStatusUpdate({ callId, status: "in-progress", timestamp: start }));
    await deliver(legacyStatusUpdate({ callId, status: "ended-with-debugging", timestamp: end, debuggingArtifact: "assistant-request returned no assistant" }));
    expect(await loadCall(callId)).toMatchObject({
      status: "ended-with-error",
      error: "assistant-request returned no assistant",
      started_at: start,
      ended_at: end,
      line_number: "+31201234567",
      customer_number: "+31612345678",
    });
  });

  it("E (legacy flat): the end-of-call report (callId) enriches the call with duration, summary, transcript, recording", async () => {
    const callId = newCallId();
    await deliver(legacyStatusUpdate({ callId, status: "in-progress", timestamp: start }));
    await deliver(legacyEndOfCallReport({ callId, timestamp: reportAt, callLengthSeconds: 132.5 }));
    expect(await loadCall(callId)).toMatchObject({
      status: "ended",
      duration_seconds: 132.5,
      summary: "Korte begroeting.",
      transcript: "AI: Goedemorgen!\nGebruiker: Hallo.",
      recording_url: "https://recordings.example.test/abc.wav",
    });
  });

  it("keeps unknown extra fields in the raw payload instead of refusing them", async () => {
    const callId = newCallId();
    const payload = snakeStatusUpdate({ callId, status: "in-progress" });
    const extended = { ...payload, deliveryHint: "new", message: { ...payload.message, call: { ...payload.message.call, pipeline: "standard" }, brand_new: { nested: [1, 2] } } };
    await deliver(extended);
    const { rows } = await db.query("SELECT payload FROM call_events WHERE call_id = $1", [callId]);
    expect(rows[0].payload).toEqual(extended);
  });

  it("never takes the event type from the unsigned X-Webhook-Event where signatures are required", async () => {
    const callId = newCallId();
    const payload = camelStatusUpdate({ callId, status: "in-progress" });
    const { type: _type, ...withoutType } = payload.message;
    // Signed, but the header outside the signature would decide what the body means: refused, nothing stored.
    const response = await postWebhook(server.baseUrl, { message: withoutType }, { secret: TEST_WEBHOOK_SECRET, headers: { "x-webhook-event": "status-update" } });
    expect(response.status).toBe(422);
    expect(await response.text()).toContain("message.type");
    const { rows } = await db.query("SELECT 1 FROM calls WHERE id = $1", [callId]);
    expect(rows).toHaveLength(0);
  });

  it("takes the event type from X-Webhook-Event when the message does not carry it, where unsigned webhooks are accepted", async () => {
    const unsigned = await startTestServer({ env: { ALLOW_UNSIGNED_WEBHOOKS: "true", LOG_LEVEL: "warn" } });
    try {
      const callId = newCallId();
      const payload = camelStatusUpdate({ callId, status: "in-progress" });
      const { type: _type, ...withoutType } = payload.message;
      const response = await postWebhook(unsigned.baseUrl, { message: withoutType }, { headers: { "x-webhook-event": "status-update" } });
      expect(response.status, await response.clone().text()).toBe(200);
      const stored = new pg.Client({ connectionString: unsigned.database.url });
      await stored.connect();
      try {
        expect((await stored.query("SELECT status FROM calls WHERE id = $1", [callId])).rows).toEqual([{ status: "in-progress" }]);
      } finally {
        await stored.end();
      }
    } finally {
      await unsigned.stop();
    }
  });

  it("a report arriving before the status-updates still ends up with everything", async () => {
    const callId = newCallId();
    await deliver(snakeEndOfCallReport({ callId, timestamp: reportAt, summary: "Early report." }));
    await deliver(snakeStatusUpdate({ callId, status: "ended", timestamp: end }));
    await deliver(snakeStatusUpdate({ callId, status: "in-progress", timestamp: start }));
    expect(await loadCall(callId)).toMatchObject({ status: "ended", started_at: start, ended_at: end, summary: "Early report." });
  });

  it("stores text Postgres cannot hold as is (NUL, unpaired surrogates) with replacement characters", async () => {
    const callId = newCallId();
    const raw = JSON.stringify(snakeEndOfCallReport({ callId, summary: "SUMMARY" }))
      .replace('"SUMMARY"', '"a\\u0000b\\ud800c"')
      .replace('"messages"', '"odd\\u0000key":1,"messages"');
    await deliver(raw);
    const call = await loadCall(callId);
    expect(call.summary).toBe("a\ufffdb\ufffdc");
    const { rows } = await db.query("SELECT payload FROM call_events WHERE call_id = $1", [callId]);
    expect(rows[0].payload.message["odd\ufffdkey"]).toBe(1);
  });

  it("answers 422, not 500, for event times and durations no call can have", async () => {
    for (const message of [
      { timestamp: "0000-01-01T00:00:00.000Z" },
      { timestamp: "+275760-09-13T00:00:00.000Z" },
      { duration_seconds: 1e308 },
    ]) {
      const payload = snakeEndOfCallReport({ callId: newCallId() });
      const response = await postWebhook(server.baseUrl, { message: { ...payload.message, ...message } }, { secret: TEST_WEBHOOK_SECRET });
      expect(response.status).toBe(422);
      expect((await response.json()).error.message).toContain(`message.${Object.keys(message)[0]}`);
    }
  });
});
