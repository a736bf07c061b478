import { newCallId } from "@/lib/testing/flireo-payloads";
import { expect, test } from "./fixtures";
import { blockLiveUpdates, uniqueCustomer, uniqueLine } from "./helpers";

const live = (callId: string) => `[data-testid="live-call"][data-call-id="${callId}"]`;

test.describe("[FILTERS]", () => {
  test("filters by line from the select, in the URL, on history and live stream; Back undoes it", async ({ page, sendStatus }) => {
    const customer = uniqueCustomer();
    const lineA = uniqueLine();
    const lineB = uniqueLine();
    const onA = newCallId();
    const onB = newCallId();
    await sendStatus({ callId: onA, status: "in-progress", lineNumber: lineA, lineName: "Filter A", customerNumber: customer });
    await sendStatus({ callId: onB, status: "in-progress", lineNumber: lineB, lineName: "Filter B", customerNumber: customer });

    await page.goto(`/?q=${encodeURIComponent(customer)}`);
    await expect(page.locator(live(onA))).toBeVisible();
    await expect(page.locator(live(onB))).toBeVisible();

    await page.getByLabel("Line").selectOption(lineA);
    await expect(page).toHaveURL(new RegExp(`line=${encodeURIComponent(lineA).replace("+", "\\+")}`));
    await expect(page.locator(live(onB))).toHaveCount(0);
    await expect(page.locator(live(onA))).toBeVisible();

    // The live stream is filtered the same way.
    const lateA = newCallId();
    const lateB = newCallId();
    await sendStatus({ callId: lateB, status: "in-progress", lineNumber: lineB, customerNumber: customer });
    await sendStatus({ callId: lateA, status: "in-progress", lineNumber: lineA, customerNumber: customer });
    await expect(page.locator(live(lateA))).toBeVisible();
    await expect(page.locator(live(lateB))).toHaveCount(0);

    await page.goBack();
    await expect(page.getByLabel("Line")).toHaveValue("");
    await expect(page.locator(live(lateB))).toBeVisible();
    await expect(page.locator(live(onB))).toBeVisible();
    await page.goForward();
    await expect(page.getByLabel("Line")).toHaveValue(lineA);
    await expect(page.locator(live(onB))).toHaveCount(0);
  });

  test("filters by status and says when a list is hidden or empty", async ({ page, sendStatus }) => {
    const line = uniqueLine();
    const running = newCallId();
    const failed = newCallId();
    await sendStatus({ callId: running, status: "in-progress", lineNumber: line });
    await sendStatus({ callId: failed, status: "ended-with-error", lineNumber: line, error: "Transfer failed" });

    await page.goto(`/?line=${encodeURIComponent(line)}&status=error`);
    await expect(page.getByLabel("Status")).toHaveValue("error");
    await expect(page.locator(`[data-testid="error-call"][data-call-id="${failed}"]`)).toBeVisible();
    await expect(page.getByTestId("live-empty")).toHaveText("Calls in progress are hidden by the status filter.");
    await expect(page.getByTestId("ended-empty")).toHaveText("Ended calls are hidden by the status filter.");
    // No "0 active" while calls are live: the filter hides them, and the tile says so.
    await expect(page.getByTestId("kpi-active")).toHaveText("—");
    await expect(page.getByTestId("kpi-active-hint")).toHaveText("hidden by the status filter");

    await page.getByLabel("Status").selectOption("live");
    await expect(page.locator(live(running))).toBeVisible();
    await expect(page.getByTestId("kpi-active")).not.toHaveText("—");
    await expect(page.getByTestId("errors-empty")).toHaveText("Errors are hidden by the status filter.");

    await page.getByLabel("Status").selectOption("ended");
    await expect(page.getByTestId("ended-empty")).toHaveText("No ended calls match these filters.");

    await page.getByTestId("clear-filters").click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByLabel("Status")).toHaveValue("all");
  });

  test("filters by time range, on the server-rendered board", async ({ page, sendStatus }) => {
    const line = uniqueLine();
    const recent = newCallId();
    const old = newCallId();
    const oldError = newCallId();
    await sendStatus({ callId: recent, status: "in-progress", lineNumber: line });
    // 90 minutes: outside the last hour, yet inside the 2 h after which housekeeping marks a silent call unresolved
    // and takes it off the live list.
    await sendStatus({ callId: old, status: "in-progress", lineNumber: line, timestamp: new Date(Date.now() - 90 * 60_000) });
    await sendStatus({ callId: oldError, status: "in-progress", lineNumber: line, timestamp: new Date(Date.now() - 100 * 60_000) });
    await sendStatus({ callId: oldError, status: "ended-with-error", lineNumber: line, error: "LLM timeout" });

    // The socket is blocked: what shows comes from the server's filtered history.
    await blockLiveUpdates(page);
    await page.goto(`/?line=${encodeURIComponent(line)}&range=1h`);
    await expect(page.getByLabel("Started")).toHaveValue("1h");
    await expect(page.locator(live(recent))).toBeVisible();
    await expect(page.locator(live(old))).toHaveCount(0);
    await expect(page.getByTestId("errors-empty")).toHaveText("No errors match these filters.");

    await page.getByLabel("Started").selectOption("24h");
    await expect(page.locator(live(old))).toBeVisible();
    await expect(page.locator(`[data-testid="error-call"][data-call-id="${oldError}"]`)).toBeVisible();
    await expect(page.getByTestId("connection-state")).not.toHaveAttribute("data-state", "live");
  });

  test("says a number search without digits filters nothing, and does not count as a filter", async ({ page, sendStatus }) => {
    const callId = newCallId();
    await sendStatus({ callId, status: "in-progress", customerNumber: uniqueCustomer() });
    await page.goto("/");
    const search = page.getByLabel("Filter by phone number");
    await expect(page.getByTestId("number-search-hint")).toHaveText("");

    await search.fill("abc");
    await expect(page.getByTestId("number-search-hint")).toHaveText("No digits: showing all numbers.");
    await expect(search).toHaveAttribute("aria-invalid", "true");
    await expect(page.locator(`[data-testid="live-call"][data-call-id="${callId}"]`)).toBeVisible();
    await expect(page.getByTestId("clear-filters")).toHaveCount(0);
    await expect(page.getByTestId("kpi-active-hint")).toHaveCount(0);

    await search.fill("abc 6");
    await expect(page.getByTestId("number-search-hint")).toHaveText("");
    await expect(page.getByTestId("clear-filters")).toBeVisible();
  });

  test("Back restores an earlier number search in the box", async ({ page, sendStatus }) => {
    const customer = uniqueCustomer();
    const callId = newCallId();
    await sendStatus({ callId, status: "in-progress", customerNumber: customer });
    await page.goto("/");
    const search = page.getByLabel("Filter by phone number");
    await search.fill(customer.slice(4));
    await expect(page).toHaveURL(/q=/);
    await page.getByLabel("Status").selectOption("live");
    await expect(page).toHaveURL(/status=live/);

    await page.goBack();
    await expect(page).not.toHaveURL(/status=/);
    await expect(search).toHaveValue(customer.slice(4));
    await page.goBack();
    await expect(search).toHaveValue("");
    await expect(page).not.toHaveURL(/q=/);
  });
});

test.describe("[FILTERS] typed by hand", () => {
  test("says which filter in the URL was not understood instead of silently showing everything", async ({ page }) => {
    await page.goto("/?status=errors");
    await expect(page.getByTestId("filter-not-understood")).toHaveText("Not understood, so not applied: status=errors (it can be all, live, ended, error).");
    await page.getByLabel("Status").selectOption("error");
    await expect(page.getByTestId("filter-not-understood")).toHaveCount(0);
    await page.goto("/?status=error");
    await expect(page.getByTestId("filter-not-understood")).toHaveCount(0);
  });
});
