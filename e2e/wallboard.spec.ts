// A wallboard link on a TV: /wall without signing in and nothing else, numbers masked (or not, as the admin switches
// it on the settings page), long calls marked, revoked at once.
import type { Browser, Page } from "@playwright/test";
import { formatPhoneNumber } from "@/lib/shared/calls/format";
import { newCallId } from "@/lib/testing/flireo-payloads";
import { expect, test } from "./fixtures";
import { seriousViolations, uniqueCustomer, uniqueLine } from "./helpers";

/** An admin makes a link on the settings page, as they would; returns the URL shown once. */
async function createLinkOnSettingsPage(page: Page, name: string, line: string): Promise<string> {
  await page.goto("/settings/wallboards");
  const form = page.getByTestId("new-wallboard-form");
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Line").selectOption(line);
  await page.getByTestId("create-wallboard").click();
  const url = (await page.getByTestId("wallboard-url").textContent())?.trim() ?? "";
  expect(url).toMatch(/\/wall\?wallboard=cb_wall_/);
  return url;
}

/** A TV: a browser with no account, at 1920×1080. */
async function openTv(browser: Browser, baseURL: string) {
  const context = await browser.newContext({ baseURL, viewport: { width: 1920, height: 1080 }, storageState: { cookies: [], origins: [] } });
  return { context, tv: await context.newPage() };
}

