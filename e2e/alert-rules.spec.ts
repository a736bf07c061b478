// The alerts page in a real browser: create a rule with a webhook destination, send a test alert, and see a real
// error's alert in the delivery log. The webhook receiver is local and verifies Callboard's signature.
import { randomUUID } from "node:crypto";
import { startAlertReceiver, type AlertReceiver } from "@/lib/testing/alert-receivers";
import { newCallId } from "@/lib/testing/flireo-payloads";
import { expect, test } from "./fixtures";
import { seriousViolations } from "./helpers";

let receiver: AlertReceiver;

test.beforeEach(async () => {
  receiver = await startAlertReceiver();
});

test.afterEach(async () => {
  await receiver.close();
});

test.describe("[ALERT RULES]", () => {
  test("creates a rule with a webhook destination, sends a test alert, and logs the alert for a failed call", async ({ page, sendStatus }) => {
    const tag = `e2e-${randomUUID().slice(0, 8)}`;
    await page.goto("/");
    await page.getByTestId("settings-menu").locator("summary").click();
    await page.getByTestId("settings-menu").getByRole("link", { name: "Alerts" }).click();
    await expect(page).toHaveURL(/\/settings\/alerts$/);
    await expect(page.getByRole("heading", { name: "Alerts" })).toBeVisible();

    await page.getByTestId("new-rule").click();
    const form = page.getByTestId("rule-form");
    await form.getByTestId("rule-name").fill(`Failed calls ${tag}`);
    await form.getByTestId("rule-error-contains").fill(tag);
    await form.getByTestId("rule-cooldown").fill("0");
    // A mistake first: the server's message names the field.
    await form.getByTestId("destination-url").fill("ftp://example.test/hook");
    await form.getByTestId("save-rule").click();
    await expect(form.getByTestId("rule-form-error")).toContainText("Destination 1: the URL must be an http:// or https:// URL");

    await form.getByTestId("destination-url").fill(receiver.url);
    await form.getByTestId("save-rule").click();
    const rule = page.getByTestId("alert-rule").filter({ hasText: `Failed calls ${tag}` });
    await expect(rule.getByTestId("rule-description")).toContainText(`Every call that ends with an error, with an error containing “${tag}” · no cooldown`);

    // The signing secret, revealed for the receiver.
    const destination = rule.getByTestId("alert-destination");
    await destination.getByTestId("reveal-destination-secret").click();
    await expect(destination.getByTestId("destination-secret")).toHaveText(/^whsec_[\w-]{20,}$/);
    receiver.setSecret((await destination.getByTestId("destination-secret").textContent()) ?? "");

    await destination.getByTestId("send-test-alert").click();
    await expect(destination.getByTestId("test-alert-result")).toHaveAttribute("data-state", "sent");
    await expect(destination.getByTestId("test-alert-result")).toContainText("Test alert sent · HTTP 200");
    expect(receiver.requests[0]?.signature).toEqual({ isValid: true });
    const log = page.getByTestId("alert-delivery-log");
    await expect(log.getByTestId("alert-delivery").filter({ hasText: `Failed calls ${tag}` }).first()).toHaveAttribute("data-alert-kind", "test");

    // A call that ends with a matching error: its alert reaches the receiver and shows in the log.
    const callId = newCallId();
    await sendStatus({ callId, status: "ended-with-error", error: `SIP trunk unreachable ${tag}` });
    await receiver.waitForRequests(2);
    expect(receiver.requests[1]?.signature).toEqual({ isValid: true });
    const alertRow = log.getByTestId("alert-delivery").filter({ hasText: callId.slice(0, 13) });
    await expect(alertRow).toHaveAttribute("data-state", "sent");
    await expect(alertRow).toHaveAttribute("data-alert-kind", "error");
    await expect(alertRow).toContainText(`Failed calls ${tag}`);
    await expect(alertRow).toContainText("1 attempt");

    // Turning the rule off is remembered.
    await rule.getByTestId("rule-enabled").click();
    await expect(rule).toHaveAttribute("data-enabled", "false");
    await page.reload();
    await expect(page.getByTestId("alert-rule").filter({ hasText: `Failed calls ${tag}` })).toHaveAttribute("data-enabled", "false");
  });

  test("rotates a webhook destination's signing secret, and shows a Slack URL only masked", async ({ page, server }) => {
    const tag = `e2e-${randomUUID().slice(0, 8)}`;
    const slackToken = `tok${randomUUID().replaceAll("-", "")}`;
    const created = await page.request.post(`${server.baseUrl}/api/alerts/rules`, {
      headers: { origin: server.baseUrl },
      data: {
        name: `Rotation ${tag}`,
        kind: "each-error",
        errorContains: tag,
        cooldownMinutes: 0,
        destinations: [{ kind: "webhook", url: receiver.url }, { kind: "slack", url: `https://hooks.slack.com/services/T0E2E/B0E2E/${slackToken}` }],
      },
    });
    expect(created.status()).toBe(201);
    await page.goto("/settings/alerts");
    const rule = page.getByTestId("alert-rule").filter({ hasText: `Rotation ${tag}` });
    const slackRow = rule.locator('[data-testid="alert-destination"][data-kind="slack"]');
    await expect(slackRow).toContainText(`https://hooks.slack.com/services/${"•".repeat(12)}`);
    expect(await page.content()).not.toContain(slackToken);

    const destination = rule.locator('[data-testid="alert-destination"][data-kind="webhook"]');
    await destination.getByTestId("reveal-destination-secret").click();
    const secret = destination.getByTestId("destination-secret");
    await expect(secret).toHaveText(/^whsec_[\w-]{20,}$/);
    const before = (await secret.textContent()) ?? "";
    page.once("dialog", (dialog) => void dialog.accept());
    await destination.getByTestId("rotate-destination-secret").click();
    await expect(secret).not.toHaveText(before);
    await expect(secret).toHaveText(/^whsec_[\w-]{20,}$/);
    const after = (await secret.textContent()) ?? "";

    receiver.setSecret(after);
    await destination.getByTestId("send-test-alert").click();
    await expect(destination.getByTestId("test-alert-result")).toHaveAttribute("data-state", "sent");
    expect(receiver.requests.at(-1)?.signature).toEqual({ isValid: true });
    receiver.setSecret(before);
    await destination.getByTestId("send-test-alert").click();
    await expect(destination.getByTestId("test-alert-result")).toContainText("Test alert failed · HTTP 401");
  });

  test("is refused to viewers", async ({ viewerPage }) => {
    const response = await viewerPage.goto("/settings/alerts");
    expect(response?.status()).toBe(403);
    await viewerPage.goto("/");
    await expect(viewerPage.getByTestId("account-menu")).toBeVisible();
    await expect(viewerPage.getByTestId("settings-menu")).toHaveCount(0);
  });

  for (const theme of ["light", "dark"] as const) {
    test(`looks right and has no serious axe violations in ${theme}`, async ({ browser, server, accounts, sendStatus }) => {
      const context = await browser.newContext({ viewport: { width: 1440, height: 1100 }, colorScheme: theme, baseURL: server.baseUrl, storageState: accounts.admin.storageState });
      const page = await context.newPage();
      const tag = `shot-${randomUUID().slice(0, 6)}`;
      const post = (path: string, body: unknown) => page.request.post(path, { data: body, headers: { origin: server.baseUrl } });
      const created = await post("/api/alerts/rules", {
        name: `Main line errors (${theme})`,
        kind: "each-error",
        lineNumber: "+31201234567",
        errorContains: tag,
        cooldownMinutes: 5,
        destinations: [
          { kind: "webhook", url: receiver.url },
          // Slack's own host: unreachable from the test machine or refusing the made-up path, it stays pending or fails.
          { kind: "slack", url: "https://hooks.slack.com/services/T000/B000/XXXX" },
        ],
      });
      expect(created.status()).toBe(201);
      await post("/api/alerts/rules", {
        name: `Error spike (${theme})`,
        kind: "threshold",
        thresholdCount: 10,
        windowMinutes: 15,
        errorContains: `${tag}-spike`,
        cooldownMinutes: 30,
        destinations: [{ kind: "email", to: ["oncall@example.test"] }],
      });
      await sendStatus({ status: "ended-with-error", error: `STT connection failed ${tag}` });
      await receiver.waitForRequests(1);
      await page.goto("/settings/alerts");
      await expect(page.locator("html")).toHaveAttribute("data-theme", theme);
      await expect(page.getByTestId("alert-delivery").first()).toBeVisible();
      await expect(page.getByTestId("alert-delivery").filter({ hasText: "slack" }).first()).toHaveAttribute("data-state", /pending|failed/);
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: `test-results/alerts-${theme}.png`, fullPage: true });
      await page.getByTestId("new-rule").click();
      await page.getByTestId("rule-kind-threshold").check();
      await page.getByTestId("destination-kind").selectOption("email");
      await page.getByTestId("new-rule-card").screenshot({ path: `test-results/alerts-form-${theme}.png` });
      expect(await seriousViolations(page)).toEqual([]);
      await context.close();
    });
  }
});

