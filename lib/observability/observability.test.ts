// /api/health and /api/metrics over HTTP against the real server.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { camelStatusUpdate, newCallId, postWebhook } from "@/lib/testing/flireo-payloads";
import { startTestServer, TEST_WEBHOOK_SECRET, type TestServer } from "@/lib/testing/test-server";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
});

describe("GET /api/health", () => {
  it("reports the database up and the migrations current", async () => {
    const response = await fetch(`${server.baseUrl}/api/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", database: "up", migrations: "current", pendingMigrations: [] });
  });
});

describe("request ids", () => {
  it("answers every request with an id, keeping a well-formed one the caller sent", async () => {
    const generated = await fetch(`${server.baseUrl}/api/health`);
    expect(generated.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    const kept = await fetch(`${server.baseUrl}/api/health`, { headers: { "x-request-id": "trace-123" } });
    expect(kept.headers.get("x-request-id")).toBe("trace-123");
  });
});

describe("GET /api/metrics", () => {
  it("exposes Prometheus metrics including event-loop lag and connected clients", async () => {
    const response = await fetch(`${server.baseUrl}/api/metrics`, { headers: { cookie: await server.adminCookie() } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/plain");
    const text = await response.text();
    expect(text).toContain("nodejs_eventloop_lag_seconds");
    expect(text).toContain("callboard_socket_clients");
    expect(text).toContain("callboard_webhook_duration_seconds");
    expect(text).toMatch(/^callboard_webhooks_held\{state="running"\} \d+$/m);
    expect(text).toMatch(/^callboard_webhooks_held\{state="waiting"\} \d+$/m);
  });

  it("counts webhooks by outcome", async () => {
    const read = async () => {
      const text = await (await fetch(`${server.baseUrl}/api/metrics`, { headers: { cookie: await server.adminCookie() } })).text();
      const match = /callboard_webhooks_total\{outcome="stored"\} (\d+)/.exec(text);
      return Number(match?.[1] ?? 0);
    };
    const before = await read();
    await postWebhook(server.baseUrl, camelStatusUpdate({ callId: newCallId(), status: "in-progress" }), { secret: TEST_WEBHOOK_SECRET });
    expect(await read()).toBe(before + 1);
  });
});
