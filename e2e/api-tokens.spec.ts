// The API tokens page in a real browser: make a token, copy it, read calls with it, revoke it, and it stops working.
import AxeBuilder from "@axe-core/playwright";
import { apiGet, createApiTokenOverHttp } from "@/lib/testing/api-tokens";
import { createSignedInUser } from "@/lib/testing/auth";
import { newCallId } from "@/lib/testing/flireo-payloads";
import type { ApiTokenView } from "@/lib/shared/api-tokens/api-token-view";
import { expect, test } from "./fixtures";
import { uniqueCustomer } from "./helpers";

test.describe("[API TOKENS]", () => {
  test("an admin makes a token, copies it, reads calls with it, and revokes it", async ({ page, server, sendStatus }) => {
    const callId = newCallId();
    const customerNumber = uniqueCustomer();
    await sendStatus({ callId, status: "in-progress", customerNumber });
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.baseUrl });

    await page.goto("/");
    await page.getByTestId("settings-menu").locator("summary").click();
    await page.getByTestId("settings-menu").getByRole("link", { name: "API tokens" }).click();
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

  test("an admin's tokens are revoked when they are made a viewer or removed, after a warning that says how many", async ({ page, server, accounts }) => {
    const demoted = await createSignedInUser(server.baseUrl, server.database.url, "admin");
    const removed = await createSignedInUser(server.baseUrl, server.database.url, "admin");
    const demotedToken = await createApiTokenOverHttp(server, { name: "Demoted's sync" }, demoted.cookie);
    const removedTokens = [await createApiTokenOverHttp(server, { name: "Removed's sync" }, removed.cookie), await createApiTokenOverHttp(server, { name: "Removed's BI" }, removed.cookie)];
    for (const created of [demotedToken, ...removedTokens]) expect((await apiGet(server, "/api/v1/calls?limit=1", created.secret)).status).toBe(200);

    await page.goto("/settings/users");
    const demotedRow = page.getByTestId("user-row").filter({ hasText: demoted.email });
    const removedRow = page.getByTestId("user-row").filter({ hasText: removed.email });
    await expect(demotedRow.getByTestId("user-api-tokens")).toHaveText("Made 1 live API token, revoked if they are removed or no longer an admin");
    await expect(removedRow.getByTestId("user-api-tokens")).toHaveText("Made 2 live API tokens, revoked if they are removed or no longer an admin");

    // The confirmation says it; dismissed, the token keeps working.
    let asked = "";
    page.once("dialog", (dialog) => {
      asked = dialog.message();
      void dialog.dismiss();
    });
    await demotedRow.getByLabel(`Role of ${demoted.email}`).selectOption("viewer");
    expect(asked).toContain("The API token they made is revoked too: integrations using it stop working.");
    expect((await apiGet(server, "/api/v1/calls?limit=1", demotedToken.secret)).status).toBe(200);

    page.once("dialog", (dialog) => void dialog.accept());
    await demotedRow.getByLabel(`Role of ${demoted.email}`).selectOption("viewer");
    await expect(demotedRow.getByTestId("user-api-tokens")).toHaveCount(0);
    const refused = await apiGet(server, "/api/v1/calls?limit=1", demotedToken.secret);
    expect(refused.status).toBe(401);

    page.once("dialog", (dialog) => {
      asked = dialog.message();
      void dialog.accept();
    });
    await removedRow.getByRole("button", { name: `Remove ${removed.email}` }).click();
    await expect(removedRow).toHaveCount(0);
    expect(asked).toContain("The 2 API tokens they made are revoked too: integrations using them stop working.");
    for (const created of removedTokens) expect((await apiGet(server, "/api/v1/calls?limit=1", created.secret)).status).toBe(401);

    // The tokens page says who revoked them: the admin who made the change.
    const listed = (await (await page.request.get("/api/api-tokens")).json()) as { tokens: ApiTokenView[] };
    for (const created of [demotedToken, ...removedTokens]) {
      expect(listed.tokens.find((token) => token.id === created.token.id)).toMatchObject({ state: "revoked", revokedBy: { email: accounts.admin.email } });
    }
  });

  test("has no serious axe violations, and viewers neither see the link nor open the page", async ({ page, viewerPage }) => {
    await page.goto("/settings/api-tokens");
    await page.getByLabel("Name").fill("Axe check");
    await page.getByTestId("create-api-token").click();
    await expect(page.getByTestId("api-token-secret")).toBeVisible();
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical").map((violation) => violation.id)).toEqual([]);

    await viewerPage.goto("/");
    await expect(viewerPage.getByTestId("account-menu")).toBeVisible();
    await expect(viewerPage.getByTestId("settings-menu")).toHaveCount(0);
    const forbidden = await viewerPage.goto("/settings/api-tokens");
    expect(forbidden?.status()).toBe(403);
  });
});
