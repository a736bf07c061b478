// The API tokens page in a real browser: make a token, copy it, read calls with it, revoke it, and it stops working.
import AxeBuilder from "@axe-core/playwright";
import { newCallId } from "@/lib/testing/flireo-payloads";
import { expect, test } from "./fixtures";
import { uniqueCustomer } from "./helpers";

test.describe("[API TOKENS]", () => {
  test("an admin makes a token, copies it, reads calls with it, and revokes it", async ({ page, server, sendStatus }) => {
    const callId = newCallId();
    const customerNumber = uniqueCustomer();
    await sendStatus({ callId, status: "in-progress", customerNumber });
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.baseUrl });

    await page.goto("/");
    await page.getByTestId("user-menu").getByRole("link", { name: "API tokens" }).click();
    await expect(page).toHaveURL(/\/settings\/api-tokens$/);
    await expect(page.getByRole("heading", { name: "API tokens" })).toBeVisible();

    await page.getByLabel("Name").fill("E2E CRM sync");
    await page.getByLabel("Expires").selectOption({ label: "In 30 days" });
    await page.getByTestId("create-api-token").click();
    const secretBox = page.getByTestId("api-token-secret");
    await expect(secretBox).toHaveText(/^cb_live_[A-Za-z0-9_-]{43}$/);
    const shown = (await secretBox.textContent()) ?? "";

    await page.getByTestId("copy-api-token").click();
    await expect(page.getByTestId("copy-api-token")).toHaveText("Copied");
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(shown);

    const row = page.locator('[data-testid="api-token-row"]', { hasText: "E2E CRM sync" });
    await expect(row.getByTestId("api-token-prefix")).toHaveText(`${copied.slice(0, 14)}…`);
    await expect(row.getByTestId("api-token-state")).toHaveText("Active");
    await expect(row.getByTestId("api-token-last-used")).toHaveText("Never");

    // The copied token reads the API from outside the browser: no cookie, only the token.
    const read = async () => fetch(`${server.baseUrl}/api/v1/calls?number=${encodeURIComponent(customerNumber)}`, { headers: { authorization: `Bearer ${copied}` } });
    const response = await read();
    expect(response.status).toBe(200);
    const body = (await response.json()) as { data: { id: string; customerNumber: string; status: string }[] };
    expect(body.data).toEqual([expect.objectContaining({ id: callId, customerNumber, status: "in-progress" })]);

    // Shown once: after a reload the page has only the prefix, and the use is recorded.
    await page.reload();
    await expect(row.getByTestId("api-token-last-used")).not.toHaveText("Never");
    expect(await page.content()).not.toContain(copied);

    page.once("dialog", (dialog) => void dialog.accept());
    await row.getByTestId("revoke-api-token").click();
    await expect(row.getByTestId("api-token-state")).toHaveText("Revoked");
    await expect(row.getByTestId("revoke-api-token")).toHaveCount(0);

    const refused = await read();
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ error: { code: "unauthorized", message: expect.stringContaining("was revoked") } });
  });

  test("has no serious axe violations, and viewers neither see the link nor open the page", async ({ page, viewerPage }) => {
    await page.goto("/settings/api-tokens");
    await page.getByLabel("Name").fill("Axe check");
    await page.getByTestId("create-api-token").click();
    await expect(page.getByTestId("api-token-secret")).toBeVisible();
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical").map((violation) => violation.id)).toEqual([]);

    await viewerPage.goto("/");
    await expect(viewerPage.getByTestId("user-menu")).toBeVisible();
    await expect(viewerPage.getByTestId("user-menu").getByRole("link", { name: "API tokens" })).toHaveCount(0);
    const forbidden = await viewerPage.goto("/settings/api-tokens");
    expect(forbidden?.status()).toBe(403);
  });
});
