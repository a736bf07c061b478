// Screenshots of a seeded board for the README (docs/screenshots), in light and dark, desktop and phone width.
import { test, expect } from "@playwright/test";
import { apiGet, createApiTokenOverHttp } from "@/lib/testing/api-tokens";
import { seedDemoBoard } from "@/lib/testing/seed-demo-board";
import { startTestServer, TEST_WEBHOOK_SECRET, type TestServer } from "@/lib/testing/test-server";
import { createWallboardOverHttp } from "@/lib/testing/wallboards";
import { storageStateFromCookie } from "./fixtures";

// One seeded server for all shots, so they show the same board.
test.describe.configure({ mode: "serial" });

let server: TestServer;

test.beforeAll(async () => {
  server = await startTestServer();
  await seedDemoBoard(server.baseUrl, TEST_WEBHOOK_SECRET);
});

test.afterAll(async () => {
  await server.stop();
});

const SHOTS = [
  { name: "board-light", theme: "light", viewport: { width: 1440, height: 1000 } },
  { name: "board-dark", theme: "dark", viewport: { width: 1440, height: 1000 } },
  { name: "board-phone-light", theme: "light", viewport: { width: 390, height: 844 } },
  { name: "board-phone-dark", theme: "dark", viewport: { width: 390, height: 844 } },
  // In Dutch, as a browser that asks for it sees the board (README, Languages).
  { name: "board-nl-light", theme: "light", viewport: { width: 1440, height: 900 }, locale: "nl-NL" },
  { name: "board-nl-dark", theme: "dark", viewport: { width: 1440, height: 900 }, locale: "nl-NL" },
] as const;

test.describe("[SCREENSHOTS]", () => {
  for (const shot of SHOTS) {
    test(`board, ${shot.name}`, async ({ browser }) => {
      const context = await browser.newContext({
        viewport: shot.viewport,
        colorScheme: shot.theme,
        baseURL: server.baseUrl,
        storageState: storageStateFromCookie(await server.adminCookie()),
        ...("locale" in shot ? { locale: shot.locale, extraHTTPHeaders: { "accept-language": shot.locale } } : {}),
      });
      const page = await context.newPage();
      await page.goto("/");
      await expect(page.locator("html")).toHaveAttribute("lang", "locale" in shot ? "nl" : "en");
      await expect(page.getByTestId("connection-state")).toHaveAttribute("data-state", "live");
      await expect(page.getByTestId("live-count")).toHaveText("9");
      await expect(page.getByTestId("kpi-calls-today")).not.toHaveText("—");
      await expect(page.getByTestId("error-group").first()).toBeVisible();
      await expect(page.locator("html")).toHaveAttribute("data-theme", shot.theme);
      await page.screenshot({ path: `docs/screenshots/${shot.name}.png`, fullPage: shot.viewport.width > 1000 });
      await context.close();
    });
  }

  // The wall as a TV shows it through a masked wallboard link, at 1080p and 4K; amber past 8 minutes and red past 12,
  // so the seeded calls show both marks.
  for (const shot of [
    { name: "wall-1080p", viewport: { width: 1920, height: 1080 } },
    { name: "wall-4k", viewport: { width: 3840, height: 2160 } },
  ] as const) {
    test(`wall, ${shot.name}`, async ({ browser }) => {
      const { url } = await createWallboardOverHttp(server.baseUrl, await server.adminCookie(), { name: "Support floor" });
      const context = await browser.newContext({ viewport: shot.viewport, baseURL: server.baseUrl });
      const page = await context.newPage();
      await page.goto(`${url}&long=8&very-long=12`);
      await expect(page.getByTestId("wall")).toHaveAttribute("data-connection", "live");
      await expect(page.getByTestId("wall-figure-live")).toHaveText("9");
      await expect(page.getByTestId("wall-figure-calls")).not.toHaveText("–");
      await expect(page.getByTestId("wall-error").first()).toBeVisible();
      // Nothing scrolls: the page is exactly the screen.
      expect(await page.evaluate(() => [document.documentElement.scrollHeight, document.documentElement.scrollWidth])).toEqual([shot.viewport.height, shot.viewport.width]);
      await page.screenshot({ path: `docs/screenshots/${shot.name}.png` });
      await context.close();
    });
  }

  test("call detail", async ({ browser }) => {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 1000 },
      baseURL: server.baseUrl,
      storageState: storageStateFromCookie(await server.adminCookie()),
    });
    const page = await context.newPage();
    await page.goto("/");
    await page.getByTestId("ended-call").first().getByRole("link").click();
    await expect(page.getByTestId("detail-timeline")).toBeVisible();
    await page.screenshot({ path: "docs/screenshots/call-detail.png", fullPage: true });
    await context.close();
  });

  for (const theme of ["light", "dark"] as const) {
    test(`API tokens, ${theme}`, async ({ browser }) => {
      if (theme === "light") {
        const used = await createApiTokenOverHttp(server, { name: "Data warehouse export", expiresInDays: 365 });
        await apiGet(server, "/api/v1/calls?limit=1", used.secret);
        const revoked = await createApiTokenOverHttp(server, { name: "Old CRM connector" });
        await fetch(`${server.baseUrl}/api/api-tokens/${revoked.token.id}/revoke`, { method: "POST", headers: { cookie: await server.adminCookie(), origin: server.baseUrl } });
      }
      const context = await browser.newContext({
        viewport: { width: 1280, height: 900 },
        colorScheme: theme,
        baseURL: server.baseUrl,
        storageState: storageStateFromCookie(await server.adminCookie()),
      });
      const page = await context.newPage();
      await page.goto("/settings/api-tokens");
      await expect(page.locator("html")).toHaveAttribute("data-theme", theme);
      await page.getByLabel("Name").fill(theme === "light" ? "CRM sync" : "BI dashboard");
      await page.getByTestId("create-api-token").click();
      await expect(page.getByTestId("api-token-secret")).toBeVisible();
      await expect(page.getByTestId("api-token-row").first()).toContainText(theme === "light" ? "CRM sync" : "BI dashboard");
      await page.screenshot({ path: `docs/screenshots/api-tokens-${theme}.png`, fullPage: true });
      await context.close();
    });
  }
});
