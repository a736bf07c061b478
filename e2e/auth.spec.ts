import { newCallId } from "@/lib/testing/flireo-payloads";
import { createSignedInUser, newTestUser, signIn, storageStateFromCookie } from "@/lib/testing/auth";
import { startTestServer } from "@/lib/testing/test-server";
import { expect, test } from "./fixtures";

test.describe("[AUTH] signed out", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("the board sends you to sign in, and back after it; sign-out ends the session", async ({ page, accounts }) => {
    await page.goto("/?q=0612");
    await expect(page).toHaveURL(/\/login\?next=%2F%3Fq%3D0612$/);
    await expect(page.getByTestId("live-count")).toHaveCount(0);

    await page.getByLabel("Email").fill(accounts.viewer.email);
    await page.getByLabel("Password").fill("not the password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("login-error")).toHaveText("That email and password do not match an account.");

    await page.getByLabel("Password").fill(accounts.viewer.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/\?q=0612$/);
    await expect(page.getByTestId("user-menu")).toContainText(accounts.viewer.email);
    await expect(page.getByTestId("connection-state")).toHaveAttribute("data-state", "live");

    await page.getByTestId("account-menu").locator("summary").click();
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login$/);
    await page.goto("/");
    await expect(page).toHaveURL(/\/login\?next=%2F$/);
  });

  test("a link to another site after sign-in is ignored", async ({ page, accounts, server }) => {
    await page.goto("/login?next=//evil.example/");
    await page.getByLabel("Email").fill(accounts.admin.email);
    await page.getByLabel("Password").fill(accounts.admin.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("user-menu")).toBeVisible();
    expect(page.url()).toBe(`${server.baseUrl}/`);
  });
});

test.describe("[AUTH] first run", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("the set-up page creates the first admin and then disappears", async ({ page }) => {
    test.setTimeout(60_000);
    const fresh = await startTestServer();
    try {
      await page.goto(`${fresh.baseUrl}/`);
      await expect(page).toHaveURL(/\/setup$/);
      await page.getByLabel("Email").fill("owner@example.test");
      await page.getByLabel("Name").fill("Owner");
      await page.getByLabel(/Password/).fill("short");
      await page.getByRole("button", { name: "Create admin" }).click();
      // The browser's own minlength check keeps a short password from being sent.
      await expect(page).toHaveURL(/\/setup$/);
      await page.getByLabel(/Password/).fill("owner-password-1");
      await page.getByRole("button", { name: "Create admin" }).click();
      await expect(page).toHaveURL(/\/login\?created=1$/);
      await expect(page.getByRole("note")).toContainText("admin account is ready");

      expect((await page.goto(`${fresh.baseUrl}/setup`))?.status()).toBe(404);
      await page.goto(`${fresh.baseUrl}/login`);
      await page.getByLabel("Email").fill("owner@example.test");
      await page.getByLabel("Password").fill("owner-password-1");
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page.getByTestId("user-menu")).toContainText("admin");
    } finally {
      await fresh.stop();
    }
  });
});

