// Two Callboard processes on one database: a webhook that reaches one reaches the boards of the other.
import { isRedisReachable, TEST_REDIS_URL } from "@/lib/testing/redis";
import { io, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CallView } from "@/lib/shared/calls/call-view";
import { camelStatusUpdate, newCallId, postWebhook } from "@/lib/testing/flireo-payloads";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-postgres";
import { startTestServer, TEST_WEBHOOK_SECRET, type TestServer } from "@/lib/testing/test-server";
import { SOCKET_PATH } from "@/lib/shared/realtime/events";

/** A board signed in on instance A; sessions live in the shared database, so the cookie works on B as well. */
function connectBoard(baseUrl: string, cookie: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = io(baseUrl, { path: SOCKET_PATH, transports: ["websocket"], reconnection: false, extraHeaders: { cookie } });
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", reject);
  });
}

function nextUpdate(socket: Socket, callId: string, timeoutMs = 5_000): Promise<CallView> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no calls:updated for ${callId} within ${timeoutMs} ms`)), timeoutMs);
    const onUpdate = (calls: CallView[]) => {
      const call = calls.find((candidate) => candidate.id === callId);
      if (!call) return;
      clearTimeout(timer);
      socket.off("calls:updated", onUpdate);
      resolve(call);
    };
    socket.on("calls:updated", onUpdate);
  });
}

const REDIS_URL = TEST_REDIS_URL;
const hasRedis = await isRedisReachable();

const cases: { adapter: string; env: Record<string, string>; isAvailable: boolean }[] = [
  { adapter: "postgres", env: { REALTIME_ADAPTER: "postgres" }, isAvailable: true },
  { adapter: "redis", env: { REALTIME_ADAPTER: "redis", REDIS_URL }, isAvailable: hasRedis },
];

describe.each(cases)("two instances sharing live updates through $adapter", ({ env, isAvailable }) => {
  let database: TestDatabase;
  let a: TestServer;
  let b: TestServer;

  beforeAll(async () => {
    if (!isAvailable) return;
    database = await createTestDatabase();
    [a, b] = await Promise.all([startTestServer({ database, env }), startTestServer({ database, env })]);
  });

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await database?.drop();
  });

  it.skipIf(!isAvailable)("shows a webhook received by instance A on a board connected to instance B", async () => {
    const cookie = await a.adminCookie();
    const boardOnB = await connectBoard(b.baseUrl, cookie);
    const boardOnA = await connectBoard(a.baseUrl, cookie);
    try {
      const callId = newCallId();
      const seenOnB = nextUpdate(boardOnB, callId);
      const seenOnA = nextUpdate(boardOnA, callId);
      const response = await postWebhook(a.baseUrl, camelStatusUpdate({ callId, status: "in-progress" }), { secret: TEST_WEBHOOK_SECRET });
      expect(response.status).toBe(200);
      const [onB, onA] = await Promise.all([seenOnB, seenOnA]);
      expect(onB).toMatchObject({ id: callId, status: "in-progress" });
      expect(onA.version).toBe(onB.version);
    } finally {
      boardOnA.close();
      boardOnB.close();
    }
  });
});
