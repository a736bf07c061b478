// [CONTROL]: a supervisor acts on a live call from the board (its keyboard menu), against the fake Flireo, which
// ends the call and sends the signed `ended` webhook back; a second board sees "Ending… requested by …" and then
// the end. Viewers get no controls. Its own server: the worker's shared one has no Flireo behind it.
import { test as base, expect, type Browser, type Page } from "@playwright/test";
import { createTestUser, newTestUser, signIn, storageStateFromCookie } from "@/lib/testing/auth";
import { startFakeFlireo, type FakeFlireo } from "@/lib/testing/fake-flireo";
import { camelStatusUpdate, newCallId, postWebhook } from "@/lib/testing/flireo-payloads";
import { startTestServer, TEST_WEBHOOK_SECRET, type TestServer } from "@/lib/testing/test-server";
import { uniqueCustomer } from "./helpers";

const test = base.extend<object, { flireo: FakeFlireo; server: TestServer }>({
  flireo: [
    async ({}, use) => {
      const flireo = await startFakeFlireo();
      await use(flireo);
      await flireo.stop();
    },
    { scope: "worker" },
  ],
  server: [
    async ({ flireo }, use) => {
      const server = await startTestServer({ env: { FLIREO_API_BASE_URL: flireo.baseUrl, FLIREO_API_KEY: flireo.apiKey, LOGIN_ATTEMPTS_PER_MINUTE: "50" } });
      flireo.control.webhookTarget = { baseUrl: server.baseUrl, secret: TEST_WEBHOOK_SECRET };
      await use(server);
      await server.stop();
    },
    { scope: "worker", timeout: 90_000 },
  ],
});

async function boardAs(browser: Browser, server: TestServer, role: "supervisor" | "viewer"): Promise<{ page: Page; email: string }> {
  const user = newTestUser(role);
  await createTestUser(server.database.url, user);
  const context = await browser.newContext({ baseURL: server.baseUrl, storageState: storageStateFromCookie(await signIn(server.baseUrl, user.email, user.password)) });
  const page = await context.newPage();
  await page.goto("/");
  await expect(page.getByTestId("connection-state")).toHaveAttribute("data-state", "live");
  return { page, email: user.email };
}

async function startLiveCall(server: TestServer, flireo: FakeFlireo, customer: string): Promise<string> {
  const callId = newCallId();
  flireo.control.calls.set(callId, { id: callId, status: "in-progress", customerNumber: customer });
  const response = await postWebhook(server.baseUrl, camelStatusUpdate({ callId, status: "in-progress", customerNumber: customer }), { secret: TEST_WEBHOOK_SECRET });
  expect(response.status).toBe(200);
  return callId;
}