test.describe("[AUTH] roles", () => {
  test("a viewer sees the board but not user management", async ({ viewerPage }) => {
    await viewerPage.goto("/");
    await expect(viewerPage.getByTestId("user-menu")).toContainText("viewer");
    await expect(viewerPage.getByTestId("account-menu")).toBeVisible();
    await expect(viewerPage.getByTestId("settings-menu")).toHaveCount(0);
    const response = await viewerPage.goto("/settings/users");
    expect(response?.status()).toBe(403);
    await expect(viewerPage.getByTestId("users-table")).toHaveCount(0);
    // The refusal says why and leads back.
    await expect(viewerPage.getByRole("heading", { level: 1 })).toHaveText("Not for your role");
    await expect(viewerPage.getByText("Only an admin may open this. Ask one of your Callboard admins if you need it.")).toBeVisible();
    await viewerPage.getByRole("link", { name: "Back to the board" }).click();
    await expect(viewerPage.getByTestId("connection-state")).toHaveAttribute("data-state", "live");
  });

  test("an admin adds a user, who can then sign in, and removes them", async ({ page, browser, server }) => {
    // A whole journey: a password hash (scrypt, slow on purpose) at every add, sign-in and new password, and a dozen page loads.
    // With both test workers and their servers sharing two cores, it needs more than the default minute.
    test.slow();
    const newcomer = newTestUser("viewer");
    await page.goto("/");
    // Live means hydrated: the link then navigates on the client.
    await expect(page.getByTestId("connection-state")).toHaveAttribute("data-state", "live");
    await page.getByTestId("settings-menu").locator("summary").click();
    await page.getByTestId("settings-menu").getByRole("link", { name: "Users" }).click();
    await expect(page).toHaveURL(/\/settings\/users$/);
    const form = page.getByTestId("add-user-form");
    await form.getByLabel("Email").fill(newcomer.email);
    await form.getByLabel("Name").fill(`<img src=x onerror="window.__pwned=1">New Viewer`);
    await form.getByLabel(/Password/).fill(newcomer.password);
    await form.getByLabel("Role").selectOption("viewer");
    await form.getByRole("button", { name: "Add user" }).click();
    await expect(form.getByRole("status")).toHaveText(`Added ${newcomer.email} as viewer.`);
    const row = page.getByTestId("user-row").filter({ hasText: newcomer.email });
    await expect(row.getByLabel(`Role of ${newcomer.email}`)).toHaveValue("viewer");
    await expect(row).toContainText(`<img src=x onerror="window.__pwned=1">New Viewer`);
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();

    // Refused (the address is taken): what was typed stays, but for the password.
    await form.getByLabel("Email").fill(newcomer.email);
    await form.getByLabel("Name").fill("Second try");
    await form.getByLabel(/Password/).fill(newcomer.password);
    await form.getByLabel("Role").selectOption("admin");
    await form.getByRole("button", { name: "Add user" }).click();
    await expect(form.getByRole("alert")).toContainText(/already exists/i);
    await expect(form.getByLabel("Email")).toHaveValue(newcomer.email);
    await expect(form.getByLabel("Name")).toHaveValue("Second try");
    await expect(form.getByLabel("Role")).toHaveValue("admin");
    await expect(form.getByLabel(/Password/)).toHaveValue("");

    const other = await browser.newContext({ baseURL: server.baseUrl, storageState: { cookies: [], origins: [] } });
    const otherPage = await other.newPage();
    await otherPage.goto("/login");
    await otherPage.getByLabel("Email").fill(newcomer.email);
    await otherPage.getByLabel("Password").fill(newcomer.password);
    await otherPage.getByRole("button", { name: "Sign in" }).click();
    await expect(otherPage.getByTestId("connection-state")).toHaveAttribute("data-state", "live");
    await expect(otherPage.getByTestId("account-menu")).toBeVisible();
    await expect(otherPage.getByTestId("settings-menu")).toHaveCount(0);

    // A role change asks first: dismissed, nothing changes.
    const roleSelect = row.getByLabel(`Role of ${newcomer.email}`);
    page.once("dialog", (dialog) => void dialog.dismiss());
    await roleSelect.selectOption("admin");
    await expect(roleSelect).toHaveValue("viewer");
    await page.reload();
    await expect(roleSelect).toHaveValue("viewer");

    // Made an admin, they have the admin pages with their next page load; made a viewer again, they lose them.
    page.once("dialog", (dialog) => void dialog.accept());
    await row.getByLabel(`Role of ${newcomer.email}`).selectOption("admin");
    await expect(row.getByLabel(`Role of ${newcomer.email}`)).toBeEnabled();
    await otherPage.reload();
    await expect(otherPage.getByTestId("settings-menu")).toBeVisible();
    page.once("dialog", (dialog) => void dialog.accept());
    await row.getByLabel(`Role of ${newcomer.email}`).selectOption("viewer");
    await expect(row.getByLabel(`Role of ${newcomer.email}`)).toBeEnabled();
    await page.reload();
    await expect(row.getByLabel(`Role of ${newcomer.email}`)).toHaveValue("viewer");
    expect((await otherPage.goto("/settings/users"))?.status()).toBe(403);
    await otherPage.goto("/");

    // A new password signs them out everywhere; the old one stops working and the new one works.
    await row.locator("summary", { hasText: "Set password" }).click();
    const passwordForm = row.getByTestId("set-password");
    await passwordForm.getByLabel(/New password/).fill("short");
    await passwordForm.getByRole("button", { name: "Set password and sign them out" }).click();
    // Too short: the browser keeps the form back and says why.
    expect(await passwordForm.getByLabel(/New password/).evaluate((input: HTMLInputElement) => input.validity.tooShort)).toBe(true);
    const newPassword = `${newcomer.password}-renewed`;
    await passwordForm.getByLabel(/New password/).fill(newPassword);
    await passwordForm.getByRole("button", { name: "Set password and sign them out" }).click();
    await expect(passwordForm.getByRole("status")).toContainText("signed out everywhere");
    await expect(otherPage.getByTestId("connection-state")).not.toHaveAttribute("data-state", "live");
    await otherPage.reload();
    await expect(otherPage).toHaveURL(/\/login/);
    await otherPage.getByLabel("Email").fill(newcomer.email);
    await otherPage.getByLabel("Password").fill(newcomer.password);
    await otherPage.getByRole("button", { name: "Sign in" }).click();
    // Within the form: once the page has hydrated, Next's route announcer is a second role="alert" on the page.
    await expect(otherPage.getByTestId("login-form").getByRole("alert")).toHaveText("That email and password do not match an account.");
    await otherPage.getByLabel("Password").fill(newPassword);
    await otherPage.getByRole("button", { name: "Sign in" }).click();
    await expect(otherPage.getByTestId("connection-state")).toHaveAttribute("data-state", "live");

    // Removing asks first: dismissed, nothing happens.
    const remove = row.getByRole("button", { name: `Remove ${newcomer.email}` });
    page.once("dialog", (dialog) => void dialog.dismiss());
    await remove.click();
    await expect(otherPage.getByTestId("connection-state")).toHaveAttribute("data-state", "live");
    await page.reload();
    await expect(row).toHaveCount(1);
    page.once("dialog", (dialog) => void dialog.accept());
    await remove.click();
    await expect(row).toHaveCount(0);
    // The removed user's open board loses its live connection, and the next load asks for a sign-in.
    await expect(otherPage.getByTestId("connection-state")).not.toHaveAttribute("data-state", "live");
    await otherPage.reload();
    await expect(otherPage).toHaveURL(/\/login/);
    await other.close();
  });
});

