// The board survives its server dying under load: it shows the outage, reconnects, and catches up.
import { test as base, expect } from "@playwright/test";
import pg from "pg";
import { createSignedInUser } from "@/lib/testing/auth";
import { camelStatusUpdate, newCallId, postWebhook } from "@/lib/testing/flireo-payloads";
import { createTestDatabase } from "@/lib/testing/test-postgres";
import { startTestServer, TEST_WEBHOOK_SECRET, type TestServer } from "@/lib/testing/test-server";
import { storageStateFromCookie } from "./fixtures";

const test = base;

test("[FAULTS]: the board catches up after its server is killed during load and comes back", async ({ page }) => {
  test.setTimeout(120_000);
  const database = await createTestDatabase();
  let server: TestServer = await startTestServer({ database });
  const port = server.port;
  const db = new pg.Pool({ connectionString: database.url });
  const send = (payload: unknown) => postWebhook(server.baseUrl, payload, { secret: TEST_WEBHOOK_SECRET });

  try {
    // Calls that are live before the crash; some of them will end while the board cannot hear it.
    const before = Array.from({ length: 12 }, () => newCallId());
    for (const callId of before) expect((await send(camelStatusUpdate({ callId, status: "in-progress" }))).status).toBe(200);
    // The session lives in the database, so it outlasts the server.
    const { cookie } = await createSignedInUser(server.baseUrl, database.url, "viewer");
    await page.context().addCookies(storageStateFromCookie(cookie).cookies);
    await page.goto(server.baseUrl);
    await expect(page.getByTestId("connection-state")).toHaveAttribute("data-state", "live");
    await expect(page.getByTestId("live-call")).toHaveCount(before.length);

    // Load while the server dies: fire events and kill it mid-stream. Only acknowledged events count.
    const acknowledged = new Set<string>();
    const inFlight = before.slice(0, 6).map(async (callId, index) => {
      const response = await send(camelStatusUpdate({ callId, status: index % 2 ? "ended" : "ended-with-error", error: "Carrier hung up" })).catch(() => null);
      if (response?.status === 200) acknowledged.add(callId);
    });
    server.process.kill("SIGKILL");
    await Promise.all(inFlight);
    await expect(page.getByTestId("connection-state")).not.toHaveAttribute("data-state", "live");

    // It comes back on the same address and database; events keep arriving.
    server = await startTestServer({ database, port });
    const after = Array.from({ length: 5 }, () => newCallId());
    for (const callId of after) expect((await send(camelStatusUpdate({ callId, status: "in-progress" }))).status).toBe(200);
    for (const callId of before.slice(6, 9)) expect((await send(camelStatusUpdate({ callId, status: "ended" }))).status).toBe(200);

    // The board reconnects by itself and then shows exactly what the database holds.
    await expect(page.getByTestId("connection-state")).toHaveAttribute("data-state", "live", { timeout: 30_000 });
    const { rows } = await db.query<{ id: string }>(
      "SELECT id FROM calls WHERE status = 'in-progress' AND unresolved_at IS NULL ORDER BY id",
    );
    const expected = rows.map((row) => row.id);
    for (const callId of acknowledged) expect(expected).not.toContain(callId);
    await expect
      .poll(async () => (await page.getByTestId("live-call").evaluateAll((rows) => rows.map((row) => row.getAttribute("data-call-id")))).sort(), {
        timeout: 15_000,
      })
      .toEqual(expected);
  } finally {
    await db.end();
    await server.stop();
    await database.drop();
  }
});
