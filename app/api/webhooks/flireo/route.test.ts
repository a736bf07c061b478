// Integration: webhooks over HTTP against the real server and a real Postgres.
import http from "node:http";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { camelStatusUpdate, newCallId, postWebhook } from "@/lib/testing/flireo-payloads";
import { startTestServer, TEST_WEBHOOK_SECRET, type TestServer } from "@/lib/testing/test-server";
import { computeSignature } from "@/lib/webhooks/verify-signature";

/** A second secret valid at the same time, as while rotating. */
const ROTATED_SECRET = "whsec_rotated_callboard";

let server: TestServer;
let db: pg.Pool;

beforeAll(async () => {
  server = await startTestServer({ env: { FLIREO_WEBHOOK_SECRET: `${TEST_WEBHOOK_SECRET}, ${ROTATED_SECRET}` } });
  db = new pg.Pool({ connectionString: server.database.url });
});

afterAll(async () => {
  await db?.end();
  await server?.stop();
});

const send = (payload: unknown) => postWebhook(server.baseUrl, payload, { secret: TEST_WEBHOOK_SECRET });

async function countRows(table: "calls" | "call_events", callId: string): Promise<number> {
  const column = table === "calls" ? "id" : "call_id";
  const { rows } = await db.query(`SELECT count(*)::int AS n FROM ${table} WHERE ${column} = $1`, [callId]);
  return rows[0].n;
}

/** Posts `body` signed with `secret` as if at `timestamp` (Unix seconds), optionally dropping a header. */
function postSigned(
  body: string,
  options: { secret?: string; timestamp?: number; offsetSeconds?: number; signature?: string | null; timestampHeader?: string | null },
) {
  const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000) + (options.offsetSeconds ?? 0));
  const signature = options.signature === undefined ? `sha256=${computeSignature(options.secret ?? TEST_WEBHOOK_SECRET, timestamp, body)}` : options.signature;
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (signature !== null) headers["x-webhook-signature"] = signature;
  const timestampHeader = options.timestampHeader === undefined ? timestamp : options.timestampHeader;
  if (timestampHeader !== null) headers["x-webhook-timestamp"] = timestampHeader;
  return fetch(`${server.baseUrl}/api/webhooks/flireo`, { method: "POST", headers, body });
}

/**
 * Streams `chunks` of `chunkSize` bytes with chunked transfer encoding (no Content-Length) and stops writing as soon
 * as a response arrives. Resolves with the status and how many bytes had been sent by then.
 */
function streamUntilAnswered(chunkSize: number, maxBytes: number): Promise<{ status: number; sentBytes: number; body: string }> {
  const url = new URL(`${server.baseUrl}/api/webhooks/flireo`);
  return new Promise((resolve, reject) => {
    let sentBytes = 0;
    let isAnswered = false;
    const request = http.request(
      { host: url.hostname, port: url.port, path: url.pathname, method: "POST", headers: { "content-type": "application/json", "transfer-encoding": "chunked" } },
      (response) => {
        isAnswered = true;
        let body = "";
        response.on("data", (chunk: Buffer) => (body += chunk.toString()));
        response.on("end", () => {
          resolve({ status: response.statusCode ?? 0, sentBytes, body });
          request.destroy();
        });
      },
    );
    request.on("error", (error) => (isAnswered ? undefined : reject(error)));
    const chunk = Buffer.alloc(chunkSize, 0x20);
    request.write("[");
    const writeMore = () => {
      if (isAnswered) return;
      if (sentBytes >= maxBytes) return reject(new Error(`No answer after streaming ${sentBytes} bytes`));
      sentBytes += chunkSize;
      if (request.write(chunk)) setTimeout(writeMore, 1);
      else request.once("drain", writeMore);
    };
    writeMore();
  });
}

