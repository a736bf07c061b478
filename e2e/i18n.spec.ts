// Callboard in Dutch: the board for a browser that asks for Dutch, the header's switch to English and back,
// remembered after a reload and on the user at the next sign-in (whatever the new browser asks for), a locale
// cookie nobody should have sent, and Dutch's longer words: the header on one line, no page wider than a phone.
import type { Browser, BrowserContextOptions, Page } from "@playwright/test";
import { createTestUser, newTestUser, signIn, storageStateFromCookie } from "@/lib/testing/auth";
import { newCallId } from "@/lib/testing/flireo-payloads";
import { expect, test } from "./fixtures";
import { headerRows, seriousViolations, sidewaysOverflow, uniqueCustomer, uniqueLine, widestElements } from "./helpers";

const DUTCH: BrowserContextOptions = { locale: "nl-NL", extraHTTPHeaders: { "accept-language": "nl-NL,nl;q=0.9" }, timezoneId: "Europe/Amsterdam" };
const AMERICAN: BrowserContextOptions = { locale: "en-US", extraHTTPHeaders: { "accept-language": "en-US,en;q=0.9" }, timezoneId: "Europe/Amsterdam" };

async function newPage(browser: Browser, baseURL: string, options: BrowserContextOptions): Promise<Page> {
  const context = await browser.newContext({ baseURL, ...options });
  return context.newPage();
}

