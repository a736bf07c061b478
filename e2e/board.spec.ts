import { newCallId, postWebhook } from "@/lib/testing/flireo-payloads";
import { TEST_WEBHOOK_SECRET } from "@/lib/testing/test-server";
import { expect, test } from "./fixtures";
import { blockLiveUpdates, uniqueCustomer, uniqueLine } from "./helpers";

test.describe("[BOARD]", () => {
  test("shows a new call live with a ticking timer", async ({ page, sendStatus }) => {
    const callId = newCallId();
    const customer = uniqueCustomer();
    // Filtered to its own number: started a minute ago, the call would sort below newer calls of other tests.
    await page.goto(`/?q=${encodeURIComponent(customer)}`);
    await expect(page.getByTestId("connection-state")).toHaveAttribute("data-state", "live");

    await sendStatus({ callId, status: "in-progress", customerNumber: customer, lineName: "Support NL", timestamp: new Date(Date.now() - 65_000) });

    const row = page.locator(`[data-testid="live-call"][data-call-id="${callId}"]`);
    await expect(row).toBeVisible();
    await expect(row).toContainText("Support NL");
    const timer = row.getByTestId("call-timer");
    await expect(timer).toHaveText(/^1:[0-5]\d$/);
    const first = await timer.textContent();
    await expect(timer).not.toHaveText(first ?? "", { timeout: 3_000 });
    await expect(page).toHaveTitle(/^\(\d+\) Callboard$/);
  });

  test("moves a call that ends with an error from the live list to the errors, with its text", async ({ page, sendStatus }) => {
    const callId = newCallId();
    await sendStatus({ callId, status: "in-progress", customerNumber: uniqueCustomer() });
    await page.goto("/");
    const liveRow = page.locator(`[data-testid="live-call"][data-call-id="${callId}"]`);
    await expect(liveRow).toBeVisible();

    await sendStatus({ callId, status: "ended-with-error", error: "STT connection failed" });
    await expect(liveRow).toHaveCount(0);
    const errorRow = page.locator(`[data-testid="error-call"][data-call-id="${callId}"]`);
    await expect(errorRow).toBeVisible();
    await expect(errorRow.getByTestId("error-text")).toHaveText("STT connection failed");
  });

  test("renders the live calls and errors from the server on load", async ({ page, sendStatus }) => {
    const live = newCallId();
    const failed = newCallId();
    await sendStatus({ callId: live, status: "in-progress" });
    await sendStatus({ callId: failed, status: "in-progress" });
    await sendStatus({ callId: failed, status: "ended-with-error", error: "LLM timeout" });

    await blockLiveUpdates(page);
    await page.goto("/");
    await expect(page.locator(`[data-testid="live-call"][data-call-id="${live}"]`)).toBeVisible();
    await expect(page.locator(`[data-testid="error-call"][data-call-id="${failed}"]`)).toContainText("LLM timeout");
    await expect(page.getByTestId("connection-state")).not.toHaveAttribute("data-state", "live");
  });

  test("narrows both lists to calls whose number matches the filter", async ({ page, sendStatus }) => {
    const match = uniqueCustomer();
    const other = uniqueCustomer();
    const matching = newCallId();
    const notMatching = newCallId();
    const failedMatching = newCallId();
    await sendStatus({ callId: matching, status: "in-progress", customerNumber: match });
    await sendStatus({ callId: notMatching, status: "in-progress", customerNumber: other });
    await sendStatus({ callId: failedMatching, status: "ended-with-error", customerNumber: match, error: "Transfer failed" });

    await page.goto("/");
    await expect(page.locator(`[data-call-id="${notMatching}"]`)).toBeVisible();

    // Type the national form: "06" and the last digits, written with a dash.
    const national = `06-${match.slice(4)}`;
    await page.getByLabel("Filter by phone number").fill(national);
    await expect(page.locator(`[data-testid="live-call"][data-call-id="${matching}"]`)).toBeVisible();
    await expect(page.locator(`[data-testid="error-call"][data-call-id="${failedMatching}"]`)).toBeVisible();
    await expect(page.locator(`[data-call-id="${notMatching}"]`)).toHaveCount(0);
    await expect(page).toHaveURL(new RegExp(`[?&]q=${encodeURIComponent(national)}`));

    // A call arriving while the filter is on only shows when it matches.
    const lateOther = newCallId();
    const lateMatch = newCallId();
    await sendStatus({ callId: lateOther, status: "in-progress", customerNumber: other });
    await sendStatus({ callId: lateMatch, status: "in-progress", customerNumber: match });
    await expect(page.locator(`[data-call-id="${lateMatch}"]`)).toBeVisible();
    await expect(page.locator(`[data-call-id="${lateOther}"]`)).toHaveCount(0);

    // Digits from the middle of the number match too; a number that matches nothing says so. (Leading zeros are
    // dropped: a query starting with 0 is read as the start of a national number, like 06-…, by design.)
    await page.getByLabel("Filter by phone number").fill(match.slice(6, 11).replace(/^0+/, ""));
    await expect(page.locator(`[data-call-id="${matching}"]`)).toBeVisible();
    await page.getByLabel("Filter by phone number").fill("+49 30 000");
    await expect(page.getByTestId("live-empty")).toHaveText(/No calls in progress match these filters/);
  });

  test("serves a filtered board straight from the URL", async ({ page, sendStatus }) => {
    const match = uniqueCustomer();
    const matching = newCallId();
    const notMatching = newCallId();
    await sendStatus({ callId: matching, status: "in-progress", customerNumber: match });
    await sendStatus({ callId: notMatching, status: "in-progress", customerNumber: uniqueCustomer() });

    await page.goto(`/?q=${encodeURIComponent(match.slice(3))}`);
    await expect(page.getByLabel("Filter by phone number")).toHaveValue(match.slice(3));
    await expect(page.locator(`[data-call-id="${matching}"]`)).toBeVisible();
    await expect(page.locator(`[data-call-id="${notMatching}"]`)).toHaveCount(0);
  });

  test("shows line, formatted numbers, type and start, newest first", async ({ page, sendStatus }) => {
    const line = uniqueLine();
    const older = newCallId();
    const newer = newCallId();
    await sendStatus({ callId: older, status: "in-progress", lineNumber: line, lineName: "Sales", customerNumber: "+31612345678", callType: "outbound", timestamp: new Date(Date.now() - 120_000) });
    await sendStatus({ callId: newer, status: "in-progress", lineNumber: line, lineName: "Sales", timestamp: new Date(Date.now() - 10_000) });

    await page.goto(`/?line=${encodeURIComponent(line)}`);
    const rows = page.getByTestId("live-call");
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(0)).toHaveAttribute("data-call-id", newer);
    await expect(rows.nth(1)).toHaveAttribute("data-call-id", older);
    await expect(rows.nth(1)).toContainText("+31 6 12345678");
    await expect(rows.nth(1)).toContainText("Outbound");
    await expect(rows.nth(1)).toContainText("Sales");
    await expect(page.getByTestId("live-count")).toHaveText("2");
    await expect(page).toHaveTitle("(2) Callboard");
  });

  test("sorts the live calls longest first from the Duration heading, and remembers it", async ({ page, sendStatus }) => {
    const line = uniqueLine();
    const ids = [newCallId(), newCallId(), newCallId()];
    for (const [index, callId] of ids.entries()) {
      await sendStatus({ callId, status: "in-progress", lineNumber: line, timestamp: new Date(Date.now() - (index + 1) * 60_000) });
    }
    const order = () => page.getByTestId("live-call").evaluateAll((rows) => rows.map((row) => row.getAttribute("data-call-id")));

    await page.goto(`/?line=${encodeURIComponent(line)}`);
    await expect(page.getByTestId("connection-state")).toHaveAttribute("data-state", "live");
    await expect.poll(order).toEqual(ids);
    await expect(page.getByRole("columnheader", { name: "Started" })).toHaveAttribute("aria-sort", "descending");

    await page.getByTestId("live-sort-longest").click();
    await expect.poll(order).toEqual([...ids].reverse());
    await expect(page.getByRole("columnheader", { name: "Duration" })).toHaveAttribute("aria-sort", "descending");
    await expect(page.getByRole("columnheader", { name: "Started" })).toHaveAttribute("aria-sort", "none");

    // A new call goes where its start puts it: last, as the shortest.
    const latest = newCallId();
    await sendStatus({ callId: latest, status: "in-progress", lineNumber: line });
    await expect.poll(order).toEqual([...[...ids].reverse(), latest]);

    await page.reload();
    await expect.poll(order).toEqual([...[...ids].reverse(), latest]);
    // Pressed again, the heading gives the other order.
    await page.getByTestId("live-sort-longest").click();
    await expect.poll(order).toEqual([latest, ...ids]);
  });

  test("shows the live calls in compact rows on request, more of them in the same height, and remembers it", async ({ page, sendStatus }) => {
    const line = uniqueLine();
    for (let index = 0; index < 30; index++) {
      await sendStatus({ callId: newCallId(), status: "in-progress", lineNumber: line, lineName: "Support", timestamp: new Date(Date.now() - (index + 1) * 30_000) });
    }
    const list = page.getByTestId("live-calls");
    const rowsInView = () =>
      list.evaluate((table) => {
        const scroller = table.querySelector<HTMLElement>("[role=rowgroup][tabindex]")!;
        const bottom = scroller.getBoundingClientRect().bottom;
        return [...table.querySelectorAll("[data-testid=live-call]")].filter((row) => row.getBoundingClientRect().bottom <= bottom + 1).length;
      });
    const firstRowHeight = () => page.getByTestId("live-call").first().evaluate((row) => row.getBoundingClientRect().height);

    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto(`/?line=${encodeURIComponent(line)}`);
    await expect(page.getByTestId("connection-state")).toHaveAttribute("data-state", "live");
    await expect(page.getByTestId("live-count")).toHaveText("30");
    const toggle = page.getByTestId("live-density");
    await expect(toggle).toHaveAttribute("aria-pressed", "false");
    const comfortable = await rowsInView();
    expect(await firstRowHeight()).toBe(64);

    await toggle.click();
    await expect(toggle).toHaveAttribute("aria-pressed", "true");
    await expect(list).toHaveAttribute("data-density", "compact");
    expect(await firstRowHeight()).toBe(40);
    // 64 px rows against 40 px ones: at least half as many again in the same list.
    expect(await rowsInView()).toBeGreaterThanOrEqual(Math.floor(comfortable * 1.5));
    // Each row is one line: the line's name and number side by side; the timer still runs.
    const lineCell = page.getByTestId("live-line").first();
    await expect(lineCell).toContainText("Support");
    const [nameTop, numberTop] = await lineCell.evaluate((cell) => [...cell.children].map((part) => part.getBoundingClientRect().top));
    expect(Math.abs((nameTop ?? 0) - (numberTop ?? 100))).toBeLessThan(4);
    await expect(page.getByTestId("live-call").first().getByTestId("call-timer")).toHaveText(/^\d+:\d{2}$/);

    // Another tab of the board follows the choice.
    const other = await page.context().newPage();
    await other.goto(`/?line=${encodeURIComponent(line)}`);
    await expect(other.getByTestId("live-calls")).toHaveAttribute("data-density", "compact");
    await toggle.click();
    await expect(other.getByTestId("live-calls")).toHaveAttribute("data-density", "comfortable");
    await toggle.click();
    await expect(other.getByTestId("live-calls")).toHaveAttribute("data-density", "compact");
    await other.close();

    // The server renders the remembered density, so a reloading wall screen does not jump from one to the other.
    const html = await (await page.request.get(`/?line=${encodeURIComponent(line)}`)).text();
    expect(html).toContain('data-density="compact"');
    await page.reload();
    await expect(list).toHaveAttribute("data-density", "compact");
    await expect(page.getByTestId("live-density")).toHaveAttribute("aria-pressed", "true");
    expect(await firstRowHeight()).toBe(40);
    await page.getByTestId("live-density").click();
    await expect(list).toHaveAttribute("data-density", "comfortable");
    expect(await firstRowHeight()).toBe(64);
  });

  test("fetches a call's page ahead only when the pointer or focus reaches its row, not for every row that comes into view", async ({ page, sendStatus }) => {
    const line = uniqueLine();
    const callPageRequests: string[] = [];
    page.on("request", (request) => {
      if (new URL(request.url()).pathname.startsWith("/calls/")) callPageRequests.push(decodeURIComponent(request.url()));
    });
    await page.goto(`/?line=${encodeURIComponent(line)}`);
    await expect(page.getByTestId("connection-state")).toHaveAttribute("data-state", "live");

    const live = [newCallId(), newCallId(), newCallId()];
    for (const callId of live) await sendStatus({ callId, status: "in-progress", lineNumber: line });
    const failed = newCallId();
    await sendStatus({ callId: failed, status: "in-progress", lineNumber: line });
    await sendStatus({ callId: failed, status: "ended-with-error", lineNumber: line, error: "LLM timeout" });
    await expect(page.getByTestId("live-call")).toHaveCount(3);
    await expect(page.locator(`[data-testid="error-call"][data-call-id="${failed}"]`)).toBeVisible();
    // Next prefetches a link that comes into view within a frame or two; give it ample time to (not) happen.
    await page.waitForTimeout(1_500);
    expect(callPageRequests).toEqual([]);

    const row = page.locator(`[data-testid="live-call"][data-call-id="${live[1]}"]`);
    await row.hover();
    await expect.poll(() => callPageRequests.some((url) => url.includes(`/calls/${live[1]}`))).toBe(true);
    // So does the keyboard's focus.
    await page.locator(`[data-testid="live-call"][data-call-id="${live[2]}"]`).getByRole("link").focus();
    await expect.poll(() => callPageRequests.some((url) => url.includes(`/calls/${live[2]}`))).toBe(true);
    await row.getByRole("link").click();
    await expect(page).toHaveURL(new RegExp(`/calls/${live[1]}$`));
    await expect(page.getByTestId("detail-timeline")).toBeVisible();
  });

  test("marks the clicked row as loading until the call's page has arrived", async ({ page, sendStatus }) => {
    const line = uniqueLine();
    const callId = newCallId();
    await sendStatus({ callId, status: "in-progress", lineNumber: line });
    await page.goto(`/?line=${encodeURIComponent(line)}`);
    await expect(page.getByTestId("connection-state")).toHaveAttribute("data-state", "live");
    // The server's answers for the call's page wait until the test lets them through.
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    await page.route(`**/calls/${callId}*`, async (route) => {
      await released;
      await route.continue();
    });

    const row = page.locator(`[data-testid="live-call"][data-call-id="${callId}"]`);
    await row.getByRole("link").click();
    const bar = row.getByTestId("call-link-pending");
    await expect(bar).toBeVisible();
    // Along the row's bottom edge (inside its 1 px border line), the row's full width; both measured at once.
    const boxes = await row.evaluate((element) => {
      const rowBox = element.getBoundingClientRect();
      const barBox = element.querySelector('[data-testid="call-link-pending"]')!.getBoundingClientRect();
      return { rowWidth: rowBox.width, barWidth: barBox.width, gapBelowBar: rowBox.bottom - barBox.bottom };
    });
    expect(boxes.barWidth).toBe(boxes.rowWidth);
    expect(boxes.gapBelowBar).toBe(1);

    release();
    await expect(page.getByTestId("detail-timeline")).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`/calls/${callId}$`));
  });

  test("names a call that came without a line name (legacy payload) after its line", async ({ page, server, sendStatus }) => {
    const line = uniqueLine();
    await sendStatus({ callId: newCallId(), status: "in-progress", lineNumber: line, lineName: "Bookings BE" });
    const legacy = newCallId();
    const legacyEvent = { eventTimestamp: Date.now(), eventType: "status-update", callSession: legacy, fromCaller: uniqueCustomer(), toAssistant: line, status: "in-progress" };
    expect((await postWebhook(server.baseUrl, legacyEvent, { secret: TEST_WEBHOOK_SECRET })).status).toBe(200);

    await page.goto(`/?line=${encodeURIComponent(line)}`);
    await expect(page.locator(`[data-testid="live-call"][data-call-id="${legacy}"]`)).toContainText("Bookings BE");
    // Nor does it say whether the call is inbound or outbound.
    await expect(page.locator(`[data-testid="live-call"][data-call-id="${legacy}"]`).getByTitle(/legacy payload has no call type/)).toHaveText("Not stated");
    await expect(page.getByLabel("Line").locator("option:checked")).toContainText("Bookings BE");

    await page.locator(`[data-testid="live-call"][data-call-id="${legacy}"]`).getByRole("link").first().click();
    await expect(page.getByTestId("detail-line")).toHaveText(/^Bookings BE · /);
  });

  test("opens a live call's page from anywhere on its row, as the ended and failed calls' rows do", async ({ page, sendStatus }) => {
    const callId = newCallId();
    await sendStatus({ callId, status: "in-progress", lineNumber: uniqueLine() });
    await page.goto("/");
    // At the timer, near the row's right end: far from the number, the link's own text. (The row's actions menu,
    // at the very end, opens its menu instead.)
    const row = page.locator(`[data-testid="live-call"][data-call-id="${callId}"]`);
    const timer = await row.getByTestId("call-timer").boundingBox();
    const box = await row.boundingBox();
    await row.click({ position: { x: (timer?.x ?? 0) - (box?.x ?? 0) + (timer?.width ?? 0) / 2, y: (box?.height ?? 0) / 2 } });
    await expect(page).toHaveURL(new RegExp(`/calls/${callId}$`));
  });

  test("keeps only the rows in view in the DOM when many calls are live", async ({ page, sendStatus }) => {
    const line = uniqueLine();
    const ids = Array.from({ length: 150 }, () => newCallId());
    for (let index = 0; index < ids.length; index += 15) {
      await Promise.all(ids.slice(index, index + 15).map((callId) => sendStatus({ callId, status: "in-progress", lineNumber: line })));
    }
    await page.goto(`/?line=${encodeURIComponent(line)}`);
    await expect(page.getByTestId("live-count")).toHaveText("150");
    const rendered = await page.getByTestId("live-call").count();
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(40);
  });

  test("keeps the rows an operator scrolled to in place while new calls arrive at the top", async ({ page, sendStatus }) => {
    const line = uniqueLine();
    const start = Date.now() - 30 * 60_000;
    // Started a minute apart, so "newest first" is a fixed order: ids[29] on top, ids[0] at the bottom.
    const ids = Array.from({ length: 30 }, () => newCallId());
    await Promise.all(ids.map((callId, index) => sendStatus({ callId, status: "in-progress", lineNumber: line, timestamp: new Date(start + index * 60_000) })));
    await page.goto(`/?line=${encodeURIComponent(line)}`);
    await expect(page.getByTestId("live-count")).toHaveText("30");

    const list = page.getByRole("grid", { name: "Calls in progress" }).getByRole("rowgroup").nth(1);
    await list.evaluate((element) => (element.scrollTop = 10 * 64 + 20));
    const read = page.locator(`[data-testid="live-call"][data-call-id="${ids[19]}"]`);
    // Measured from the list's top, both positions in one task: the tiles above the list may change height as
    // today's figures come in, and two separate reads could straddle that shift.
    const offsetInList = () =>
      read.evaluate((row) => row.getBoundingClientRect().top - (row.closest('[role="rowgroup"]')?.getBoundingClientRect().top ?? Number.NaN));
    const before = await offsetInList();

    for (const callId of [newCallId(), newCallId()]) await sendStatus({ callId, status: "in-progress", lineNumber: line });
    await expect(page.getByTestId("live-count")).toHaveText("32");
    expect(await offsetInList()).toBeCloseTo(before, 0);

    // Back at the top, the newest calls show as they come, even when an update renders right after the scroll,
    // before the browser has dispatched its scroll event. The server's message is held in the page and let
    // through in the same task as the scroll.
    await page.evaluate(() => {
      type Handler = (calls: unknown) => void;
      const socket = (window as unknown as { __callboardSocket: { listeners(event: string): Handler[]; off(event: string): void; on(event: string, handler: Handler): void } }).__callboardSocket;
      const handlers = socket.listeners("calls:updated");
      const held: unknown[] = [];
      socket.off("calls:updated");
      socket.on("calls:updated", (calls) => held.push(calls));
      Object.assign(window, {
        __held: held,
        __release: () => {
          socket.off("calls:updated");
          for (const handler of handlers) socket.on("calls:updated", handler);
          for (const calls of held) for (const handler of handlers) handler(calls);
        },
      });
    });
    const newest = newCallId();
    await sendStatus({ callId: newest, status: "in-progress", lineNumber: line });
    await expect.poll(() => page.evaluate(() => (window as unknown as { __held: unknown[] }).__held.length)).toBe(1);
    await page.waitForTimeout(1_100); // The connection indicator then re-renders the board at once for the update.
    await list.evaluate((element) => {
      element.scrollTop = 0;
      (window as unknown as { __release: () => void }).__release();
    });
    await expect(page.getByTestId("live-count")).toHaveText("33");
    await expect(page.getByTestId("live-call").first()).toHaveAttribute("data-call-id", newest);
    expect(await list.evaluate((element) => element.scrollTop)).toBe(0);
  });
});