describe("POST /api/webhooks/flireo", () => {
  it("stores the call and its event", async () => {
    const callId = newCallId();
    const timestamp = new Date("2026-11-27T10:00:00.000Z");
    const response = await send(camelStatusUpdate({ callId, status: "in-progress", timestamp, customerNumber: "+31611112222" }));
    expect(response.status).toBe(200);
    expect(response.headers.get("x-callboard-outcome")).toBe("stored");
    // An empty 200 acknowledges it: Flireo ignores the body.
    expect(await response.text()).toBe("");

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

  it("answers uncompressed even to a client that accepts gzip, as its answers are a few bytes", async () => {
    const response = await postWebhook(server.baseUrl, camelStatusUpdate({ callId: newCallId(), status: "in-progress" }), {
      secret: TEST_WEBHOOK_SECRET,
      headers: { "accept-encoding": "gzip, deflate, br" },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-encoding")).toBeNull();
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
    expect((await send(payload)).headers.get("x-callboard-outcome")).toBe("stored");
    const repeated = await send(payload);
    expect(repeated.status).toBe(200);
    expect(repeated.headers.get("x-callboard-outcome")).toBe("duplicate");
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
    expect(response.headers.get("content-type")).toContain("application/json");
    expect(await response.json()).toEqual({
      endpoint: expect.stringContaining("Flireo"),
      method: "POST",
      events: ["status-update", "end-of-call-report"],
      ignoredEvents: ["assistant-request", "tool-calls"],
      signatureRequired: true,
    });
  });
});

describe("POST /api/webhooks/flireo: signatures", () => {
  const body = () => JSON.stringify(camelStatusUpdate({ callId: newCallId(), status: "in-progress" }));
  const callIdOf = (raw: string) => (JSON.parse(raw) as { message: { call: { id: string } } }).message.call.id;

  it("accepts `sha256=<hex>` and bare hex", async () => {
    const prefixed = body();
    expect((await postSigned(prefixed, {})).status).toBe(200);
    const bare = body();
    const timestamp = Math.floor(Date.now() / 1000);
    const response = await postSigned(bare, { timestamp, signature: computeSignature(TEST_WEBHOOK_SECRET, String(timestamp), bare) });
    expect(response.status).toBe(200);
    expect(await countRows("calls", callIdOf(bare))).toBe(1);
  });

  it("accepts every configured secret at once, for rotation", async () => {
    const raw = body();
    const response = await postSigned(raw, { secret: ROTATED_SECRET });
    expect(response.status).toBe(200);
    expect(await countRows("call_events", callIdOf(raw))).toBe(1);
  });

  it.each([
    ["the signature is missing", { signature: null }, "X-Webhook-Signature header is missing"],
    ["the timestamp is missing", { timestampHeader: null }, "X-Webhook-Timestamp header is missing"],
    ["the timestamp is not Unix seconds", { timestampHeader: "2026-11-27T10:00:00Z" }, "Unix time in seconds"],
    ["the signature is not hex", { signature: "sha256=not-hex" }, "64 hex digits"],
    ["another secret signed it", { secret: "whsec_someone_else" }, "does not match"],
    ["the timestamp is 305 s old", { offsetSeconds: -305 }, "away from the server's clock"],
    ["the timestamp is 305 s ahead", { offsetSeconds: 305 }, "away from the server's clock"],
  ])("answers 401 with the reason when %s, and stores nothing", async (_, options, reason) => {
    const raw = body();
    const response = await postSigned(raw, options);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: "invalid_signature", message: expect.stringContaining(reason) } });
    expect(await countRows("calls", callIdOf(raw))).toBe(0);
  });

  it("accepts a timestamp within 300 s either way", async () => {
    for (const offset of [-290, 290]) {
      const raw = body();
      expect((await postSigned(raw, { offsetSeconds: offset })).status).toBe(200);
    }
  });

  it("refuses a body changed after signing", async () => {
    const raw = body();
    const timestamp = String(Math.floor(Date.now() / 1000));
    const signature = `sha256=${computeSignature(TEST_WEBHOOK_SECRET, timestamp, raw)}`;
    const response = await postSigned(raw.replace("in-progress", "ended"), { timestamp: Number(timestamp), signature });
    expect(response.status).toBe(401);
  });
});

describe("POST /api/webhooks/flireo: idempotency", () => {
  it("stores one event when many identical copies arrive at once, and answers every copy with 200", async () => {
    const payload = camelStatusUpdate({ callId: newCallId(), status: "in-progress" });
    const raw = JSON.stringify(payload);
    const responses = await Promise.all(Array.from({ length: 40 }, () => postSigned(raw, {})));
    expect(responses.map((response) => response.status)).toEqual(Array(40).fill(200));
    const outcomes = responses.map((response) => response.headers.get("x-callboard-outcome"));
    expect(outcomes.filter((outcome) => outcome === "stored")).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome === "duplicate")).toHaveLength(39);
    expect(await countRows("call_events", payload.message.call.id)).toBe(1);
    expect(await countRows("calls", payload.message.call.id)).toBe(1);
  });

  it("leaves the call unchanged on a redelivery (same version)", async () => {
    const payload = camelStatusUpdate({ callId: newCallId(), status: "ended" });
    await send(payload);
    const before = await db.query("SELECT version, updated_at FROM calls WHERE id = $1", [payload.message.call.id]);
    await send(payload);
    const after = await db.query("SELECT version, updated_at FROM calls WHERE id = $1", [payload.message.call.id]);
    expect(after.rows).toEqual(before.rows);
  });
});