test.describe("[I18N] the board in Dutch and English", () => {
  test("a Dutch browser gets the board in Dutch: words, dates, numbers, and no serious axe violations", async ({ browser, server, accounts, sendStatus }) => {
    const line = uniqueLine();
    const lineName = "Klantenservice";
    const live = { callId: newCallId(), customerNumber: uniqueCustomer() };
    await sendStatus({ ...live, status: "in-progress", lineNumber: line, lineName, callType: "inbound" });
    // Today: ten calls that ended well and one with an error, so the error rate is 1/11 = 9.1 %.
    for (let index = 0; index < 10; index += 1) {
      const callId = newCallId();
      await sendStatus({ callId, status: "in-progress", lineNumber: line, lineName, customerNumber: uniqueCustomer() });
      await sendStatus({ callId, status: "ended", lineNumber: line, lineName });
    }
    const failedToday = newCallId();
    await sendStatus({ callId: failedToday, status: "in-progress", lineNumber: line, lineName, customerNumber: uniqueCustomer() });
    await sendStatus({ callId: failedToday, status: "ended-with-error", lineNumber: line, lineName, error: "LLM timeout" });
    // Two days ago: its time on the board comes with the day, the month in Dutch.
    const earlier = new Date(Date.now() - 2 * 86_400_000);
    const failedEarlier = newCallId();
    await sendStatus({ callId: failedEarlier, status: "in-progress", lineNumber: line, lineName, customerNumber: uniqueCustomer(), timestamp: new Date(earlier.getTime() - 60_000) });
    await sendStatus({ callId: failedEarlier, status: "ended-with-error", lineNumber: line, lineName, error: "STT connection failed", timestamp: earlier });

    const page = await newPage(browser, server.baseUrl, { ...DUTCH, storageState: accounts.admin.storageState });
    await page.goto(`/?line=${encodeURIComponent(line)}`);
    await expect(page.locator("html")).toHaveAttribute("lang", "nl");
    await expect(page.getByTestId("connection-state")).toHaveAttribute("data-state", "live");
    await expect(page.getByRole("heading", { name: "Lopende gesprekken" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Recente fouten" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Onlangs beëindigd" })).toBeVisible();

    const row = page.locator(`[data-testid="live-call"][data-call-id="${live.callId}"]`);
    await expect(row).toContainText(lineName);
    await expect(row).toContainText("Inkomend");
    await expect(page.getByRole("columnheader", { name: /Beller/ })).toBeVisible();
    await expect(page.getByLabel("Status")).toHaveValue("all");
    await expect(page.getByLabel("Status").locator("option[value=live]")).toHaveText("Lopend");
    await expect(page.getByTestId("last-event")).toHaveText(/· (zojuist een update|laatste update \d+ s geleden)/);

    // Numbers in Dutch: a decimal comma.
    await expect(page.getByTestId("kpi-error-rate")).toHaveText("9,1%");
    await expect(page.getByTestId("kpi-error-rate-hint")).toHaveText("van 11 gesprekken die vandaag eindigden, binnen de filters");
    // Times in Dutch, in the browser's zone: today's as a 24-hour clock, an older one with the Dutch month.
    const dayMonth = new Intl.DateTimeFormat("nl-NL", { day: "numeric", month: "short", timeZone: "Europe/Amsterdam" }).format(earlier);
    expect(dayMonth).toMatch(/^\d{1,2} (jan|feb|mrt|apr|mei|jun|jul|aug|sep|okt|nov|dec)$/);
    const earlierRow = page.locator(`[data-testid="error-call"][data-call-id="${failedEarlier}"]`);
    await expect(earlierRow.locator("time")).toHaveText(new RegExp(`^${dayMonth} \\d\\d:\\d\\d$`));
    await expect(page.locator(`[data-testid="error-call"][data-call-id="${failedToday}"] time`)).toHaveText(/^\d\d:\d\d:\d\d$/);
    await expect(page.getByTestId("ended-call").first().locator("time")).toHaveText(/^beëindigd \d\d:\d\d:\d\d$/);

    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });

  // Two tests, each with a user of its own (the choice is stored on the user, and other tests sign in as the worker's
  // admin): together, with axe, they took over a minute beside another worker on two cores.
  test("the header's switch changes the language at once, and the choice survives a reload", async ({ browser, server }) => {
    // axe over the whole board alone takes up to half a minute beside another worker on two cores.
    test.setTimeout(120_000);
    const user = newTestUser("admin");
    await createTestUser(server.database.url, user);
    const page = await newPage(browser, server.baseUrl, { ...DUTCH, storageState: storageStateFromCookie(await signIn(server.baseUrl, user.email, user.password)) });
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "nl");
    await expect(page.getByRole("heading", { name: "Lopende gesprekken" })).toBeVisible();

    await page.getByTestId("account-menu").locator("summary").click();
    await page.getByTestId("language-switch").selectOption("en");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { name: "In progress" })).toBeVisible();
    await page.reload();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { name: "In progress" })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });

  test("on a phone the switch is in the Menu, and the choice comes back at the next sign-in in a new browser", async ({ browser, server }) => {
    const user = newTestUser("admin");
    await createTestUser(server.database.url, user);
    const page = await newPage(browser, server.baseUrl, {
      ...AMERICAN,
      viewport: { width: 390, height: 844 },
      storageState: storageStateFromCookie(await signIn(server.baseUrl, user.email, user.password)),
    });
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await page.getByText("Menu", { exact: true }).click();
    await page.getByTestId("language-switch-menu").selectOption("nl");
    await expect(page.locator("html")).toHaveAttribute("lang", "nl");
    await expect(page.getByRole("heading", { name: "Lopende gesprekken" })).toBeVisible();
    await page.reload();
    await page.getByText("Menu", { exact: true }).click();
    await page.getByRole("button", { name: "Uitloggen" }).click();
    await expect(page).toHaveURL(/\/login/);
    await page.context().close();

    // A new browser that asks for English: the sign-in brings back the user's Dutch.
    // Signed out: a context made in a test otherwise takes the test's storage state (the worker's admin).
    const fresh = await newPage(browser, server.baseUrl, { ...AMERICAN, storageState: { cookies: [], origins: [] } });
    await fresh.goto("/login");
    await expect(fresh.locator("html")).toHaveAttribute("lang", "en");
    await fresh.getByLabel("Email").fill(user.email);
    await fresh.getByLabel("Password").fill(user.password);
    await fresh.getByRole("button", { name: "Sign in" }).click();
    await expect(fresh).toHaveURL(/\/$/);
    await expect(fresh.locator("html")).toHaveAttribute("lang", "nl");
    await expect(fresh.getByRole("heading", { name: "Lopende gesprekken" })).toBeVisible();
    await fresh.context().close();
  });

  test("a locale cookie Callboard never set is ignored: the browser's language decides, and the page renders", async ({ browser, server, accounts }) => {
    for (const [options, lang, heading] of [
      [AMERICAN, "en", "In progress"],
      [DUTCH, "nl", "Lopende gesprekken"],
    ] as const) {
      const context = await browser.newContext({ baseURL: server.baseUrl, ...options, storageState: accounts.viewer.storageState });
      await context.addCookies([{ name: "callboard-locale", value: "<script>alert(1)</script>", url: server.baseUrl }]);
      const page = await context.newPage();
      const response = await page.goto("/");
      expect(response?.status()).toBe(200);
      expect(await response?.text()).not.toContain("<script>alert(1)");
      await expect(page.locator("html")).toHaveAttribute("lang", lang);
      await expect(page.getByRole("heading", { name: heading })).toBeVisible();
      await context.close();
    }
  });
});

