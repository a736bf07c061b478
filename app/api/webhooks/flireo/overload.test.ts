// An instance holds a bounded number of webhooks: past it, an immediate 503 with Retry-After, and service resumes
// as soon as the held ones are answered.
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

  it("does not count GETs on the webhook URL against the bound", async () => {
    const held = [heldWebhook(), heldWebhook()];
    await new Promise((resolve) => setTimeout(resolve, 300));
    const described = await fetch(`${server.baseUrl}/api/webhooks/flireo`);
    expect(described.status).toBe(200);
    for (const request of held) request.finish();
    await Promise.all(held.map((request) => request.status));
  });
});