describe("POST /api/webhooks/flireo: bad input", () => {
  it("answers a wrong content type with 415", async () => {
    const raw = JSON.stringify(camelStatusUpdate({ status: "in-progress" }));
    const response = await postWebhook(server.baseUrl, raw, { secret: TEST_WEBHOOK_SECRET, headers: { "content-type": "text/plain" } });
    expect(response.status).toBe(415);
    expect(await response.json()).toMatchObject({ error: { code: "unsupported_media_type", message: expect.stringContaining("application/json") } });
  });

  it("answers 413 for a declared Content-Length over the limit", async () => {
    const raw = JSON.stringify({ message: { type: "status-update", padding: "x".repeat(1024 * 1024) } });
    const response = await postWebhook(server.baseUrl, raw, { secret: TEST_WEBHOOK_SECRET });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error: { code: "payload_too_large", message: expect.stringContaining("1048576") } });
  });

  it("answers 413 while a chunked body without Content-Length is still streaming in", async () => {
    const result = await streamUntilAnswered(64 * 1024, 64 * 1024 * 1024);
    expect(result.status).toBe(413);
    expect(JSON.parse(result.body)).toMatchObject({ error: { code: "payload_too_large" } });
    // The answer came while the body was still being sent: a quarter of the 64 MiB offered at most, though socket
    // buffers and a busy machine let the sender get several MiB past the 1 MiB limit before the 413 reaches it.
    expect(result.sentBytes).toBeLessThan(16 * 1024 * 1024);
  });

  it("answers 422 naming each field that failed", async () => {
    const response = await send({ message: { type: "status-update", timestamp: "yesterday", call: { id: "", status: "ringing" } } });
    expect(response.status).toBe(422);
    const body = await response.json();
    expect(body.error.code).toBe("unprocessable");
    expect(body.error.message).toContain("message.timestamp");
    expect(body.error.message).toContain("message.call.id");
    expect(body.error.details).toEqual(expect.arrayContaining([expect.objectContaining({ path: "message.timestamp" })]));
  });

  it("answers 422 for an unknown status", async () => {
    const response = await send(camelStatusUpdate({ callId: newCallId(), status: "ringing" as "ended" }));
    expect(response.status).toBe(422);
    expect((await response.json()).error.message).toContain("message.call.status");
  });

  it.each([
    ["tool-calls", { message: { type: "tool-calls", timestamp: new Date().toISOString(), call: { id: "tc-1", status: "in-progress" }, toolCallList: [{ id: "t1", type: "function", function: { name: "lookup", arguments: {} } }] } }],
    ["assistant-request", { message: { type: "assistant-request", timestamp: new Date().toISOString(), call: { id: "ar-1", status: "ringing" }, customer: { number: "+31600000002" } } }],
    ["legacy tool-calls", { eventTime: Date.now(), eventType: "tool-calls", callId: "lt-1", tasksInitiated: [] }],
  ])("acknowledges %s with 200 and {} without storing a call", async (_, payload) => {
    const response = await send(payload);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({});
    const { rows } = await db.query("SELECT count(*)::int AS n FROM calls WHERE id IN ('tc-1', 'ar-1', 'lt-1')");
    expect(rows[0].n).toBe(0);
  });
});