test.describe("[ALERTS] a Slack address", () => {
  test("entered as a signed JSON webhook, suggests Slack, which Slack's address needs", async ({ page }) => {
    await page.goto("/settings/alerts");
    await page.getByTestId("new-rule").click();
    const form = page.getByTestId("rule-form");
    await expect(form.getByTestId("destination-kind")).toHaveValue("webhook");
    await form.getByTestId("destination-url").fill("https://hooks.slack.com/services/T000/B000/XXXX");
    await expect(form.getByTestId("suggest-slack")).toContainText("This is a Slack address");
    await form.getByTestId("suggest-slack").getByRole("button", { name: "Send to Slack instead" }).click();
    await expect(form.getByTestId("destination-kind")).toHaveValue("slack");
    await expect(form.getByTestId("destination-url")).toHaveValue("https://hooks.slack.com/services/T000/B000/XXXX");
    await expect(form.getByTestId("suggest-slack")).toHaveCount(0);
  });
});

test.describe("[ALERT RULES] last alert", () => {
  test("shows a time only for an alert that was delivered, and says so when one was raised but not delivered", async ({ page, server, sendStatus }) => {
    const tag = `e2e-${randomUUID().slice(0, 8)}`;
    const post = (path: string, data: unknown) => page.request.post(path, { data, headers: { origin: server.baseUrl } });
    const rule = (name: string, url: string) => post("/api/alerts/rules", { name, kind: "each-error", errorContains: tag, cooldownMinutes: 0, destinations: [{ kind: "webhook", url }] });
    expect((await rule(`Reaching ${tag}`, receiver.url)).status()).toBe(201);
    // Nothing listens on port 9 (discard): the alert is raised, and its delivery fails and is retried.
    expect((await rule(`Refused ${tag}`, "http://127.0.0.1:9/hook")).status()).toBe(201);
    await page.goto("/settings/alerts");
    const delivered = page.getByTestId("alert-rule").filter({ hasText: `Reaching ${tag}` });
    const undelivered = page.getByTestId("alert-rule").filter({ hasText: `Refused ${tag}` });
    await expect(delivered.getByTestId("rule-last-alert")).toHaveText("No alert yet");
    // A test alert is not the rule's alert.
    await delivered.getByTestId("send-test-alert").click();
    await expect(delivered.getByTestId("test-alert-result")).toHaveAttribute("data-state", "sent");
    await page.reload();
    await expect(delivered.getByTestId("rule-last-alert")).toHaveText("No alert yet");

    await sendStatus({ callId: newCallId(), status: "ended-with-error", error: `Trunk down ${tag}` });
    await receiver.waitForRequests(2);
    await expect(async () => {
      await page.reload();
      await expect(delivered.getByTestId("rule-last-alert")).toHaveText(/^Last alert delivered \d\d:\d\d/, { timeout: 1_000 });
      await expect(undelivered.getByTestId("rule-last-alert")).toHaveText("Raised an alert, none delivered yet: see the deliveries below", { timeout: 1_000 });
    }).toPass({ timeout: 20_000 });
  });
});
