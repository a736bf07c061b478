// Intake cannot be starved: slow senders on one address hold at most their own share of places, and a body that
// does not arrive in time is answered 408 instead of holding its place for minutes.
import http from "node:http";
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { camelStatusUpdate, newCallId } from "@/lib/testing/flireo-payloads";
import { startTestServer, TEST_WEBHOOK_SECRET, type TestServer } from "@/lib/testing/test-server";
import { signatureHeaders } from "@/lib/webhooks/verify-signature";

let server: TestServer;
/** Long enough that "answered while the slow senders still hold their places" does not hang on the machine's speed. */
const BODY_TIMEOUT_S = 8;

beforeAll(async () => {
  server = await startTestServer({ env: { WEBHOOK_BODY_TIMEOUT_MS: String(BODY_TIMEOUT_S * 1000) } });
});

afterAll(async () => {
  await server?.stop();
});

/**
 * Opens a webhook POST from `localAddress` whose body trickles: a byte every second, never the whole of it.
 * `answeredAt` gets the time each answer's first bytes arrived.
 */
function trickle(localAddress: string, sockets: net.Socket[], answeredAt: number[] = []): Promise<string> {
  const port = Number(new URL(server.baseUrl).port);
  return new Promise((resolve) => {
    let timer: ReturnType<typeof setInterval> | undefined;
    const socket = net.connect({ host: "127.0.0.1", port, localAddress }, () => {
      socket.write(`POST /api/webhooks/flireo HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{`);
      timer = setInterval(() => socket.writable && socket.write(" "), 1_000);
    });
    sockets.push(socket);
    let answer = "";
    socket.on("data", (chunk: Buffer) => {
      if (answer === "") answeredAt.push(performance.now());
      answer += chunk.toString();
    });
    socket.on("error", () => {});
    socket.on("close", () => {
      clearInterval(timer);
      resolve(answer.split("\r\n", 1)[0] ?? "");
    });
  });
}

/** A signed status-update sent from `localAddress`; resolves with its status and when its answer came. */
function postFrom(localAddress: string): Promise<{ status: number; at: number }> {
  const body = JSON.stringify(camelStatusUpdate({ callId: newCallId(), status: "in-progress" }));
  return new Promise((resolve, reject) => {
    const request = http.request(`${server.baseUrl}/api/webhooks/flireo`, {
      method: "POST",
      localAddress,
      agent: false,
      headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body), ...signatureHeaders(TEST_WEBHOOK_SECRET, body) },
    });
    request.on("response", (response) => {
      response.resume();
      resolve({ status: response.statusCode ?? 0, at: performance.now() });
    });
    request.on("error", reject);
    request.end(body);
  });
}

describe("POST /api/webhooks/flireo with slow senders", () => {
  it("answers a webhook from another address at once while 1,000 connections from one address trickle their bodies", async () => {
    const sockets: net.Socket[] = [];
    const answeredAt: number[] = [];
    const answers = Array.from({ length: 1_000 }, () => trickle("127.0.0.1", sockets, answeredAt));
    let webhookAnsweredAt = Number.POSITIVE_INFINITY;
    try {
      // Let every slow sender reach the server and be admitted (250) or turned away (750).
      for (let deadline = Date.now() + 30_000; answeredAt.length < 750 && Date.now() < deadline; ) await new Promise((resolve) => setTimeout(resolve, 100));
      const webhook = await postFrom("127.0.0.2");
      expect(webhook.status).toBe(200);
      webhookAnsweredAt = webhook.at;
    } finally {
      const statuses = await Promise.all(answers);
      // Not starved: answered while the 250 slow senders admitted still held their places, before any of them.
      const heldAnswered = [...answeredAt].sort((a, b) => a - b).slice(750);
      expect(heldAnswered).toHaveLength(250);
      expect(heldAnswered.every((at) => at > webhookAnsweredAt)).toBe(true);
      for (const socket of sockets) socket.destroy();
      // The address's own share was held until its deadline (408); the rest were turned away at once (503).
      expect(statuses.filter((line) => line.includes(" 408 ")).length).toBe(250);
      expect(statuses.filter((line) => line.includes(" 503 ")).length).toBe(750);
    }
  });

  it("answers 408 to a body that does not arrive within WEBHOOK_BODY_TIMEOUT_MS, and notes it in the delivery log", async () => {
    const cookie = await server.adminCookie();
    /** How many 408s the delivery log holds (rows under a flood stand for several). */
    const timedOut = async () => {
      const response = await fetch(`${server.baseUrl}/api/webhooks/deliveries?outcome=rejected&limit=500`, { headers: { cookie } });
      const { deliveries } = (await response.json()) as { deliveries: { statusCode: number; reason: string; count: number }[] };
      return deliveries.filter((row) => row.statusCode === 408 && row.reason.includes(`did not arrive within ${BODY_TIMEOUT_S} s`)).reduce((sum, row) => sum + row.count, 0);
    };
    // Whatever the first test's 408s left open is written when their 10 s window ends.
    let before = await timedOut();
    for (let settled = Date.now() + 12_000; Date.now() < settled; await new Promise((resolve) => setTimeout(resolve, 500))) before = await timedOut();

    const sockets: net.Socket[] = [];
    const started = performance.now();
    const status = await trickle("127.0.0.3", sockets);
    expect(status).toBe("HTTP/1.1 408 Request Timeout");
    expect(performance.now() - started).toBeGreaterThanOrEqual(BODY_TIMEOUT_S * 1000 - 100);
    const deadline = Date.now() + 15_000;
    while ((await timedOut()) === before && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 250));
    expect((await timedOut()) - before).toBe(1);
  });
});
