// An instance holds a bounded number of webhooks: past it, an immediate 503 with Retry-After, and service resumes
// as soon as the held ones are answered. A source past its rate limit gets 429s; both land in the delivery log.
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { camelStatusUpdate, newCallId, postWebhook } from "@/lib/testing/flireo-payloads";
import { startTestServer, TEST_WEBHOOK_SECRET, type TestServer } from "@/lib/testing/test-server";
import { signatureHeaders } from "@/lib/webhooks/verify-signature";

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ env: { WEBHOOK_MAX_IN_FLIGHT: "2" } });
});

afterAll(async () => {
  await server?.stop();
});

/** A signed webhook whose body arrives in two parts: it stays in flight until `finish` sends the rest. */
function heldWebhook(): { finish: () => void; status: Promise<number> } {
  const body = JSON.stringify(camelStatusUpdate({ callId: newCallId(), status: "in-progress" }));
  const request = http.request(`${server.baseUrl}/api/webhooks/flireo`, {
    method: "POST",
    headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body), ...signatureHeaders(TEST_WEBHOOK_SECRET, body) },
  });
  const status = new Promise<number>((resolve, reject) => {
    request.on("response", (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on("error", reject);
  });
  const half = Math.floor(body.length / 2);
  request.write(body.slice(0, half));
  return { finish: () => request.end(body.slice(half)), status };
}

describe("POST /api/webhooks/flireo under overload", () => {
  it("answers 503 with Retry-After past WEBHOOK_MAX_IN_FLIGHT, and stores again once the held ones are answered", async () => {
    const held = [heldWebhook(), heldWebhook()];
    // Let both reach the server and be admitted before the next one arrives.
    await new Promise((resolve) => setTimeout(resolve, 300));

    const callId = newCallId();
    const refused = await postWebhook(server.baseUrl, camelStatusUpdate({ callId, status: "in-progress" }), { secret: TEST_WEBHOOK_SECRET });
    expect(refused.status).toBe(503);
    expect(refused.headers.get("retry-after")).toBe("1");
    expect(await refused.json()).toEqual({ error: { code: "unavailable", message: expect.stringContaining("already handling 2 webhooks") } });

    for (const request of held) request.finish();
    expect(await Promise.all(held.map((request) => request.status))).toEqual([200, 200]);

    const retried = await postWebhook(server.baseUrl, camelStatusUpdate({ callId, status: "in-progress" }), { secret: TEST_WEBHOOK_SECRET });
    expect(retried.status).toBe(200);
    expect(retried.headers.get("x-callboard-outcome")).toBe("stored");

    const metrics = await (await fetch(`${server.baseUrl}/api/metrics`, { headers: { cookie: await server.adminCookie() } })).text();
    expect(metrics).toMatch(/^callboard_webhooks_total\{outcome="overloaded"\} 1$/m);
  });

  it("notes refusals in the delivery log: the first few one by one, a flood of them as one row with its count", async () => {
    const cookie = await server.adminCookie();
    const deliveries = async () => {
      const response = await fetch(`${server.baseUrl}/api/webhooks/deliveries?limit=500&outcome=rejected`, { headers: { cookie } });
      return (await response.json()) as { deliveries: { statusCode: number; reason: string; count: number }[]; counts: { rejected: number } };
    };
    const before = await deliveries();
    const held = [heldWebhook(), heldWebhook()];
    await new Promise((resolve) => setTimeout(resolve, 300));
    const flood = 40;
    const refused = await Promise.all(
      Array.from({ length: flood }, () => postWebhook(server.baseUrl, camelStatusUpdate({ callId: newCallId(), status: "in-progress" }), { secret: TEST_WEBHOOK_SECRET })),
    );
    expect(refused.map((response) => response.status)).toEqual(Array(flood).fill(503));
    for (const request of held) request.finish();
    await Promise.all(held.map((request) => request.status));

    // The aggregated row is written when its window (10 s) ends.
    const deadline = Date.now() + 20_000;
    let after = await deliveries();
    while (after.counts.rejected - before.counts.rejected < flood && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      after = await deliveries();
    }
    expect(after.counts.rejected - before.counts.rejected).toBe(flood);
    const rows = after.deliveries.slice(0, after.deliveries.length - before.deliveries.length);
    expect(rows.every((row) => row.statusCode === 503 && row.reason.includes("already handling 2 webhooks"))).toBe(true);
    // Far fewer rows than refusals: one of them stands for the rest of the flood.
    expect(rows.length).toBeLessThan(flood / 2);
    expect(rows.reduce((sum, row) => sum + row.count, 0)).toBe(flood);
    expect(Math.max(...rows.map((row) => row.count))).toBeGreaterThan(1);
  });

  it("does not count GETs on the webhook URL against the bound", async () => {
    const held = [heldWebhook(), heldWebhook()];
    await new Promise((resolve) => setTimeout(resolve, 300));
    const described = await fetch(`${server.baseUrl}/api/webhooks/flireo`);
    expect(described.status).toBe(200);
    for (const request of held) request.finish();
    await Promise.all(held.map((request) => request.status));
  });
});

describe("POST /api/webhooks/flireo over its source's rate limit", () => {
  let limited: TestServer;

  beforeAll(async () => {
    limited = await startTestServer({ env: { WEBHOOK_RATE_LIMIT_PER_MINUTE: "3" } });
  });

  afterAll(async () => {
    await limited?.stop();
  });

  it("notes each 429 refusal in the delivery log, as it does the 503s", async () => {
    const send = () => postWebhook(limited.baseUrl, camelStatusUpdate({ callId: newCallId(), status: "in-progress" }), { secret: TEST_WEBHOOK_SECRET });
    const statuses: number[] = [];
    for (let index = 0; index < 5; index++) statuses.push((await send()).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);

    const cookie = await limited.adminCookie();
    const refusals = async () => {
      const response = await fetch(`${limited.baseUrl}/api/webhooks/deliveries?limit=50&outcome=rejected`, { headers: { cookie } });
      return ((await response.json()) as { deliveries: { statusCode: number; reason: string; count: number; eventType: string | null }[] }).deliveries;
    };
    // Rows are written a moment after the answer.
    await expect.poll(async () => (await refusals()).length, { timeout: 10_000 }).toBe(2);
    for (const row of await refusals()) {
      expect(row).toMatchObject({ statusCode: 429, count: 1, eventType: null, reason: expect.stringContaining("Too many webhooks from this address") });
    }
  });
});
