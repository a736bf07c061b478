import { newCallId } from "@/lib/testing/flireo-payloads";
import { expect, test } from "./fixtures";
import { uniqueCustomer, uniqueLine } from "./helpers";

test.describe("[ERRORS]", () => {
  test("lists a new error with its text, line, customer and time, and raises a badge", async ({ page, sendStatus }) => {
    // Records the animations the page starts: the badge's pulse ends within seconds, before a slow check could see it.
    await page.addInitScript(() => {
      const started: { testId: string | undefined; iterations: number | undefined }[] = [];
      (window as unknown as { __animations: typeof started }).__animations = started;
      const { animate } = Object.getOwnPropertyDescriptors(Element.prototype);
      const original = animate?.value as Element["animate"];
      Element.prototype.animate = function (this: HTMLElement, keyframes, options) {
        started.push({ testId: this.dataset?.testid, iterations: typeof options === "object" ? options.iterations : undefined });
        return original.call(this, keyframes, options);
      };
    });
    await page.goto("/");
    await expect(page.getByTestId("connection-state")).toHaveAttribute("data-state", "live");
    await expect(page.getByTestId("new-errors-badge")).toHaveCount(0);

    const callId = newCallId();
    const customer = uniqueCustomer();
    await sendStatus({ callId, status: "in-progress", customerNumber: customer, lineName: "Support NL" });
    await sendStatus({ callId, status: "ended-with-error", customerNumber: customer, lineName: "Support NL", error: "Voice provider rejected the request" });

    const row = page.locator(`[data-testid="error-call"][data-call-id="${callId}"]`);
    await expect(row.getByTestId("error-text")).toHaveText("Voice provider rejected the request");
    await expect(row).toContainText("Support NL");
    await expect(row).toContainText(customer.slice(-4));
    await expect(row.locator("time")).toHaveText(/^\d\d:\d\d:\d\d$/);

    const badge = page.getByTestId("new-errors-badge");
    await expect(badge).toHaveText("1 new");
    // It pulses at the news, a few times, not for as long as it is shown.
    const pulses = () =>
      page.evaluate(() =>
        (window as unknown as { __animations: { testId?: string; iterations?: number }[] }).__animations
          .filter((animation) => animation.testId === "new-errors-badge")
          .map((animation) => animation.iterations),
      );
    await expect.poll(pulses).toEqual([3]);
    await badge.click();
    await expect(badge).toHaveCount(0);
  });

  test("counts only the new errors the number filter lets into the list", async ({ page, sendStatus }) => {
    const customer = uniqueCustomer();
    await page.goto(`/?q=${encodeURIComponent(customer)}`);
    await expect(page.getByTestId("connection-state")).toHaveAttribute("data-state", "live");

    const other = newCallId();
    const matching = newCallId();
    await sendStatus({ callId: other, status: "ended-with-error", customerNumber: uniqueCustomer(), error: "LLM timeout" });
    await sendStatus({ callId: matching, status: "ended-with-error", customerNumber: customer, error: "LLM timeout" });

    // Broadcast in order: once the matching error is listed, the other one has been seen and left out.
    await expect(page.locator(`[data-testid="error-call"][data-call-id="${matching}"]`)).toBeVisible();
    await expect(page.locator(`[data-testid="error-call"][data-call-id="${other}"]`)).toHaveCount(0);
    await expect(page.getByTestId("new-errors-badge")).toHaveText("1 new");
    // The figures follow the filter too, and say so.
    await expect(page.getByTestId("kpi-active-hint")).toHaveText("matching the filters");
    await expect(page.getByTestId("kpi-calls-today-hint")).toHaveText("matching the filters");
    await expect(page.getByTestId("calls-chart-title")).toHaveText("Last hour, per minute · matching the filters");
    await expect(page.getByTestId("error-groups-heading")).toHaveText("Error, matching the filters");
    await expect(page.getByTestId("kpi-errors-today")).toHaveText("1");

    // Another filter makes another list: what was new in the last one is not counted against it.
    await page.getByLabel("Filter by phone number").fill(uniqueCustomer());
    await expect(page.locator(`[data-testid="error-call"][data-call-id="${matching}"]`)).toHaveCount(0);
    await expect(page.getByTestId("new-errors-badge")).toHaveCount(0);
  });

  test("says the list is the latest errors once it holds as many as the board shows", async ({ page, sendStatus }) => {
    const line = uniqueLine();
    const callIds = Array.from({ length: 101 }, () => newCallId());
    for (let start = 0; start < callIds.length; start += 20) {
      await Promise.all(callIds.slice(start, start + 20).map((callId) => sendStatus({ callId, status: "ended-with-error", lineNumber: line, error: "LLM timeout" })));
    }
    await page.goto(`/?line=${encodeURIComponent(line)}`);
    await expect(page.getByTestId("error-call")).toHaveCount(100);
    await expect(page.getByTestId("error-count")).toHaveText("latest 100");

    // Below the limit it is a plain count.
    await page.goto(`/?line=${encodeURIComponent(line)}&q=${encodeURIComponent("+31 6 0000 0000")}`);
    await expect(page.getByTestId("error-count")).toHaveText("0");
  });

  test("counts errors by text for the last hour and the last day", async ({ page, sendStatus }) => {
    const text = `Tool call failed ${newCallId().slice(0, 8)}`;
    const recent = [newCallId(), newCallId()];
    const earlier = newCallId();
    for (const callId of recent) await sendStatus({ callId, status: "ended-with-error", error: text });
    await sendStatus({ callId: earlier, status: "ended-with-error", error: text, timestamp: new Date(Date.now() - 3 * 60 * 60 * 1000) });

    await page.goto("/");
    const group = page.getByTestId("error-group").filter({ hasText: text });
    await expect(group.getByTestId("error-group-hour")).toHaveText("2");
    await expect(group.getByTestId("error-group-day")).toHaveText("3");
  });
});

