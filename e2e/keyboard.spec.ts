// The board with the keyboard alone: skip links to the three lists, the live list as one tab stop with the arrow
// keys inside (scrolling the virtualized list to the row), and the focus kept in the list when its call ends.
import type { Page } from "@playwright/test";
import { newCallId } from "@/lib/testing/flireo-payloads";
import { expect, test } from "./fixtures";
import { uniqueCustomer, uniqueLine } from "./helpers";

/** The call id of the live row the focus is in, or null when the focus is elsewhere. */
function focusedLiveCall(page: Page): Promise<string | null> {
  return page.evaluate(() => document.activeElement?.closest('[data-testid="live-call"]')?.getAttribute("data-call-id") ?? null);
}

/** Presses Tab until the focus is on a live row's link, at most `limit` times. */
async function tabIntoLiveList(page: Page, limit = 8): Promise<void> {
  for (let step = 0; step < limit; step += 1) {
    await page.keyboard.press("Tab");
    if (await focusedLiveCall(page)) return;
  }
  throw new Error("Tab did not reach the live list");
}

test.describe("[KEYBOARD]", () => {
  test("skip links lead to each list, and the live list is one tab stop with arrow keys inside", async ({ page, sendStatus }) => {
    const line = uniqueLine();
    const ids = [newCallId(), newCallId(), newCallId()];
    const base = Date.now() - 60_000;
    // Oldest first, so ids[2] is the newest and the first row.
    for (const [index, callId] of ids.entries()) {
      await sendStatus({ callId, status: "in-progress", lineNumber: line, customerNumber: uniqueCustomer(), timestamp: new Date(base + index * 1_000) });
    }
    await sendStatus({ callId: newCallId(), status: "ended-with-error", lineNumber: line, customerNumber: uniqueCustomer(), error: "LLM timeout" });
    await sendStatus({ callId: newCallId(), status: "ended", lineNumber: line, customerNumber: uniqueCustomer() });
    await page.goto(`/?line=${encodeURIComponent(line)}`);
    await expect(page.getByTestId("live-call")).toHaveCount(3);
    await expect(page.getByTestId("connection-state")).toHaveAttribute("data-state", "live");

    // The first three tab stops are the skip links, shown when focused.
    for (const label of ["Skip to calls in progress", "Skip to recently ended", "Skip to recent errors"]) {
      await page.keyboard.press("Tab");
      const focused = page.locator(":focus");
      await expect(focused).toHaveText(label);
      await expect(focused).toBeVisible();
    }
    await page.keyboard.press("Enter");
    await expect(page.locator(":focus")).toHaveAttribute("id", "errors");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.closest("#errors") !== null)).toBe(true);

    // Skip to the ended calls: the next stop is in that list.
    await page.getByRole("link", { name: "Skip to recently ended" }).focus();
    await page.keyboard.press("Enter");
    await expect(page.locator(":focus")).toHaveAttribute("id", "ended");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.closest("#ended") !== null)).toBe(true);

    // Into the live list: one stop, on the first row.
    await page.getByRole("link", { name: "Skip to calls in progress" }).focus();
    await page.keyboard.press("Enter");
    await expect(page.locator(":focus")).toHaveAttribute("id", "live");
    await tabIntoLiveList(page);
    expect(await focusedLiveCall(page)).toBe(ids[2]);
    await page.keyboard.press("ArrowDown");
    expect(await focusedLiveCall(page)).toBe(ids[1]);
    await page.keyboard.press("End");
    expect(await focusedLiveCall(page)).toBe(ids[0]);
    await page.keyboard.press("ArrowDown");
    expect(await focusedLiveCall(page)).toBe(ids[0]);
    await page.keyboard.press("Home");
    expect(await focusedLiveCall(page)).toBe(ids[2]);
    // Right reaches the row's actions button, Left goes back to its link.
    await page.keyboard.press("ArrowRight");
    await expect(page.locator(":focus")).toHaveAttribute("data-testid", "call-actions");
    await page.keyboard.press("ArrowLeft");
    await expect(page.locator(":focus")).toHaveAttribute("data-testid", "live-customer");
    // One Tab leaves the list, one Shift+Tab comes back to the same row.
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Tab");
    expect(await focusedLiveCall(page)).toBeNull();
    expect(await page.evaluate(() => document.activeElement?.closest('[data-testid="live-calls"]') ?? null)).toBeNull();
    await page.keyboard.press("Shift+Tab");
    expect(await focusedLiveCall(page)).toBe(ids[1]);
    // Enter opens the call.
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`/calls/${encodeURIComponent(ids[1] ?? "")}$`));
  });

  test("moves the focus to the next row when the focused call ends, or the previous one if it was the last", async ({ page, sendStatus }) => {
    const line = uniqueLine();
    const ids = [newCallId(), newCallId(), newCallId()];
    const base = Date.now() - 60_000;
    for (const [index, callId] of ids.entries()) {
      await sendStatus({ callId, status: "in-progress", lineNumber: line, customerNumber: uniqueCustomer(), timestamp: new Date(base + index * 1_000) });
    }
    await page.goto(`/?line=${encodeURIComponent(line)}`);
    await expect(page.getByTestId("live-call")).toHaveCount(3);
    await expect(page.getByTestId("connection-state")).toHaveAttribute("data-state", "live");
    await page.getByRole("link", { name: "Skip to calls in progress" }).focus();
    await page.keyboard.press("Enter");
    await tabIntoLiveList(page);
    // Rows: ids[2], ids[1], ids[0]. Focus the middle one and end its call.
    await page.keyboard.press("ArrowDown");
    expect(await focusedLiveCall(page)).toBe(ids[1]);
    await sendStatus({ callId: ids[1], status: "ended", lineNumber: line });
    await expect(page.getByTestId("live-call")).toHaveCount(2);
    await expect.poll(() => focusedLiveCall(page)).toBe(ids[0]);
    // Now the focused row is the last: its call ends, and the focus goes up.
    await sendStatus({ callId: ids[0], status: "ended", lineNumber: line });
    await expect(page.getByTestId("live-call")).toHaveCount(1);
    await expect.poll(() => focusedLiveCall(page)).toBe(ids[2]);
  });

  test("scrolls the virtualized list to the row the arrow keys reach", async ({ page, sendStatus }) => {
    const line = uniqueLine();
    const ids: string[] = [];
    const base = Date.now() - 10 * 60_000;
    for (let index = 0; index < 40; index += 1) {
      const callId = newCallId();
      ids.push(callId);
      await sendStatus({ callId, status: "in-progress", lineNumber: line, customerNumber: uniqueCustomer(), timestamp: new Date(base + index * 1_000) });
    }
    // Newest first: the first row is the last call sent.
    const rows = [...ids].reverse();
    await page.goto(`/?line=${encodeURIComponent(line)}`);
    await expect(page.getByTestId("live-count")).toHaveText("40");
    await expect(page.getByTestId("connection-state")).toHaveAttribute("data-state", "live");
    // Not every row is in the DOM.
    expect(await page.getByTestId("live-call").count()).toBeLessThan(40);
    await page.getByRole("link", { name: "Skip to calls in progress" }).focus();
    await page.keyboard.press("Enter");
    await tabIntoLiveList(page);
    expect(await focusedLiveCall(page)).toBe(rows[0]);
    await page.keyboard.press("End");
    await expect.poll(() => focusedLiveCall(page)).toBe(rows[39]);
    await expect(page.locator(`[data-testid="live-call"][data-call-id="${rows[39]}"]`)).toBeInViewport();
    await page.keyboard.press("PageUp");
    await expect.poll(() => focusedLiveCall(page)).toBe(rows[29]);
    await expect(page.locator(`[data-testid="live-call"][data-call-id="${rows[29]}"]`)).toBeInViewport();
    for (let step = 0; step < 29; step += 1) await page.keyboard.press("ArrowUp");
    await expect.poll(() => focusedLiveCall(page)).toBe(rows[0]);
    await expect(page.locator(`[data-testid="live-call"][data-call-id="${rows[0]}"]`)).toBeInViewport();
  });
});
