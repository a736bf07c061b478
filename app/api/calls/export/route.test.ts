// Integration: the board's two exports answer an early failure in the one error shape. A table locked past the page's
// statement timeout (a long migration, a stuck transaction) is the database not answering in time: a 503 to retry,
// in JSON, before any of the file is sent, not Next's bare 500 or a download broken off after its header row.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { camelStatusUpdate, newCallId, postWebhook } from "@/lib/testing/flireo-payloads";
import { startTestServer, TEST_WEBHOOK_SECRET, type TestServer } from "@/lib/testing/test-server";

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
}, 90_000);

afterAll(async () => {
  await server?.stop();
});

const EXPORTS = ["/api/calls/export?range=all", "/api/calls/export/xlsx?range=all"];

const download = async (pathname: string) => fetch(`${server.baseUrl}${pathname}`, { headers: { cookie: await server.adminCookie() } });

describe("the calls exports", () => {
  it("answer 503 with Retry-After in the one error shape when the first page cannot be read, and the file once it can", async () => {
    const callId = newCallId();
    expect((await postWebhook(server.baseUrl, camelStatusUpdate({ callId, status: "in-progress" }), { secret: TEST_WEBHOOK_SECRET })).status).toBe(200);
    await server.adminCookie(); // signed in before the lock: the session's lookup does not read calls, but signing in writes

    const blocker = new pg.Client({ connectionString: server.database.url });
    await blocker.connect();
    try {
      await blocker.query("BEGIN");
      await blocker.query("LOCK TABLE calls IN ACCESS EXCLUSIVE MODE");
      const answers = await Promise.all(EXPORTS.map(download));
      for (const [index, answer] of answers.entries()) {
        expect(answer.status, EXPORTS[index]).toBe(503);
        expect(answer.headers.get("retry-after")).toBe("5");
        expect(answer.headers.get("content-type")).toMatch(/^application\/json/);
        expect(answer.headers.get("content-disposition")).toBeNull();
        expect(await answer.json()).toEqual({ error: { code: "unavailable", message: expect.any(String) } });
      }
    } finally {
      await blocker.query("ROLLBACK");
      await blocker.end();
    }

    const csv = await download(EXPORTS[0]!);
    expect(csv.status).toBe(200);
    expect(await csv.text()).toContain(callId);
    const xlsx = await download(EXPORTS[1]!);
    expect(xlsx.status).toBe(200);
    expect((await xlsx.arrayBuffer()).byteLength).toBeGreaterThan(0);
  }, 60_000);
});
