// Callboard checked against Flireo's API, in a real browser: 200 calls happened at Flireo while Callboard was
// stopped; once it starts, the board and the read API show every one in its right state after one round. The drift
// notice appears when Flireo counts more calls in progress than the board on two rounds in a row, and clears.
import { test as base, expect } from "@playwright/test";
import { apiGet, createApiTokenOverHttp } from "@/lib/testing/api-tokens";
import { fakeCall, type FakeCall } from "@/lib/testing/fake-flireo-calls";
import { startFakeFlireo, type FakeFlireo } from "@/lib/testing/fake-flireo";
import { startTestServer, type TestServer } from "@/lib/testing/test-server";
import { storageStateFromCookie } from "./fixtures";

type WorkerFixtures = { flireo: FakeFlireo; server: TestServer };

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
const STATES = ["in-progress", "ended", "failed", "ended", "ended-with-error", "transferred", "ended", "ended"] as const;
const EXPECTED: Record<(typeof STATES)[number], string> = {
  "in-progress": "in-progress",
  ended: "ended",
  failed: "ended-with-error",
  "ended-with-error": "ended-with-error",
  transferred: "ended",
};

/** What happened at Flireo while Callboard was down: 200 calls, 25 of them still in progress. */
function missedCalls(): FakeCall[] {
  return Array.from({ length: 200 }, (_, index) => {
    const status = STATES[index % STATES.length] ?? "ended";
    const isLive = status === "in-progress";
    return fakeCall({
      id: `call-_+3161${String(1_000_000 + index).slice(-7)}_${index.toString(16)}`,
      caller_phone: `+3161${String(1_000_000 + index).slice(-7)}`,
      status,
      started_at: isLive ? minutesAgo(2) : minutesAgo(40 - index / 10),
      ended_at: isLive ? null : minutesAgo(10),
      duration_seconds: isLive ? null : 90,
      error: status === "failed" || status === "ended-with-error" ? "Carrier dropped the call" : null,
    });
  });
}

const test = base.extend<object, WorkerFixtures>({
  flireo: [
    async ({}, use) => {
      const flireo = await startFakeFlireo();
      flireo.putCalls(...missedCalls());
      await use(flireo);
      await flireo.stop();
    },
    { scope: "worker" },
  ],
  server: [
    async ({ flireo }, use) => {
      const server = await startTestServer({
        env: { FLIREO_API_BASE_URL: flireo.baseUrl, FLIREO_API_KEY: flireo.apiKey, FLIREO_RECONCILE_SECONDS: "2" },
      });
      await use(server);
      await server.stop();
    },
    { scope: "worker", timeout: 90_000 },
  ],
  baseURL: async ({ server }, use) => use(server.baseUrl),
  storageState: async ({ server }, use) => use(storageStateFromCookie(await server.adminCookie())),
});

test.describe.configure({ mode: "serial" });

test.describe("[RECONCILE]", () => {
  test("shows every call that happened while Callboard was stopped, on the board and in the read API", async ({ page, server, flireo }) => {
    await page.goto("/");
    await expect(page.getByTestId("kpi-active")).toHaveText("25", { timeout: 20_000 });

    const { secret } = await createApiTokenOverHttp(server, { name: "Reconcile check" });
    const seen = new Map<string, string>();
    let cursor: string | null = null;
    do {
      const response = await apiGet(server, `/api/v1/calls?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`, secret);
      expect(response.status).toBe(200);
      const body = (await response.json()) as { data: Array<{ id: string; status: string }>; nextCursor: string | null };
      for (const call of body.data) seen.set(call.id, call.status);
      cursor = body.nextCursor;
    } while (cursor);
    expect(seen.size).toBe(200);
    for (const call of flireo.callsState.calls.values()) {
      expect(seen.get(call.id), call.id).toBe(EXPECTED[call.status as keyof typeof EXPECTED]);
    }

    // The timeline says where the call came from.
    const ended = [...flireo.callsState.calls.values()].find((call) => call.status === "failed");
    await page.goto(`/calls/${encodeURIComponent(ended?.id ?? "")}`);
    await expect(page.getByText("Flireo's API reported the call ended with an error")).toBeVisible();

    // The webhooks page lists the rounds.
    await page.goto("/webhooks");
    await expect(page.getByTestId("reconcile-round").first()).toContainText("to Flireo");
  });

  test("shows the drift notice while Flireo counts other calls in progress than the board, and clears it", async ({ page, flireo }) => {
    await page.goto("/");
    await expect(page.getByTestId("kpi-active")).toHaveText("25", { timeout: 20_000 });
    await expect(page.getByTestId("drift-notice")).toHaveCount(0);

    flireo.callsState.activeCallsOverride = 27;
    await expect(page.getByTestId("drift-notice")).toHaveText("Flireo counts 27 calls in progress; the board shows 25. Reconciling…", { timeout: 40_000 });

    flireo.callsState.activeCallsOverride = null;
    await expect(page.getByTestId("drift-notice")).toHaveCount(0, { timeout: 40_000 });
  });
});
