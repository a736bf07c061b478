// Integration: the server's sweeper takes quiet calls off the live list, says why, broadcasts it, and a late
// end event still closes such a call. STALE_CALL_MINUTES is tiny here so the test runs in seconds.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listenToCallUpdates, type CallUpdates } from "@/lib/testing/call-updates";
import { camelStatusUpdate, newCallId, postWebhook } from "@/lib/testing/flireo-payloads";
import { startTestServer, TEST_WEBHOOK_SECRET, type TestServer } from "@/lib/testing/test-server";

const STALE_SECONDS = 3;

let server: TestServer;
let db: pg.Pool;
let updates: CallUpdates;

beforeAll(async () => {
  server = await startTestServer({ env: { STALE_CALL_MINUTES: String(STALE_SECONDS / 60), STALE_SWEEP_INTERVAL_SECONDS: "0.5" } });
  db = new pg.Pool({ connectionString: server.database.url });
  updates = await listenToCallUpdates(server.baseUrl, await server.adminCookie());
  // Both routes loaded before the first test, whose call must still be live a few seconds after it is sent.
  await send(camelStatusUpdate({ callId: newCallId(), status: "ended" }));
  await liveIds();
});

afterAll(async () => {
  updates?.close();
  await db?.end();
  await server?.stop();
});

const send = async (payload: unknown) => {
  const response = await postWebhook(server.baseUrl, payload, { secret: TEST_WEBHOOK_SECRET });
  expect(response.status).toBe(200);
};

async function liveIds(): Promise<string[]> {
  const response = await fetch(`${server.baseUrl}/api/calls/board`, { headers: { cookie: await server.adminCookie() } });
  const snapshot = (await response.json()) as { live: { id: string }[] };
  return snapshot.live.map((call) => call.id);
}

describe("stale calls", () => {
  it("marks a quiet in-progress call unresolved with a reason, broadcasts it, and drops it from the live list", async () => {
    const quiet = newCallId();
    await send(camelStatusUpdate({ callId: quiet, status: "in-progress" }));
    expect(await liveIds()).toContain(quiet);

    const update = await updates.waitFor((call) => call.id === quiet && call.unresolvedAt !== null);
    expect(update.status).toBe("in-progress");
    expect(update.unresolvedReason).toMatch(/No webhook from Flireo for this call in 0\.05 min/);
    const { rows } = await db.query("SELECT unresolved_at, unresolved_reason FROM calls WHERE id = $1", [quiet]);
    expect(rows[0].unresolved_at).toBeInstanceOf(Date);
    expect(rows[0].unresolved_reason).toBe(update.unresolvedReason);
    expect(await liveIds()).not.toContain(quiet);
  });

  it("leaves ended calls and calls with recent news alone", async () => {
    const ended = newCallId();
    await send(camelStatusUpdate({ callId: ended, status: "ended", timestamp: new Date(Date.now() - 60 * 60_000) }));
    const fresh = newCallId();
    await send(camelStatusUpdate({ callId: fresh, status: "in-progress", timestamp: new Date(Date.now() + 60 * 60_000) }));
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const { rows } = await db.query("SELECT id, unresolved_at FROM calls WHERE id = ANY($1)", [[ended, fresh]]);
    expect(rows.map((row) => row.unresolved_at)).toEqual([null, null]);
  });

  it("a late end event still closes an unresolved call, clears the reason and broadcasts it", async () => {
    const callId = newCallId();
    const startedAt = new Date(Date.now() - 10 * 60_000);
    await send(camelStatusUpdate({ callId, status: "in-progress", timestamp: startedAt }));
    await updates.waitFor((call) => call.id === callId && call.unresolvedAt !== null);

    const endedAt = new Date(Date.now() - 9 * 60_000);
    await send(camelStatusUpdate({ callId, status: "ended", timestamp: endedAt }));
    const closed = await updates.waitFor((call) => call.id === callId && call.status === "ended");
    expect(closed).toMatchObject({ unresolvedAt: null, unresolvedReason: null, endedAt: endedAt.toISOString() });
    const { rows } = await db.query("SELECT status, unresolved_at, unresolved_reason, ended_at FROM calls WHERE id = $1", [callId]);
    expect(rows[0]).toEqual({ status: "ended", unresolved_at: null, unresolved_reason: null, ended_at: endedAt });
  });

  it("a late, older in-progress does not bring an unresolved call back", async () => {
    const callId = newCallId();
    const later = new Date(Date.now() - 5 * 60_000);
    await send(camelStatusUpdate({ callId, status: "in-progress", timestamp: later }));
    await updates.waitFor((call) => call.id === callId && call.unresolvedAt !== null);
    await send(camelStatusUpdate({ callId, status: "in-progress", timestamp: new Date(later.getTime() - 1_000) }));
    const { rows } = await db.query("SELECT unresolved_at FROM calls WHERE id = $1", [callId]);
    expect(rows[0].unresolved_at).toBeInstanceOf(Date);
  });
});