test.describe("[CONTROL]", () => {
  test("a supervisor ends a live call from the board; a second board sees Ending… and then the end", async ({ browser, server, flireo }) => {
    const supervisor = await boardAs(browser, server, "supervisor");
    const watcher = await boardAs(browser, server, "viewer");
    // Flireo hangs up a moment after accepting: long enough to see what the boards show meanwhile.
    flireo.control.endDelayMs = 2_000;
    const customer = uniqueCustomer();
    const callId = await startLiveCall(server, flireo, customer);
    const row = (page: Page) => page.locator(`[data-testid="live-call"][data-call-id="${callId}"]`);
    await expect(row(supervisor.page)).toBeVisible();
    await expect(row(watcher.page)).toBeVisible();
    await expect(row(watcher.page).getByTestId("call-actions")).toHaveCount(0);

    // By keyboard: the menu button, the arrow into the menu, Enter on "End call…".
    await row(supervisor.page).getByTestId("call-actions").focus();
    await supervisor.page.keyboard.press("ArrowDown");
    await expect(supervisor.page.getByRole("menuitem", { name: "End call…" })).toBeFocused();
    await supervisor.page.keyboard.press("Enter");
    const dialog = supervisor.page.getByTestId("command-dialog");
    await dialog.getByTestId("command-text").fill("Thank you for calling, goodbye.");
    await dialog.getByTestId("command-submit").click();
    await expect(dialog.getByTestId("command-confirmation")).toContainText("End the call with");
    await dialog.getByRole("button", { name: "Yes, end call" }).click();
    await expect(dialog.getByTestId("command-state")).toHaveAttribute("data-state", "ok");
    await expect(dialog.getByTestId("command-state")).toHaveText(/Flireo is ending the call/);

    // The second board: the command under way, with who asked, until the ended webhook takes the call off.
    await expect(row(watcher.page).getByTestId("command-badge")).toHaveText(`Ending… requested by ${supervisor.email}`);
    await expect(row(watcher.page)).toHaveCount(0, { timeout: 10_000 });
    await expect(watcher.page.locator(`[data-testid="ended-call"][data-call-id="${callId}"]`)).toBeVisible();

    await dialog.getByRole("button", { name: "Close" }).click();
    await expect(row(supervisor.page)).toHaveCount(0);
    await supervisor.page.locator(`[data-testid="ended-call"][data-call-id="${callId}"] a`).first().click();
    const command = supervisor.page.getByTestId("timeline-command");
    await expect(command).toHaveAttribute("data-type", "end-call");
    await expect(command.getByTestId("timeline-command-actor")).toHaveText(`requested by ${supervisor.email}`);
    await expect(command).toContainText('End the call, saying "Thank you for calling, goodbye."');
    expect(flireo.control.commands.filter((sent) => sent.callId === callId).map((sent) => sent.body)).toEqual([{ type: "end-call", message: "Thank you for calling, goodbye." }]);
  });

  test("a board that was away when a command was sent shows it once it is back", async ({ browser, server, flireo }) => {
    const supervisor = await boardAs(browser, server, "supervisor");
    const watcher = await boardAs(browser, server, "viewer");
    // Flireo accepts at once and hangs up only much later: the command stays under way for the whole test.
    const endDelay = flireo.control.endDelayMs;
    flireo.control.endDelayMs = 60_000;
    try {
      const callId = await startLiveCall(server, flireo, uniqueCustomer());
      const watched = watcher.page.locator(`[data-testid="live-call"][data-call-id="${callId}"]`);
      await expect(watched).toBeVisible();
      await expect(watcher.page.getByTestId("board-lists")).toHaveAttribute("data-syncing", "false");
      await watcher.page.evaluate(() => (window as unknown as { __callboardSocket: { disconnect(): void } }).__callboardSocket.disconnect());
      await expect(watcher.page.getByTestId("connection-state")).toHaveAttribute("data-state", "offline");

      const response = await supervisor.page.request.post(`/api/calls/${callId}/control`, { data: { type: "end-call" }, headers: { origin: server.baseUrl } });
      expect(response.status(), await response.text()).toBe(200);
      await expect(watched.getByTestId("command-badge")).toHaveCount(0);

      await watcher.page.evaluate(() => (window as unknown as { __callboardSocket: { connect(): void } }).__callboardSocket.connect());
      await expect(watcher.page.getByTestId("connection-state")).toHaveAttribute("data-state", "live");
      await expect(watched.getByTestId("command-badge")).toHaveText(`Ending… requested by ${supervisor.email}`);
      // And after a reload, from the page's first render.
      await watcher.page.reload();
      await expect(watched.getByTestId("command-badge")).toHaveText(`Ending… requested by ${supervisor.email}`);
    } finally {
      flireo.control.endDelayMs = endDelay;
    }
  });

  test("a viewer's call page has no controls; a supervisor's says Flireo's refusal in words", async ({ browser, server, flireo }) => {
    const supervisor = await boardAs(browser, server, "supervisor");
    const viewer = await boardAs(browser, server, "viewer");
    const callId = await startLiveCall(server, flireo, uniqueCustomer());
    await viewer.page.goto(`/calls/${callId}`);
    await expect(viewer.page.getByTestId("detail-status")).toHaveText("In progress");
    await expect(viewer.page.getByTestId("call-controls")).toHaveCount(0);

    // The call ended at Flireo without Callboard hearing of it yet.
    flireo.control.calls.set(callId, { id: callId, status: "ended" });
    await supervisor.page.goto(`/calls/${callId}`);
    await supervisor.page.getByTestId("call-control-say").click();
    const dialog = supervisor.page.getByTestId("command-dialog");
    await dialog.getByTestId("command-text").fill("Are you still there?");
    await dialog.getByTestId("command-submit").click();
    await expect(dialog.getByTestId("command-state")).toHaveText("This call has already ended.");
    await expect(dialog.getByTestId("command-state")).toHaveAttribute("data-state", "refused");
    await dialog.getByRole("button", { name: "Close" }).click();
    await expect(supervisor.page.getByTestId("timeline-command")).toHaveAttribute("data-outcome", "refused");
  });
});
