// The webhooks page in a real browser, against a Callboard whose FLIREO_API_BASE_URL points at a fake Flireo.
import { test as base, expect } from "@playwright/test";
import { camelStatusUpdate, newCallId, postWebhook } from "@/lib/testing/flireo-payloads";
import { fakeAssistant, startFakeFlireo, type FakeFlireo } from "@/lib/testing/fake-flireo";
import { startTestServer, type TestServer } from "@/lib/testing/test-server";
import { storageStateFromCookie } from "./fixtures";

type WorkerFixtures = { flireo: FakeFlireo; server: TestServer };

const test = base.extend<object, WorkerFixtures>({
  flireo: [
    async ({}, use) => {
      const flireo = await startFakeFlireo({
        assistants: [
          fakeAssistant({ id: "asst-reception", name: "Reception" }),
          fakeAssistant({ id: "asst-sales", name: "Sales", webhook_url: "https://crm.example.test/hooks", webhook_secret: "theirs", webhook_events: ["assistant-request"] }),
        ],
        numbers: [{ id: "num-1", phone_number: "+31201234567", name: "Main line", agent_id: "asst-reception", transfer_trunk_id: null }],
      });
      await use(flireo);
      await flireo.stop();
    },
    { scope: "worker" },
  ],
  server: [
    async ({ flireo }, use) => {
      const server = await startTestServer({ env: { FLIREO_API_BASE_URL: flireo.baseUrl } });
      await use(server);
      await server.stop();
    },
    { scope: "worker", timeout: 90_000 },
  ],
  baseURL: async ({ server }, use) => use(server.baseUrl),
  // The webhooks page is for admins.
  storageState: async ({ server }, use) => use(storageStateFromCookie(await server.adminCookie())),
});