test.describe("[ENDED]", () => {
  test("moves an ended call to recently ended with its duration, then shows the summary when the report comes", async ({ page, sendStatus, sendReport }) => {
    const line = uniqueLine();
    const callId = newCallId();
    const startedAt = new Date(Date.now() - 95_000);
    await sendStatus({ callId, status: "in-progress", lineNumber: line, timestamp: startedAt });
    await page.goto(`/?line=${encodeURIComponent(line)}`);
    await expect(page.locator(`[data-testid="live-call"][data-call-id="${callId}"]`)).toBeVisible();

    await sendStatus({ callId, status: "ended", lineNumber: line, timestamp: new Date(startedAt.getTime() + 90_000) });
    const row = page.locator(`[data-testid="ended-call"][data-call-id="${callId}"]`);
    await expect(row.getByTestId("ended-duration")).toHaveText("1:30");
    await expect(page.locator(`[data-testid="live-call"][data-call-id="${callId}"]`)).toHaveCount(0);
    await expect(row).toContainText("Summary pending");

    await sendReport({ callId, lineNumber: line, durationSeconds: 91, summary: "Caller asked to move the appointment to Friday." });
    await expect(row.getByTestId("ended-summary")).toHaveText("Caller asked to move the appointment to Friday.");
    await expect(row.getByTestId("ended-duration")).toHaveText("1:31");
  });

  test("says so when a call's end-of-call report has not come ten minutes after it ended", async ({ page, sendStatus }) => {
    const line = uniqueLine();
    const late = newCallId();
    const recent = newCallId();
    const now = Date.now();
    await sendStatus({ callId: late, status: "in-progress", lineNumber: line, timestamp: new Date(now - 13 * 60_000) });
    await sendStatus({ callId: late, status: "ended", lineNumber: line, timestamp: new Date(now - 11 * 60_000) });
    await sendStatus({ callId: recent, status: "ended", lineNumber: line, timestamp: new Date(now - 60_000) });
    await page.goto(`/?line=${encodeURIComponent(line)}`);

    const lateNote = page.locator(`[data-testid="ended-call"][data-call-id="${late}"]`).getByTestId("ended-summary-missing");
    await expect(lateNote).toHaveText("No end-of-call report arrived.");
    await expect(lateNote).toHaveAttribute("title", /end-of-call-report is enabled/);
    await expect(page.locator(`[data-testid="ended-call"][data-call-id="${recent}"]`).getByTestId("ended-summary-missing")).toHaveText("Summary pending…");

    await page.goto(`/calls/${encodeURIComponent(late)}`);
    await expect(page.getByTestId("detail-summary")).toContainText("No end-of-call report arrived.");
  });
});

test.describe("[KPIS]", () => {
  test("counts today's calls and errors and moves the per-minute chart as calls arrive", async ({ page, sendStatus }) => {
    await page.goto("/");
    // "Today" restarts at the browser's midnight, and a count read just before it cannot grow after it: start clear of it.
    const msToMidnight = await page.evaluate(() => new Date().setHours(24, 0, 0, 0) - Date.now());
    if (msToMidnight < 90_000) {
      test.setTimeout(test.info().timeout + msToMidnight);
      await page.waitForTimeout(msToMidnight + 1_000);
      await page.reload();
    }
    await expect(page.getByTestId("kpi-calls-today")).not.toHaveText("—");
    const read = async (testId: string) => Number(await page.getByTestId(testId).textContent());
    const chartCalls = async () => Number(await page.getByTestId("calls-chart").getAttribute("data-calls"));
    const callsBefore = await read("kpi-calls-today");
    const errorsBefore = await read("kpi-errors-today");
    const chartBefore = await chartCalls();
    const activeBefore = await read("kpi-active");

    const live = newCallId();
    const failed = newCallId();
    await sendStatus({ callId: live, status: "in-progress" });
    await sendStatus({ callId: failed, status: "in-progress" });
    await sendStatus({ callId: failed, status: "ended-with-error", error: "LLM timeout" });

    // Other tests share this server, so the figures grow by at least what this test sent.
    await expect.poll(() => read("kpi-calls-today")).toBeGreaterThanOrEqual(callsBefore + 2);
    await expect.poll(() => read("kpi-errors-today")).toBeGreaterThanOrEqual(errorsBefore + 1);
    await expect.poll(chartCalls).toBeGreaterThanOrEqual(chartBefore + 2);
    await expect.poll(() => read("kpi-active")).toBeGreaterThanOrEqual(activeBefore + 1);
    await expect(page.getByTestId("kpi-error-rate")).toHaveText(/^\d+(\.\d)?%$/);
    await expect(page.getByTestId("kpi-error-rate-hint")).toHaveText(/^of \d+ calls? ended today$/);
    await expect(page.getByTestId("kpi-calls-today-hint")).toHaveCount(0);
    await expect(page.getByTestId("calls-chart-title")).toHaveText("Last hour, per minute");
    await expect(page.getByTestId("kpi-avg-duration")).toHaveText(/^\d+:\d\d$/);
  });
});