test.describe("[WALLBOARD]", () => {
  test("a link opens /wall without signing in, masked, and cannot open the board, a call or the export", async ({ page, browser, server, sendStatus }) => {
    const line = uniqueLine();
    const customer = uniqueCustomer();
    const callId = newCallId();
    await sendStatus({ callId, status: "in-progress", lineNumber: line, lineName: "Sales", customerNumber: customer, timestamp: new Date(Date.now() - 3 * 60_000) });
    const url = await createLinkOnSettingsPage(page, "Sales floor", line);

    const { context, tv } = await openTv(browser, server.baseUrl);
    await tv.goto(url);
    // The secret went into a cookie; the address on the TV no longer shows it.
    await expect(tv).toHaveURL(/\/wall$/);
    await expect(tv.getByTestId("wall")).toHaveAttribute("data-connection", "live");
    const row = tv.locator(`[data-testid="wall-live-call"][data-call-id="${callId}"]`);
    await expect(row.getByTestId("wall-customer")).toHaveText(`••• ${customer.slice(-4)}`);
    expect(await tv.content()).not.toContain(customer.slice(1));
    await expect(tv.getByRole("heading", { level: 1 })).toContainText("Sales floor");
    await expect(tv.getByTestId("wall-figure-live")).toHaveText("1");

    // A webhook after the page loaded arrives over the socket, masked too.
    const later = newCallId();
    const laterCustomer = uniqueCustomer();
    await sendStatus({ callId: later, status: "in-progress", lineNumber: line, customerNumber: laterCustomer });
    await expect(tv.locator(`[data-testid="wall-live-call"][data-call-id="${later}"]`).getByTestId("wall-customer")).toHaveText(`••• ${laterCustomer.slice(-4)}`);
    await expect(tv.getByTestId("wall-figure-live")).toHaveText("2");
    expect(await tv.content()).not.toContain(laterCustomer.slice(1));

    for (const pathname of ["/", `/calls/${callId}`, "/calls", "/settings/wallboards"]) {
      const response = await tv.goto(pathname);
      expect(response?.status(), pathname).toBe(403);
    }
    expect((await context.request.get("/api/calls/export")).status()).toBe(403);
    expect((await context.request.get("/api/calls/board")).status()).toBe(403);
    await context.close();
  });

  test("a long call turns amber, then red, with the reason in words", async ({ page, browser, server, sendStatus }) => {
    const line = uniqueLine();
    const callId = newCallId();
    await sendStatus({ callId: newCallId(), status: "in-progress", lineNumber: line });
    const url = await createLinkOnSettingsPage(page, "Long calls", line);
    const { context, tv } = await openTv(browser, server.baseUrl);
    // Started 9 min 50 s ago: amber at 10 minutes, red 15 s later with ?very-long=10.25.
    await sendStatus({ callId, status: "in-progress", lineNumber: line, timestamp: new Date(Date.now() - (9 * 60 + 50) * 1000) });
    await tv.goto(`${url}&long=10&very-long=10.25`);
    await expect(tv).toHaveURL(/\/wall\?long=10&very-long=10\.25$/);
    const row = tv.locator(`[data-testid="wall-live-call"][data-call-id="${callId}"]`);
    await expect(row).toHaveAttribute("data-long", "normal");
    await expect(row).toHaveAttribute("data-long", "long", { timeout: 15_000 });
    await expect(row).toContainText("long call: over 10 minutes");
    await expect(row.getByText(/long call: over 10 minutes/)).toHaveClass(/sr-only/);
    const amber = await row.evaluate((element) => getComputedStyle(element).borderLeftColor);
    await expect(row).toHaveAttribute("data-long", "very-long", { timeout: 20_000 });
    await expect(row).toContainText("very long call: over 10.25 minutes");
    const red = await row.evaluate((element) => getComputedStyle(element).borderLeftColor);
    expect(amber).not.toBe(red);
    await expect(tv.getByTestId("wall-figure-longest")).toHaveClass(/wall-red/);
    expect(await seriousViolations(tv)).toEqual([]);
    await context.close();
  });

  test("says so in large type when the connection drops, and recovers by itself", async ({ page, browser, server, sendStatus }) => {
    const line = uniqueLine();
    await sendStatus({ callId: newCallId(), status: "in-progress", lineNumber: line });
    const url = await createLinkOnSettingsPage(page, "Flaky network", line);
    const { context, tv } = await openTv(browser, server.baseUrl);
    await tv.goto(url);
    await expect(tv.getByTestId("wall")).toHaveAttribute("data-connection", "live");
    await context.setOffline(true);
    await expect(tv.getByTestId("wall-connection-lost")).toContainText("Connection lost");
    // A call that starts while the screen is away is there once it is back (the reconnect reloads the lists).
    const missed = newCallId();
    await sendStatus({ callId: missed, status: "in-progress", lineNumber: line });
    await context.setOffline(false);
    await expect(tv.getByTestId("wall")).toHaveAttribute("data-connection", "live", { timeout: 15_000 });
    await expect(tv.getByTestId("wall-connection-lost")).toHaveCount(0);
    await expect(tv.locator(`[data-testid="wall-live-call"][data-call-id="${missed}"]`)).toBeVisible();
    await context.close();
  });

  test("revoking the link turns its screen to 'revoked' at once", async ({ page, browser, server, sendStatus }) => {
    const line = uniqueLine();
    await sendStatus({ callId: newCallId(), status: "in-progress", lineNumber: line });
    const name = `Revoked TV ${line.slice(-4)}`;
    const url = await createLinkOnSettingsPage(page, name, line);
    const { context, tv } = await openTv(browser, server.baseUrl);
    await tv.goto(url);
    await expect(tv.getByTestId("wall")).toHaveAttribute("data-connection", "live");

    await page.reload();
    const row = page.getByTestId("wallboard-row").filter({ hasText: name });
    await expect(row.getByTestId("wallboard-last-used")).not.toHaveText("Never");
    page.once("dialog", (dialog) => void dialog.accept());
    await row.getByTestId("revoke-wallboard").click();
    await expect(row).toHaveAttribute("data-state", "revoked");

    await expect(tv.getByTestId("wall-ended")).toContainText("This wallboard link was revoked", { timeout: 5_000 });
    const reload = await tv.reload();
    expect(reload?.status()).toBe(403);
    await context.close();
  });

  test("an admin switches a link to full numbers and back on the page; its open screen follows once it reconnects", async ({ page, browser, server, sendStatus }) => {
    // Two browsers, two switches and axe on each page: longer than most.
    test.setTimeout(120_000);
    const line = uniqueLine();
    const customer = uniqueCustomer();
    const callId = newCallId();
    await sendStatus({ callId, status: "in-progress", lineNumber: line, customerNumber: customer });
    const name = `Switching TV ${line.slice(-4)}`;
    const url = await createLinkOnSettingsPage(page, name, line);
    const { context, tv } = await openTv(browser, server.baseUrl);
    await tv.goto(url);
    const shownCustomer = tv.locator(`[data-testid="wall-live-call"][data-call-id="${callId}"]`).getByTestId("wall-customer");
    await expect(shownCustomer).toHaveText(`••• ${customer.slice(-4)}`);
    await expect(tv.getByTestId("wall")).toHaveAttribute("data-connection", "live");

    await page.reload();
    const row = page.getByTestId("wallboard-row").filter({ hasText: name });
    await expect(row.getByTestId("wallboard-masking-state")).toHaveText("Numbers masked");
    // Dismissing the confirmation changes nothing.
    page.once("dialog", (dialog) => void dialog.dismiss());
    await row.getByRole("button", { name: `Show full numbers on ${name}` }).click();
    await expect(row.getByTestId("wallboard-masking-outcome")).toBeEmpty();
    let confirmation = "";
    page.once("dialog", (dialog) => {
      confirmation = dialog.message();
      void dialog.accept();
    });
    await row.getByRole("button", { name: `Show full numbers on ${name}` }).click();
    await expect(row.getByTestId("wallboard-masking-outcome")).toHaveText(`“${name}” now shows full numbers; its screens are reconnecting.`);
    expect(confirmation).toMatch(/Its open screens reconnect at once/);
    await expect(row.getByTestId("wallboard-masking-state")).toHaveText("Full numbers");
    await expect(row.getByRole("button", { name: `Mask numbers on ${name}` })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);

    // The screen loads the wall again and reconnects: full numbers, in what it had and in what comes next.
    await expect(shownCustomer).toHaveText(formatPhoneNumber(customer));
    await expect(tv.getByTestId("wall")).toHaveAttribute("data-connection", "live");
    await expect(tv.getByText("Numbers masked")).toHaveCount(0);
    const later = newCallId();
    const laterCustomer = uniqueCustomer();
    await sendStatus({ callId: later, status: "in-progress", lineNumber: line, customerNumber: laterCustomer });
    await expect(tv.locator(`[data-testid="wall-live-call"][data-call-id="${later}"]`).getByTestId("wall-customer")).toHaveText(formatPhoneNumber(laterCustomer));

    page.once("dialog", (dialog) => void dialog.accept());
    await row.getByRole("button", { name: `Mask numbers on ${name}` }).click();
    await expect(row.getByTestId("wallboard-masking-outcome")).toHaveText(`“${name}” now masks numbers; its screens are reconnecting.`);
    await expect(row.getByTestId("wallboard-masking-state")).toHaveText("Numbers masked");
    await expect(shownCustomer).toHaveText(`••• ${customer.slice(-4)}`);
    await expect(tv.locator(`[data-testid="wall-live-call"][data-call-id="${later}"]`).getByTestId("wall-customer")).toHaveText(`••• ${laterCustomer.slice(-4)}`);
    await expect(tv.getByTestId("wall")).toHaveAttribute("data-connection", "live");
    const content = await tv.content();
    expect(content).not.toContain(customer.slice(1));
    expect(content).not.toContain(laterCustomer.slice(1));
    expect(await seriousViolations(tv)).toEqual([]);
    await context.close();
  });

  test("a change the server refuses is said in words beside the button", async ({ page, server, sendStatus }) => {
    const line = uniqueLine();
    await sendStatus({ callId: newCallId(), status: "in-progress", lineNumber: line });
    const name = `Refused ${line.slice(-6)}`;
    await createLinkOnSettingsPage(page, name, line);
    const row = page.getByTestId("wallboard-row").filter({ hasText: name });
    await expect(row).toHaveAttribute("data-state", "active");
    const id = await row.getAttribute("data-wallboard-id");
    // Revoked behind the page's back (another admin, another tab): the page still offers the switch.
    expect((await page.request.delete(`/api/wallboards/${id}`, { headers: { origin: server.baseUrl } })).status()).toBe(200);
    page.once("dialog", (dialog) => void dialog.accept());
    await row.getByRole("button", { name: `Show full numbers on ${name}` }).click();
    await expect(row.getByTestId("wallboard-masking-error")).toHaveText("This link is revoked: it opens nothing, so there is nothing to change. Make a new link.");
    await expect(row.getByTestId("wallboard-masking-outcome")).toBeEmpty();
  });

  test("the wallboards page does not scroll sideways on a 375 px phone", async ({ page, sendStatus }) => {
    const line = uniqueLine();
    await sendStatus({ callId: newCallId(), status: "in-progress", lineNumber: line, lineName: "Klantenservice-Amsterdam-Zuidoost-nachtdienst-weekend" });
    await createLinkOnSettingsPage(page, `Narrow ${"Zuidoost-".repeat(8)}`, line);
    await page.setViewportSize({ width: 375, height: 800 });
    await page.reload();
    await expect(page.getByTestId("wallboard-row").first()).toBeVisible();
    const { overflow, past } = await page.evaluate(() => {
      const root = document.scrollingElement ?? document.documentElement;
      const isPast = (element: Element | null) => element !== null && element.getBoundingClientRect().right > root.clientWidth + 1;
      // The outermost elements past the window's edge: where the page first grows too wide.
      const outermost = [...document.querySelectorAll("body *")].filter((element) => isPast(element) && !isPast(element.parentElement));
      return { overflow: root.scrollWidth - root.clientWidth, past: outermost.slice(0, 5).map((element) => `${element.tagName.toLowerCase()}.${String(element.className).slice(0, 60)}`) };
    });
    expect(overflow, past.join(" | ")).toBeLessThanOrEqual(0);
    const masking = page.getByTestId("wallboard-masking").first();
    await masking.scrollIntoViewIfNeeded();
    await expect(masking).toBeInViewport({ ratio: 1 });
    expect(await seriousViolations(page)).toEqual([]);
  });
});
