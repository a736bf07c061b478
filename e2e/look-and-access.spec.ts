import { newCallId } from "@/lib/testing/flireo-payloads";
import { expect, test } from "./fixtures";
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

  test("gives every admin page the same header, and no serious axe violations", async ({ page }) => {
    for (const [path, title] of [["/webhooks", "Webhooks"], ["/settings/alerts", "Alerts"], ["/settings/api-tokens", "API tokens"], ["/settings/users", "Users"]] as const) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
      const back = page.getByRole("link", { name: "Back to the board" });
      // Drawn as a button on every page, server-rendered or not.
      expect(await back.evaluate((element) => getComputedStyle(element).borderTopWidth)).toBe("1px");
      expect(await seriousViolations(page), path).toEqual([]);
    }
    await page.goto("/settings");
    await expect(page).toHaveURL(/\/settings\/users$/);
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
    // The first stops are the header's buttons and an admin's links, then the filters.
    let reachedSearch = false;
    for (let step = 0; step < 12 && !reachedSearch; step += 1) {
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