test.describe("[AUTH] own password", () => {
  test("an admin sets their own password only with the current one, and stays signed in here", async ({ browser, server }) => {
    const admin = await createSignedInUser(server.baseUrl, server.database.url, "admin");
    const context = await browser.newContext({ baseURL: server.baseUrl, storageState: storageStateFromCookie(admin.cookie) });
    const page = await context.newPage();
    await page.goto("/settings/users");
    const row = page.getByTestId("user-row").filter({ hasText: admin.email });
    await row.locator("summary", { hasText: "Set password" }).click();
    const form = row.getByTestId("set-password");
    const newPassword = `${admin.password}-renewed`;
    await form.getByLabel("Your current password").fill("not my password");
    await form.getByLabel(/New password/).fill(newPassword);
    await form.getByRole("button", { name: "Set my password" }).click();
    await expect(form.getByRole("alert")).toHaveText("Your current password is not right.");
    // Signed in elsewhere with the old password: that session ends with the change.
    const elsewhere = await signIn(server.baseUrl, admin.email, admin.password);
    const boardWith = (cookie: string) => fetch(`${server.baseUrl}/api/calls/board`, { headers: { cookie } });
    expect((await boardWith(elsewhere)).status).toBe(200);

    await form.getByLabel("Your current password").fill(admin.password);
    await form.getByLabel(/New password/).fill(newPassword);
    await form.getByRole("button", { name: "Set my password" }).click();
    await expect(form.getByRole("status")).toHaveText("Password set. Your other sessions were signed out.");
    expect((await boardWith(elsewhere)).status).toBe(401);
    await expect(signIn(server.baseUrl, admin.email, admin.password)).rejects.toThrow(/401/);
    await expect(signIn(server.baseUrl, admin.email, newPassword)).resolves.toContain("callboard");
    // This session goes on.
    await page.goto("/");
    await expect(page.getByTestId("connection-state")).toHaveAttribute("data-state", "live");
    await context.close();
  });
});

test.describe("[AUTH] hostile text", () => {
  test("HTML and script in error texts, line names and numbers render as text", async ({ page, sendStatus }) => {
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await page.goto("/");
    await expect(page.getByTestId("connection-state")).toHaveAttribute("data-state", "live");

    const live = newCallId();
    const failed = newCallId();
    const lineName = `<img src=x onerror="window.__pwned='line'">Main`;
    const error = `<script>window.__pwned='error'</script><b id="injected">bold</b>`;
    const lineNumber = `<svg onload="window.__pwned='number'">`;
    await sendStatus({ callId: live, status: "in-progress", lineName, lineNumber });
    await sendStatus({ callId: failed, status: "in-progress", lineName });
    await sendStatus({ callId: failed, status: "ended-with-error", error });

    await expect(page.locator(`[data-testid="live-call"][data-call-id="${live}"]`)).toContainText(lineName);
    await expect(page.locator(`[data-testid="error-call"][data-call-id="${failed}"]`).getByTestId("error-text")).toHaveText(error);
    // The same text after a server render, not just from the socket.
    await page.reload();
    await expect(page.locator(`[data-testid="error-call"][data-call-id="${failed}"]`).getByTestId("error-text")).toHaveText(error);
    await expect(page.locator("#injected, img[src='x'], svg[onload]")).toHaveCount(0);
    expect(await page.evaluate(() => (window as { __pwned?: string }).__pwned)).toBeUndefined();
    expect(violations).toEqual([]);
  });
});
