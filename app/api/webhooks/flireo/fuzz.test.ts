// Fuzz: thousands of random bodies and headers over HTTP. Whatever a client sends, the answer is never a 5xx,
// always JSON, and one of the documented statuses.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { camelStatusUpdate, legacyEndOfCallReport, snakeEndOfCallReport, snakeStatusUpdate } from "@/lib/testing/flireo-payloads";
import { startTestServer, TEST_WEBHOOK_SECRET, type TestServer } from "@/lib/testing/test-server";
import { signatureHeaders } from "@/lib/webhooks/verify-signature";

let server: TestServer;

beforeAll(async () => {
  // A small body limit, so that oversized bodies are part of the mix without sending megabytes.
  server = await startTestServer({ env: { WEBHOOK_BODY_LIMIT_BYTES: "4096" } });
});

afterAll(async () => {
  await server?.stop();
});

const ALLOWED_STATUSES = [200, 400, 401, 413, 415, 422];

const validPayloads = [
  camelStatusUpdate({ status: "in-progress", callId: "fuzz-a" }),
  snakeStatusUpdate({ status: "ended-with-error", error: "boom", callId: "fuzz-b" }),
  snakeEndOfCallReport({ callId: "fuzz-c", analysis: { x: 1 } }),
  legacyEndOfCallReport({ callId: "fuzz-d" }),
];

/** Values that have broken stores before: NUL and lone surrogates (which Postgres text and jsonb refuse), extreme dates and numbers. */
const nastyValue = fc.oneof(
  fc.anything({ stringUnit: "binary" }),
  fc.string({ unit: "binary", maxLength: 30 }),
  fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
  fc.double(),
  fc.integer(),
  fc.constantFrom("\u0000", "a\u0000b", "\ud800", "\udfff", "0000-01-01T00:00:00Z", "+275760-09-13T00:00:00.000Z", 1e308, -0, 1e20),
);

/** Replaces a random path inside a valid payload by an arbitrary value: near misses reach the parser and the store. */
const mutatedPayload = fc
  .tuple(fc.constantFrom(...validPayloads), fc.array(fc.string({ unit: "binary", maxLength: 12 }), { minLength: 1, maxLength: 3 }), nastyValue)
  .map(([payload, keys, value]) => {
    const copy = structuredClone(payload) as Record<string, unknown>;
    let target: Record<string, unknown> = copy;
    for (const [index, key] of keys.entries()) {
      const existing = Object.keys(target);
      const chosen = existing.length > 0 && key.length % 2 === 0 ? (existing[key.length % existing.length] ?? key) : key;
      if (index === keys.length - 1) target[chosen] = value;
      else {
        const next = target[chosen];
        if (typeof next !== "object" || next === null || Array.isArray(next)) target[chosen] = {};
        target = target[chosen] as Record<string, unknown>;
      }
    }
    return JSON.stringify(copy);
  });

const body = fc.oneof(
  fc.string({ unit: "binary", maxLength: 200 }),
  fc.json({ maxDepth: 4 }),
  mutatedPayload,
  mutatedPayload.map((text) => text.slice(0, Math.max(1, text.length - 7))),
  fc.constantFrom(...validPayloads).map((payload) => JSON.stringify(payload)),
  fc.nat({ max: 6000 }).map((size) => JSON.stringify({ message: { type: "status-update", pad: "x".repeat(size) } })),
);

const contentType = fc.constantFrom(
  "application/json",
  "application/json; charset=utf-8",
  "APPLICATION/JSON",
  "application/vnd.flireo+json",
  "text/plain",
  "application/x-www-form-urlencoded",
  "",
  "json",
  ";;;",
);

const request = fc.record({
  body,
  contentType,
  signing: fc.constantFrom("valid", "none", "garbage", "stale"),
  eventHeader: fc.option(fc.oneof(fc.constantFrom("status-update", "end-of-call-report", "tool-calls", "assistant-request"), fc.string({ maxLength: 20 }))),
  garbageSignature: fc.string({ maxLength: 80 }),
  garbageTimestamp: fc.oneof(fc.string({ maxLength: 15 }), fc.integer().map(String)),
});

function headerSafe(value: string): string {
  // fetch refuses header values with control characters; such requests never reach the server at all.
  return value.replace(/[^\x20-\x7e]/g, "");
}

describe("POST /api/webhooks/flireo under fuzzing", () => {
  it("never answers with a 5xx, whatever the body and headers", async () => {
    await fc.assert(
      fc.asyncProperty(request, async (input) => {
        const headers: Record<string, string> = {};
        if (input.contentType) headers["content-type"] = input.contentType;
        if (input.eventHeader !== null) headers["x-webhook-event"] = headerSafe(input.eventHeader);
        if (input.signing === "valid") Object.assign(headers, signatureHeaders(TEST_WEBHOOK_SECRET, input.body));
        if (input.signing === "stale") Object.assign(headers, signatureHeaders(TEST_WEBHOOK_SECRET, input.body, Math.floor(Date.now() / 1000) - 3600));
        if (input.signing === "garbage") {
          headers["x-webhook-signature"] = headerSafe(input.garbageSignature);
          headers["x-webhook-timestamp"] = headerSafe(input.garbageTimestamp);
        }
        const response = await fetch(`${server.baseUrl}/api/webhooks/flireo`, { method: "POST", headers, body: input.body });
        const text = await response.text();
        expect(ALLOWED_STATUSES, `${response.status} for ${JSON.stringify(input).slice(0, 500)}: ${text}`).toContain(response.status);
        // Every answer is JSON, but for the empty 200 that acknowledges a stored or repeated event.
        const outcome = response.headers.get("x-callboard-outcome");
        if (outcome === null) expect(() => JSON.parse(text) as unknown).not.toThrow();
        else expect({ status: response.status, outcome, text }).toMatchObject({ status: 200, outcome: expect.stringMatching(/^(stored|duplicate)$/), text: "" });
      }),
      { numRuns: 3_000 },
    );
  }, 300_000);
});