test.describe("[I18N] Dutch's longer words", () => {
  /** Every signed-in page: the board, the calls, a call, and the admin pages (whose header has the settings navigation under it). */
  const PAGES = ["/", "/calls", "/calls?q=timeout", "/webhooks", "/settings/users", "/settings/api-tokens", "/settings/wallboards", "/settings/alerts", "/settings/call-control"];

  test("the header is one line at 1280 px on every page, in Dutch and in English, with nothing a user needs out of sight", async ({ browser, server, accounts, sendStatus }) => {
    test.setTimeout(120_000);
    const callId = newCallId();
    await sendStatus({ callId, status: "in-progress", lineNumber: uniqueLine(), lineName: "Klantenservice", customerNumber: uniqueCustomer() });
    for (const [options, lang] of [
      [DUTCH, "nl"],
      [AMERICAN, "en"],
    ] as const) {
      const page = await newPage(browser, server.baseUrl, { ...options, viewport: { width: 1280, height: 800 }, storageState: accounts.admin.storageState });
      for (const path of [...PAGES, `/calls/${encodeURIComponent(callId)}`]) {
        await page.goto(path);
        await expect(page.locator("html")).toHaveAttribute("lang", lang);
        if (path === "/") await expect(page.getByTestId("connection-state")).toHaveAttribute("data-state", "live");
        const rows = await headerRows(page);
        expect(rows, `${lang} ${path}: ${rows.join(" | ")}`).toHaveLength(1);
        const header = page.getByTestId("app-header");
        // The page's name whole, not cut (a call's page has its own heading, under the header).
        for (const title of await header.getByRole("heading", { level: 1 }).all()) {
          expect(await title.evaluate((heading) => heading.scrollWidth <= heading.clientWidth), `${lang} ${path}: the page's name is cut`).toBe(true);
        }
        await expect(header.getByRole("link", { name: lang === "nl" ? "Alle gesprekken" : "All calls" }), path).toBeVisible();
        await expect(header.getByTestId("settings-menu"), path).toBeVisible();
        await expect(header.getByTestId("account-menu"), path).toBeVisible();
        await expect(header.getByTestId("theme-toggle"), path).toBeVisible();
      }
      // The admin pages and sign-out are one click away, the admin pages on the settings navigation too.
      await page.goto("/settings/users");
      const header = page.getByTestId("app-header");
      await header.getByTestId("settings-menu").locator("summary").click();
      await header.getByTestId("settings-menu").getByRole("link", { name: lang === "nl" ? "Gespreksbeheer" : "Call control" }).click();
      await expect(page).toHaveURL(/\/settings\/call-control$/);
      await expect(page.getByTestId("app-header").getByTestId("settings-menu")).not.toHaveAttribute("open");
      await page.getByTestId("app-header").getByTestId("account-menu").locator("summary").click();
      await expect(page.getByTestId("app-header").getByRole("button", { name: lang === "nl" ? "Uitloggen" : "Sign out" })).toBeVisible();
      await expect(page.getByTestId("language-switch")).toHaveValue(lang);
      await page.context().close();
    }
  });

  test("at 320 px no page in Dutch scrolls sideways, and the header stays one line", async ({ browser, server, accounts, sendStatus }) => {
    test.setTimeout(120_000);
    const callId = newCallId();
    await sendStatus({ callId, status: "ended-with-error", lineNumber: uniqueLine(), lineName: "Klantenservice Amsterdam-Zuidoost", customerNumber: uniqueCustomer(), error: "Doorverbinden mislukt: lijn bezet" });
    const page = await newPage(browser, server.baseUrl, { ...DUTCH, viewport: { width: 320, height: 700 }, storageState: accounts.admin.storageState });
    for (const path of [...PAGES, `/calls/${encodeURIComponent(callId)}`]) {
      await page.goto(path);
      await page.waitForLoadState("networkidle");
      await expect(page.locator("html")).toHaveAttribute("lang", "nl");
      const overflow = await sidewaysOverflow(page);
      expect.soft(overflow, `${path} reaches ${overflow} px past the window: ${(await widestElements(page)).join(" | ")}`).toBeLessThanOrEqual(0);
      // One line; the board puts its connection on a second, under the mark and buttons, on purpose.
      const rows = await headerRows(page);
      expect.soft(rows, `${path}: ${rows.join(" | ")}`).toHaveLength(path === "/" ? 2 : 1);
    }
    // The Menu opens within the window.
    await page.getByTestId("user-menu").getByText("Menu", { exact: true }).click();
    await expect(page.getByTestId("language-switch-menu")).toBeInViewport({ ratio: 1 });
    await expect(page.getByRole("link", { name: "Gespreksbeheer" }).first()).toBeInViewport({ ratio: 1 });
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await page.context().close();
  });
});
