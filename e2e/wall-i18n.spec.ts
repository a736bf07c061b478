// A wallboard link's language: chosen when the link is made, shown in the list, and the wall's on the TV whatever
// the TV's browser asks for (<html lang> too). A language Callboard does not speak is refused.
import type { Browser, Page } from "@playwright/test";
import { newCallId } from "@/lib/testing/flireo-payloads";
import { expect, test } from "./fixtures";
import { seriousViolations, uniqueCustomer, uniqueLine } from "./helpers";

/** An admin makes a link on the settings page, in the language chosen there; returns the URL shown once. */
async function createLink(page: Page, name: string, line: string, language: "English" | "Nederlands"): Promise<string> {
  await page.goto("/settings/wallboards");
  const form = page.getByTestId("new-wallboard-form");
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Line").selectOption(line);
  await form.getByLabel("Language").selectOption({ label: language });
  await page.getByTestId("create-wallboard").click();
  const url = (await page.getByTestId("wallboard-url").textContent())?.trim() ?? "";
  expect(url).toMatch(/\/wall\?wallboard=cb_wall_/);
  return url;
}

/** A TV with no account at 1920×1080, its browser set to a language. */
async function openTv(browser: Browser, baseURL: string, locale: string) {
  const context = await browser.newContext({ baseURL, locale, viewport: { width: 1920, height: 1080 }, storageState: { cookies: [], origins: [] } });
  return { context, tv: await context.newPage() };
}

test.describe("[WALL-I18N]", () => {
  test("a Dutch link opens the wall in Dutch on an English browser, listed as Nederlands, and passes axe", async ({ page, browser, server, sendStatus }, testInfo) => {
    const line = uniqueLine();
    const longCall = newCallId();
    await sendStatus({ callId: longCall, status: "in-progress", lineNumber: line, lineName: "Klantenservice", customerNumber: uniqueCustomer(), callType: "inbound", timestamp: new Date(Date.now() - 12 * 60_000) });
    await sendStatus({ callId: newCallId(), status: "in-progress", lineNumber: line, lineName: "Klantenservice", customerNumber: uniqueCustomer(), callType: "outbound" });
    await sendStatus({ callId: newCallId(), status: "ended-with-error", lineNumber: line, lineName: "Klantenservice", customerNumber: uniqueCustomer(), error: "Spraakherkenning niet bereikbaar" });
    const name = `Vloer ${line.slice(-4)}`;
    const url = await createLink(page, name, line, "Nederlands");
    await page.getByTestId("dismiss-wallboard").click();
    await page.reload();
    await expect(page.getByTestId("wallboard-row").filter({ hasText: name }).getByTestId("wallboard-locale")).toHaveText("Nederlands");

    const { context, tv } = await openTv(browser, server.baseUrl, "en-US");
    await tv.goto(url);
    await expect(tv.getByTestId("wall")).toHaveAttribute("data-connection", "live");
    await expect(tv.locator("html")).toHaveAttribute("lang", "nl");
    await expect(tv).toHaveTitle("Wallboard · Callboard");
    await expect(tv.getByRole("heading", { name: "Lopend · langste eerst" })).toBeVisible();
    await expect(tv.getByRole("heading", { name: "Laatste fouten" })).toBeVisible();
    await expect(tv.getByTestId("wall-connection")).toHaveText("Live");
    await expect(tv.getByText("Nummers afgeschermd")).toBeVisible();
    await expect(tv.getByText("Gesprekken · laatste uur")).toBeVisible();
    const row = tv.locator(`[data-testid="wall-live-call"][data-call-id="${longCall}"]`);
    await expect(row).toHaveAttribute("data-long", "long");
    await expect(row).toContainText("Inkomend");
    await expect(row).toContainText("Lang");
    await expect(row).toContainText("lang gesprek: langer dan 10 minuten");
    await expect(tv.getByTestId("wall-long-counts")).toHaveText("1 lang");
    // The time of day, big: 24-hour.
    await expect(tv.locator("header time")).toHaveText(/^([01]\d|2[0-3]):[0-5]\d$/);
    expect(await seriousViolations(tv)).toEqual([]);
    await tv.screenshot({ path: testInfo.outputPath("wall-nl-1920.png") });
    await context.close();
  });

  test("an English link opens the wall in English on a Dutch browser", async ({ page, browser, server, sendStatus }) => {
    const line = uniqueLine();
    await sendStatus({ callId: newCallId(), status: "in-progress", lineNumber: line });
    const url = await createLink(page, `Hall ${line.slice(-4)}`, line, "English");
    const { context, tv } = await openTv(browser, server.baseUrl, "nl-NL");
    await tv.goto(url);
    await expect(tv.getByTestId("wall")).toHaveAttribute("data-connection", "live");
    await expect(tv.locator("html")).toHaveAttribute("lang", "en");
    await expect(tv.getByRole("heading", { name: "In progress · longest first" })).toBeVisible();
    await expect(tv.getByText("Numbers masked")).toBeVisible();
    await context.close();
  });

  test("the wallboards page is in Dutch for a Dutch admin, preselects Dutch for a new link, and passes axe", async ({ browser, server, accounts }, testInfo) => {
    const context = await browser.newContext({ baseURL: server.baseUrl, locale: "nl-NL", storageState: accounts.admin.storageState });
    const page = await context.newPage();
    await page.goto("/settings/wallboards");
    await expect(page).toHaveTitle("Wallboards · Callboard");
    await expect(page.getByRole("heading", { name: "Nieuwe wallboardlink" })).toBeVisible();
    const form = page.getByTestId("new-wallboard-form");
    await expect(form.getByLabel("Taal")).toHaveValue("nl");
    await expect(form.getByLabel("Verloopt").locator("option")).toHaveText(["Nooit", "Over 1 dag", "Over 7 dagen", "Over 30 dagen", "Over 90 dagen", "Over 1 jaar"]);
    const name = `Kantine ${Date.now()}`;
    await form.getByLabel("Naam").fill(name);
    await page.getByTestId("create-wallboard").click();
    await expect(page.getByTestId("created-wallboard")).toContainText("is klaar");
    // The list is reloaded from the server after the link is made: checked once it shows the new link.
    const row = page.getByTestId("wallboard-row").filter({ hasText: name });
    await expect(row.getByTestId("wallboard-locale")).toHaveText("Nederlands");
    await expect(row.getByTestId("wallboard-state")).toHaveText("Actief");
    await expect(row.getByTestId("wallboard-masking")).toHaveText("Volledige nummers tonen");
    await expect(row.getByRole("button", { name: `Volledige nummers tonen op ${name}` })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: testInfo.outputPath(`wallboards-nl-${width}.png`), fullPage: true });
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), `${width} px`).toBeLessThanOrEqual(0);
    }
    await context.close();
  });

  test("a language Callboard does not speak is refused with a 422 naming the field", async ({ page, server }) => {
    const response = await page.request.post("/api/wallboards", { data: { name: "Kantoor", locale: "fr" }, headers: { origin: server.baseUrl } });
    expect(response.status()).toBe(422);
    expect(((await response.json()) as { error: { code: string; message: string } }).error).toMatchObject({ code: "unprocessable", message: expect.stringMatching(/locale: locale must be one of en, nl/) });
  });
});
