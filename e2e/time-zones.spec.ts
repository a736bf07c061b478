// Times read the same on every page, in the reader's zone, with the server in UTC (fixtures.ts) and the browser not.
import type { Page } from "@playwright/test";
import { newCallId } from "@/lib/testing/flireo-payloads";
import { expect, test } from "./fixtures";
import { uniqueCustomer } from "./helpers";

/** Errors the page reports: React's hydration mismatch (#418) arrives as a console error and as an uncaught error. */
function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  return errors;
}

function clockIn(timeZone: string, at: Date): string {
  return new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", second: "2-digit", timeZone }).format(at);
}

/**
 * The call started minutes ago, so on a worker's shared board newer calls of other tests sort above it, past what the
 * virtualized list renders: the board is filtered to the call's own number.
 */
async function expectSameStartOnBoardAndCallPage(page: Page, call: { id: string; customerNumber: string }, expected: string) {
  await page.goto(`/?q=${encodeURIComponent(call.customerNumber)}`);
  const started = page.locator(`[data-testid="live-call"][data-call-id="${call.id}"]`).getByTestId("live-started");
  await expect(started).toHaveText(expected);
  await page.goto(`/calls/${call.id}`);
  await expect(page.getByTestId("detail-started")).toContainText(expected);
}

test.describe("[TIME] in Amsterdam, the server in UTC", () => {
  test.use({ timezoneId: "Europe/Amsterdam" });

  test("the same call's start reads the same on the board and its page, zone named, without a hydration error", async ({ page, sendStatus }) => {
    const errors = collectPageErrors(page);
    const call = { id: newCallId(), customerNumber: uniqueCustomer() };
    const startedAt = new Date(Date.now() - 3 * 60_000);
    await sendStatus({ callId: call.id, status: "in-progress", customerNumber: call.customerNumber, timestamp: startedAt });
    const expected = clockIn("Europe/Amsterdam", startedAt);
    expect(expected).not.toBe(clockIn("UTC", startedAt));

    await expectSameStartOnBoardAndCallPage(page, call, expected);
    await expect(page.getByTestId("detail-started")).toContainText(/CES?T/);
    // Again, now that the browser has told the server its zone.
    await expectSameStartOnBoardAndCallPage(page, call, expected);
    for (const path of ["/settings/alerts", "/settings/api-tokens", "/settings/users", "/webhooks"]) {
      await page.goto(path);
      await page.waitForLoadState("networkidle");
    }
    expect(errors).toEqual([]);
  });
});

test.describe("[TIME] in Tokyo, the server in UTC and DEFAULT_TIMEZONE Amsterdam", () => {
  test.use({ timezoneId: "Asia/Tokyo" });

  test("the browser's zone wins over the default, from the first page on", async ({ page, sendStatus }) => {
    const errors = collectPageErrors(page);
    const call = { id: newCallId(), customerNumber: uniqueCustomer() };
    const startedAt = new Date(Date.now() - 2 * 60_000);
    await sendStatus({ callId: call.id, status: "in-progress", customerNumber: call.customerNumber, timestamp: startedAt });
    await expectSameStartOnBoardAndCallPage(page, call, clockIn("Asia/Tokyo", startedAt));
    await expectSameStartOnBoardAndCallPage(page, call, clockIn("Asia/Tokyo", startedAt));
    expect(errors).toEqual([]);
  });
});
