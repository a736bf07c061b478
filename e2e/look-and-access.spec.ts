import { newCallId } from "@/lib/testing/flireo-payloads";
import { signIn } from "@/lib/testing/auth";
import { expect, storageStateFromCookie, test } from "./fixtures";
import { seriousViolations } from "./helpers";

test.describe("[LOOK]", () => {
  test.beforeEach(async ({ sendStatus, sendReport }) => {
    const failed = newCallId();
    await sendStatus({ callId: newCallId(), status: "in-progress" });
    await sendStatus({ callId: failed, status: "ended-with-error", error: "LLM timeout" });
    await sendReport({ callId: newCallId() });
  });

  for (const theme of ["light", "dark"] as const) {
    test(`has no serious axe violations on the board in the ${theme} theme`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: theme });
      await page.goto("/");
      await expect(page.locator("html")).toHaveAttribute("data-theme", theme);
      await expect(page.getByTestId("kpi-calls-today")).not.toHaveText("—");
      expect(await seriousViolations(page)).toEqual([]);
    });
  }

  test("has no serious axe violations on a call's page", async ({ page }) => {
    await page.goto("/");
    await page.getByTestId("error-call").first().getByRole("link").click();
    await expect(page.getByTestId("detail-timeline")).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });

  test("gives every page the one header, with the theme toggle, settings and sign-out, and no serious axe violations", async ({ page }) => {
    // Nine pages, each checked by axe, on a machine shared with another worker.
    test.setTimeout(180_000);
    await page.goto("/");
    const callId = await page.getByTestId("error-call").first().getAttribute("data-call-id");
    const pages = [
      ["/", "Callboard"],
      ["/calls", "All calls"],
      ["/calls?q=timeout", "All calls"],
      [`/calls/${encodeURIComponent(callId ?? "")}`, null],
      ["/webhooks", "Webhooks"],
      ["/settings/users", "Users"],
      ["/settings/api-tokens", "API tokens"],
      ["/settings/alerts", "Alerts"],
      ["/settings/call-control", "Call control"],
    ] as const;
    for (const [path, title] of pages) {
      await page.goto(path);
      const header = page.getByTestId("app-header");
      await expect(header, path).toHaveCount(1);
      if (title) await expect(page.getByRole("heading", { level: 1 }), path).toHaveText(title);
      await expect(header.getByTestId("theme-toggle"), path).toBeVisible();
      await expect(header.getByRole("link", { name: "All calls" }), path).toBeVisible();
      await expect(header.getByTestId("settings-menu"), path).toBeVisible();
      // Sign-out is in the person's own menu.
      await header.getByTestId("account-menu").locator("summary").click();
      await expect(header.getByRole("button", { name: "Sign out" }), path).toBeVisible();
      await page.keyboard.press("Escape");
      await expect(header.getByRole("button", { name: "Sign out" }), path).toBeHidden();
      // Away from the board, the mark leads back to it.
      if (path !== "/") await expect(header.getByTestId("header-board-link"), path).toHaveAttribute("href", "/");
      // The board and a call's page have axe tests of their own above.
      if (title !== "Callboard" && title !== null) expect(await seriousViolations(page), path).toEqual([]);
    }
    await page.goto("/settings");
    await expect(page).toHaveURL(/\/settings\/users$/);
  });

  test("links the admin pages to each other through one settings navigation", async ({ page }) => {
    await page.goto("/webhooks");
    const order = [["Users", /\/settings\/users$/], ["API tokens", /\/settings\/api-tokens$/], ["Alerts", /\/settings\/alerts$/], ["Call control", /\/settings\/call-control$/], ["Webhooks", /\/webhooks$/]] as const;
    for (const [label, url] of order) {
      const nav = page.getByRole("navigation", { name: "Settings" });
      await expect(nav).toHaveCount(1);
      await nav.getByRole("link", { name: label }).click();
      await expect(page).toHaveURL(url);
      await expect(page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: label })).toHaveAttribute("aria-current", "page");
      await expect(page.getByRole("navigation", { name: "Settings" }).locator('[aria-current="page"]')).toHaveCount(1);
    }
    // The board and the calls pages are not settings: no settings navigation there.
    for (const path of ["/", "/calls"]) {
      await page.goto(path);
      await expect(page.getByRole("navigation", { name: "Settings" })).toHaveCount(0);
    }
  });

  test("signs out from an admin page's header", async ({ browser, server, accounts }) => {
    // A session of its own: signing out must not end the worker's shared admin session.
    const context = await browser.newContext({ baseURL: server.baseUrl, storageState: storageStateFromCookie(await signIn(server.baseUrl, accounts.admin.email, accounts.admin.password)) });
    const page = await context.newPage();
    await page.goto("/settings/api-tokens");
    await page.getByTestId("app-header").getByTestId("account-menu").locator("summary").click();
    await page.getByTestId("app-header").getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto("/settings/api-tokens");
    await expect(page).toHaveURL(/\/login/);
    await context.close();
  });

  test("remembers the chosen theme across reloads", async ({ page }) => {
    await page.emulateMedia({ colorScheme: "light" });
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("data-theme", "light");
    await page.getByTestId("theme-toggle").click();
    await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
    await page.reload();
    await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).not.toBe("rgb(250, 250, 250)");
  });

  test("can be used with the keyboard alone", async ({ page }) => {
    await page.goto("/");
    await page.keyboard.press("Tab");
    // The first stops are the three skip links and the header's links and buttons, then the filters.
    let reachedSearch = false;
    for (let step = 0; step < 17 && !reachedSearch; step += 1) {
      reachedSearch = await page.evaluate(() => document.activeElement?.id === "number-search");
      if (!reachedSearch) await page.keyboard.press("Tab");
    }
    expect(reachedSearch).toBe(true);
    // Tab on to the first call and open it with Enter.
    let onCallLink = false;
    for (let step = 0; step < 15 && !onCallLink; step += 1) {
      await page.keyboard.press("Tab");
      onCallLink = await page.evaluate(() => document.activeElement?.getAttribute("href")?.startsWith("/calls/") ?? false);
    }
    expect(onCallLink).toBe(true);
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/calls\//);
  });

  test("fits a phone's width without sideways scrolling", async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto("/");
    await expect(page.getByTestId("live-call").first()).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expect(page.getByTestId("live-call").first().getByTestId("call-timer")).toBeVisible();
    // The first screen reaches the calls in progress: the header and tiles leave room for them.
    const firstCall = await page.getByTestId("live-call").first().boundingBox();
    expect((firstCall?.y ?? Infinity) + (firstCall?.height ?? 0)).toBeLessThanOrEqual(800);
    // The admin pages are behind the Menu button, which Escape closes again.
    const menu = page.getByTestId("user-menu");
    await menu.getByText("Menu").click();
    await expect(menu.getByRole("link", { name: "Users" })).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(menu.getByRole("link", { name: "Users" })).toHaveCount(0);
    await menu.getByText("Menu").click();
    await menu.getByRole("link", { name: "Alerts" }).click();
    await expect(page).toHaveURL(/\/settings\/alerts$/);
  });
});
