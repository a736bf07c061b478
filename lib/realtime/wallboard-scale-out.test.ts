// Two Callboard processes on one database: a wallboard link's screen on instance B gets, masked, a webhook posted to
// instance A, and revoking the link on A ends the screen on B at once; a link of one line on B gets that line's calls
// posted to A and no other line's.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CallView } from "@/lib/shared/calls/call-view";
import type { WallboardEnded } from "@/lib/shared/realtime/events";
import { newCallId, postWebhook, snakeStatusUpdate } from "@/lib/testing/flireo-payloads";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-postgres";
import { startTestServer, TEST_WEBHOOK_SECRET, type TestServer } from "@/lib/testing/test-server";
import { listenToCallUpdates } from "@/lib/testing/call-updates";
import { connectAsWallboard, createWallboardOverHttp, wallboardCookie } from "@/lib/testing/wallboards";

let database: TestDatabase;
let a: TestServer;
let b: TestServer;

beforeAll(async () => {
  database = await createTestDatabase();
  [a, b] = await Promise.all([startTestServer({ database, env: { REALTIME_ADAPTER: "postgres" } }), startTestServer({ database, env: { REALTIME_ADAPTER: "postgres" } })]);
});

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await database?.drop();
});

describe("a wallboard across instances", () => {
  it("on B shows, masked, a webhook posted to A; revoked on A, it is told and closed on B", async () => {
    const created = await createWallboardOverHttp(a.baseUrl, await a.adminCookie(), { name: "Floor B" });
    const screen = await connectAsWallboard(b.baseUrl, wallboardCookie(created.url));
    const callId = newCallId();
    const received = new Promise<CallView>((resolve) => screen.on("calls:updated", (calls) => calls.forEach((call) => call.id === callId && resolve(call))));
    const response = await postWebhook(a.baseUrl, snakeStatusUpdate({ callId, status: "in-progress", customerNumber: "+31612349876" }), { secret: TEST_WEBHOOK_SECRET });
    expect(response.status).toBe(200);
    expect((await received).customerNumber).toBe("••• 9876");

    const ended = new Promise<WallboardEnded>((resolve) => screen.on("wallboard:ended", resolve));
    const closed = new Promise<string>((resolve) => screen.on("disconnect", resolve));
    const revoked = await fetch(`${a.baseUrl}/api/wallboards/${created.id}`, { method: "DELETE", headers: { cookie: await a.adminCookie(), origin: a.baseUrl } });
    expect(revoked.status).toBe(200);
    const timeout = (what: string) => new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`No ${what} on B within 5 s`)), 5_000));
    expect(await Promise.race([ended, timeout("wallboard:ended")])).toMatchObject({ reason: "revoked" });
    expect(await Promise.race([closed, timeout("disconnect")])).toBe("io server disconnect");
  });

  it("a link of one line on B gets that line's calls posted to A, and none of another line", async () => {
    const tail = () => String(Math.floor(Math.random() * 1e7)).padStart(7, "0");
    const [lineA, lineB] = [`+3120${tail()}`, `+3120${tail()}`];
    const adminCookie = await a.adminCookie();
    const ofLineA = await createWallboardOverHttp(a.baseUrl, adminCookie, { lineNumber: lineA });
    const everyLine = await createWallboardOverHttp(a.baseUrl, adminCookie, {});
    const screenOfLineA = await listenToCallUpdates(b.baseUrl, wallboardCookie(ofLineA.url));
    const screenOfEveryLine = await listenToCallUpdates(b.baseUrl, wallboardCookie(everyLine.url));
    try {
      const post = async (lineNumber: string, customerNumber: string) => {
        const callId = newCallId();
        const response = await postWebhook(a.baseUrl, snakeStatusUpdate({ callId, status: "in-progress", lineNumber, customerNumber }), { secret: TEST_WEBHOOK_SECRET });
        expect(response.status).toBe(200);
        return callId;
      };
      const callOfB = await post(lineB, `+3161${tail()}`);
      // Reached B: the screen for every line shows it, masked.
      expect((await screenOfEveryLine.waitFor((call) => call.id === callOfB)).customerNumber).toMatch(/^••• \d{4}$/);
      const customerOfA = `+3161${tail()}`;
      const callOfA = await post(lineA, customerOfA);
      expect((await screenOfLineA.waitFor((call) => call.id === callOfA)).customerNumber).toBe(`••• ${customerOfA.slice(-4)}`);
      expect(screenOfLineA.received.map((call) => call.lineNumber)).toEqual([lineA]);
    } finally {
      screenOfLineA.close();
      screenOfEveryLine.close();
    }
  });
});
