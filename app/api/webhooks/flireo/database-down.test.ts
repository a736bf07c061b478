// Integration: Postgres goes away under a running Callboard and comes back. The server must answer 503 with
// Retry-After (never a 2xx for an event it did not commit), broadcast nothing it did not commit, and recover by
// itself; while a database error that is a bug stays a logged 500. The test runs its own embedded Postgres on its own port, so it can stop and start it.
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "@/lib/db/embedded-postgres";
import { apiGet, createApiTokenOverHttp } from "@/lib/testing/api-tokens";
import { listenToCallUpdates, type CallUpdates } from "@/lib/testing/call-updates";
import { camelStatusUpdate, newCallId, postWebhook } from "@/lib/testing/flireo-payloads";
import { findFreePort, startTestServer, TEST_WEBHOOK_SECRET, type TestServer } from "@/lib/testing/test-server";

let dataRoot: string;
let port: number;
let postgres: EmbeddedDatabase | null = null;
let server: TestServer;
let updates: CallUpdates;

const startPostgres = () => startEmbeddedPostgres({ dataDir: path.join(dataRoot, "data"), port, database: "callboard" });

beforeAll(async () => {
  dataRoot = mkdtempSync(path.join(os.tmpdir(), "callboard-db-down-"));
  // As root, the embedded Postgres runs as an unprivileged user that must reach its data folder.
  chmodSync(dataRoot, 0o755);
  port = await findFreePort();
  postgres = await startPostgres();
  server = await startTestServer({ database: { url: postgres.url, name: "callboard", drop: async () => {} } });
  updates = await listenToCallUpdates(server.baseUrl, await server.adminCookie());
}, 120_000);

afterAll(async () => {
  updates?.close();
  await server?.stop();
  await postgres?.stop();
  rmSync(dataRoot, { recursive: true, force: true });
});

const send = (payload: unknown) => postWebhook(server.baseUrl, payload, { secret: TEST_WEBHOOK_SECRET });