test.describe("[WEBHOOKS]", () => {
  test("registers an assistant with Flireo from the page", async ({ page, server, flireo }) => {
    await page.goto("/webhooks");
    const url = `${server.baseUrl}/api/webhooks/flireo`;
    await expect(page.getByTestId("webhook-url-value")).toHaveText(url);
    await expect(page.getByTestId("webhook-url-warning").first()).toContainText("only reachable from this machine");

    await page.getByLabel(/Flireo API key/).fill(flireo.apiKey);
    await page.getByRole("button", { name: "Save key" }).click();
    await expect(page.getByTestId("api-key-state")).toContainText("saved on this server");
    await expect(page.getByLabel(/Flireo API key/)).toHaveCount(0);

    const reception = page.locator('[data-testid="assistant"][data-assistant-id="asst-reception"]');
    const sales = page.locator('[data-testid="assistant"][data-assistant-id="asst-sales"]');
    await expect(reception.getByTestId("assistant-connection")).toHaveText("No webhook");
    await expect(sales.getByTestId("assistant-connection")).toHaveText("Sends elsewhere");
    await expect(page.getByTestId("number")).toContainText("Reception");

    await reception.getByRole("checkbox").check();
    await page.getByTestId("register-selected").click();
    await expect(reception.getByTestId("assistant-result")).toHaveAttribute("data-outcome", "registered");
    await expect(reception.getByTestId("assistant-connection")).toHaveText("Sends to this Callboard");
    await expect(sales.getByTestId("assistant-connection")).toHaveText("Sends elsewhere");

    const patches = flireo.requests.filter((request) => request.method === "PATCH");
    expect(patches).toHaveLength(1);
    expect(patches[0]?.body).toEqual({ webhook_url: url, webhook_secret: expect.stringMatching(/^whsec_/), webhook_events: ["status-update", "end-of-call-report"] });
    expect(flireo.assistants.get("asst-sales")?.webhook_url).toBe("https://crm.example.test/hooks");
    expect(await page.content()).not.toContain(flireo.apiKey);

    // After a rotation the registered assistant still holds the previous secret, and the page says so.
    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByTestId("rotate-secret").click();
    await expect(reception).toContainText("Uses the previous secret: register again");
  });

  test("sends a signed test event through the real route and shows the answer", async ({ page }) => {
    await page.goto("/webhooks");
    await page.getByTestId("send-test-event").click();
    const result = page.getByTestId("test-event-result");
    await expect(result).toHaveAttribute("data-accepted", "true");
    await expect(result).toContainText("Accepted: HTTP 200");
    await expect(result).toContainText("x-callboard-outcome: stored");
  });

  test("lists deliveries with their outcome and reason, and filters them by outcome", async ({ page, server }) => {
    // One refused delivery (a wrong signature) beside the test event's stored one.
    const refused = await fetch(`${server.baseUrl}/api/webhooks/flireo`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-webhook-timestamp": String(Math.floor(Date.now() / 1000)), "x-webhook-signature": "sha256=" + "0".repeat(64) },
      body: JSON.stringify({ message: { type: "status-update" } }),
    });
    expect(refused.status).toBe(401);

    await page.goto("/webhooks");
    await page.getByTestId("send-test-event").click();
    await expect(page.getByTestId("test-event-result")).toHaveAttribute("data-accepted", "true");
    const log = page.getByTestId("delivery-log");
    await expect(log.locator('[data-testid="delivery"][data-outcome="stored"]').first()).toBeVisible();
    await expect(log.locator('[data-testid="delivery"][data-outcome="rejected"]').first()).toContainText("does not match");

    await page.getByTestId("delivery-count-rejected").click();
    await expect(log.locator('[data-testid="delivery"][data-outcome="stored"]')).toHaveCount(0);
    await expect(log.locator('[data-testid="delivery"][data-outcome="rejected"]').first()).toBeVisible();
    await expect(page.getByTestId("delivery-count-rejected")).toContainText(/rejected \d+/);
  });

  test("rotates the secret; the new and the previous one are both accepted", async ({ page, server }) => {
    await page.goto("/webhooks");
    await page.getByTestId("reveal-secret").click();
    const value = page.getByTestId("secret-value");
    await expect(value).toHaveText(/^whsec_[A-Za-z0-9_-]{43}$/);
    const before = (await value.textContent()) ?? "";

    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByTestId("rotate-secret").click();
    await expect(value).not.toHaveText(before);
    await expect(value).toHaveText(/^whsec_/);
    const after = (await value.textContent()) ?? "";
    await expect(page.getByTestId("previous-secret").filter({ hasText: before })).toContainText("still accepted until");

    for (const secret of [before, after]) {
      const response = await postWebhook(server.baseUrl, camelStatusUpdate({ callId: newCallId(), status: "in-progress" }), { secret });
      expect(response.status, `signed with ${secret}`).toBe(200);
    }
    const wrong = await postWebhook(server.baseUrl, camelStatusUpdate({ callId: newCallId(), status: "in-progress" }), { secret: "whsec_other" });
    expect(wrong.status).toBe(401);
  });

  test("revokes the previous secret at once: refused from the next webhook, while the current one works", async ({ page, server }) => {
    await page.goto("/webhooks");
    await page.getByTestId("reveal-secret").click();
    const value = page.getByTestId("secret-value");
    await expect(value).toHaveText(/^whsec_[A-Za-z0-9_-]{43}$/);
    const before = (await value.textContent()) ?? "";
    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByTestId("rotate-secret").click();
    await expect(value).not.toHaveText(before);
    await expect(value).toHaveText(/^whsec_[A-Za-z0-9_-]{43}$/);
    const after = (await value.textContent()) ?? "";
    const send = async (secret: string) => (await postWebhook(server.baseUrl, camelStatusUpdate({ callId: newCallId(), status: "in-progress" }), { secret })).status;
    expect(await send(before)).toBe(200);

    // Dismissing the confirmation changes nothing.
    page.once("dialog", (dialog) => void dialog.dismiss());
    await page.getByTestId("revoke-previous-secret").click();
    await expect(page.getByTestId("previous-secret").filter({ hasText: before })).toBeVisible();
    expect(await send(before)).toBe(200);

    page.once("dialog", (dialog) => {
      expect(dialog.message()).toContain("Stop accepting the previous signing secret now?");
      void dialog.accept();
    });
    await page.getByTestId("revoke-previous-secret").click();
    await expect(page.getByTestId("previous-secret")).toHaveCount(0);
    await expect(value).toHaveText(after);
    expect(await send(before)).toBe(401);
    expect(await send(after)).toBe(200);
    await page.reload();
    await expect(page.getByTestId("previous-secret")).toHaveCount(0);
  });
});