async function countCalls(callId: string): Promise<number> {
  const client = new pg.Client({ connectionString: postgres?.url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>("SELECT count(*)::int AS n FROM calls WHERE id = $1", [callId]);
    return rows[0]?.n ?? -1;
  } finally {
    await client.end();
  }
}

describe("when the database is down", () => {
  it("answers 503 with Retry-After, broadcasts nothing, and stores the event once the database is back", async () => {
    const before = newCallId();
    expect((await send(camelStatusUpdate({ callId: before, status: "in-progress" }))).status).toBe(200);
    await updates.waitFor((call) => call.id === before);
    const { secret } = await createApiTokenOverHttp(server);

    await postgres?.stop();
    postgres = null;

    const callId = newCallId();
    const payload = camelStatusUpdate({ callId, status: "in-progress" });
    for (let attempt = 0; attempt < 5; attempt++) {
      const response = await send(payload);
      expect(response.status).toBe(503);
      expect(response.headers.get("retry-after")).toBe("5");
      expect(await response.json()).toMatchObject({ error: { code: "unavailable", message: expect.stringContaining("retry") } });
    }
    // The refusal is logged as one JSON line (pino): a call id with a line break cannot forge a log entry of its own.
    const forgedLine = '{"level":60,"msg":"forged entry"}';
    expect((await send(camelStatusUpdate({ callId: `${newCallId()}\n${forgedLine}`, status: "in-progress" }))).status).toBe(503);
    // The server's log lines reach this process through a pipe, maybe after the answer did.
    await expect.poll(() => server.output()).toContain("forged entry");
    const lines = server.output().split("\n");
    expect(lines).not.toContain(forgedLine);
    const logged = lines.filter((line) => line.includes("answered 503 for a webhook"));
    expect(logged.length).toBeGreaterThan(0);
    for (const line of logged) expect(JSON.parse(line)).toMatchObject({ level: 40, callId: expect.any(String), msg: "Database unavailable; answered 503 for a webhook" });
    expect(logged.some((line) => (JSON.parse(line) as { callId: string }).callId.endsWith(`\n${forgedLine}`))).toBe(true);
    // A repeat of an event that was stored before is not acknowledged either: Callboard cannot know it now.
    expect((await send(camelStatusUpdate({ callId: before, status: "ended" }))).status).toBe(503);
    // Reads say the same, instead of a 500.
    const board = await fetch(`${server.baseUrl}/api/calls/board`, { headers: { cookie: await server.adminCookie() } });
    expect(board.status).toBe(503);
    expect(board.headers.get("retry-after")).toBe("5");
    // So does the read API, whose tokens live in the database too.
    const api = await apiGet(server, "/api/v1/calls", secret);
    expect(api.status).toBe(503);
    expect(api.headers.get("retry-after")).toBe("5");
    // The server process is still there, still answering what needs no database.
    expect((await fetch(`${server.baseUrl}/api/webhooks/flireo`)).status).toBe(200);
    expect(server.process.exitCode).toBeNull();

    postgres = await startPostgres();

    let status = 0;
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      const response = await send(payload);
      status = response.status;
      expect([200, 503]).toContain(status);
      if (status === 200) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(status).toBe(200);
    expect(await countCalls(callId)).toBe(1);

    const broadcast = await updates.waitFor((call) => call.id === callId);
    expect(broadcast.status).toBe("in-progress");
    // Exactly one broadcast for that call: the 503 answers broadcast nothing.
    expect(updates.received.filter((call) => call.id === callId)).toHaveLength(1);
    // And nothing for the refused `ended` of the earlier call.
    expect(updates.received.filter((call) => call.id === before && call.status === "ended")).toHaveLength(0);
    expect(await countCalls(before)).toBe(1);

    // The refusals made while the database was down reach the delivery log once it is back.
    const deadlineLog = Date.now() + 15_000;
    let refused = 0;
    while (Date.now() < deadlineLog) {
      const response = await fetch(`${server.baseUrl}/api/webhooks/deliveries?outcome=rejected&limit=50`, { headers: { cookie: await server.adminCookie() } });
      if (response.status === 200) {
        const body = (await response.json()) as { deliveries: { statusCode: number }[] };
        refused = body.deliveries.filter((delivery) => delivery.statusCode === 503).length;
        if (refused >= 6) break;
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(refused).toBeGreaterThanOrEqual(6);
    // Every connection the outage cut was expected to go (the live-update adapter's LISTEN one included): logged,
    // never an uncaught exception.
    expect(server.output()).not.toMatch(/uncaughtException/i);
  }, 120_000);

  it("answers a database error that is a bug (a missing table) with a logged 500, not a 503", async () => {
    const client = new pg.Client({ connectionString: postgres?.url });
    await client.connect();
    try {
      await client.query("ALTER TABLE call_events RENAME TO call_events_away");
      const response = await send(camelStatusUpdate({ callId: newCallId(), status: "in-progress" }));
      expect(response.status).toBe(500);
      expect(response.headers.get("retry-after")).toBeNull();
      expect(await response.json()).toMatchObject({ error: { code: "internal", message: expect.stringContaining("logged") } });
      await expect.poll(() => server.output()).toContain("Unhandled error");
      // As a JSON line (pino), with the error in it, not a raw console line.
      const logged = server.output().split("\n").filter((line) => line.includes("Unhandled error"));
      for (const line of logged) expect(JSON.parse(line)).toMatchObject({ level: 50, msg: "Unhandled error", err: expect.objectContaining({ message: expect.any(String) }) });
    } finally {
      await client.query("ALTER TABLE call_events_away RENAME TO call_events");
      await client.end();
    }
    expect((await send(camelStatusUpdate({ callId: newCallId(), status: "in-progress" }))).status).toBe(200);
  });
});
