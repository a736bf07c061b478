import { newCallId } from "@/lib/testing/flireo-payloads";
import { expect, test } from "./fixtures";
import { uniqueCustomer, uniqueLine } from "./helpers";

test.describe("[DETAIL]", () => {
  test("shows the timeline in the order events happened, with error, summary, analysis, recording and payloads", async ({ page, sendStatus, sendReport }) => {
    const callId = newCallId();
    const customer = uniqueCustomer();
    const startedAt = new Date(Date.now() - 5 * 60_000);
    // Delivered out of order: the error first, then the start, then the report.
    await sendStatus({ callId, status: "ended-with-error", customerNumber: customer, error: "STT connection failed", timestamp: new Date(startedAt.getTime() + 120_000) });
    await sendStatus({ callId, status: "in-progress", customerNumber: customer, timestamp: startedAt });
    await sendReport({
      callId,
      customerNumber: customer,
      timestamp: new Date(startedAt.getTime() + 121_000),
      summary: "Caller could not be understood; asked to call back.",
      analysis: { sentiment: "negative", resolved: false },
      recordingUrl: "https://recordings.example.test/detail.mp3",
    });

    await page.goto("/");
    await page.locator(`[data-testid="error-call"][data-call-id="${callId}"]`).getByRole("link").click();
    await expect(page).toHaveURL(new RegExp(`/calls/${callId}$`));

    await expect(page.getByTestId("detail-status")).toHaveText("Ended with error");
    await expect(page.getByTestId("detail-error")).toContainText("STT connection failed");
    await expect(page.getByTestId("detail-summary")).toContainText("Caller could not be understood");
    await expect(page.getByTestId("detail-analysis")).toContainText('"sentiment": "negative"');
    await expect(page.getByTestId("detail-recording").getByRole("link")).toHaveAttribute("href", "https://recordings.example.test/detail.mp3");
    // In words, with Flireo's own value beside them for anyone comparing with Flireo's logs.
    await expect(page.getByTestId("detail-end-reason")).toHaveText("The caller hung upcustomer-ended-call");

    const events = page.getByTestId("timeline-event");
    await expect(events).toHaveCount(3);
    await expect(events.nth(0)).toHaveAttribute("data-status", "in-progress");
    await expect(events.nth(1)).toHaveAttribute("data-status", "ended-with-error");
    await expect(events.nth(2)).toHaveAttribute("data-type", "end-of-call-report");
    await expect(events.nth(0)).toContainText("Call in progressstatus-update · in-progress");
    await expect(events.nth(1)).toContainText("Call ended with an errorstatus-update · ended-with-error");
    await events.nth(0).getByText("Raw payload").click();
    await expect(events.nth(0).locator("pre")).toContainText(callId);
  });

  test("shows a long timeline 200 events at a time, the rest on request, and its API refuses strangers", async ({ page, sendStatus, baseURL, playwright }) => {
    const callId = newCallId();
    const startedAt = Date.now() - 60 * 60_000;
    // 205 distinct events: a status-update repeated by Flireo with its own time each is one event each.
    for (let batch = 0; batch < 205; batch += 41) {
      await Promise.all(
        Array.from({ length: 41 }, (_, offset) => sendStatus({ callId, status: "in-progress", timestamp: new Date(startedAt + (batch + offset) * 1000) })),
      );
    }

    await page.goto(`/calls/${callId}`);
    await expect(page.getByTestId("detail-timeline").getByRole("heading")).toHaveText("Timeline · 205 events");
    const events = page.getByTestId("timeline-event");
    await expect(events).toHaveCount(200);
    await page.getByTestId("timeline-more").click();
    await expect(events).toHaveCount(205);
    await expect(page.getByTestId("timeline-more")).toHaveCount(0);
    // Each event's first time is when it happened (the second, when it arrived).
    const times = await events.evaluateAll((nodes) => nodes.map((node) => node.querySelector("time")?.getAttribute("datetime")));
    expect(new Set(times).size).toBe(205);
    expect(times).toEqual([...times].sort());

    const firstPage = await page.request.get(`/api/calls/${callId}/events`);
    const { nextAfter } = (await firstPage.json()) as { nextAfter: string };
    expect((await page.request.get(`/api/calls/${callId}/events?after=${nextAfter}`)).status()).toBe(200);
    const badCursor = await page.request.get(`/api/calls/${callId}/events?after=1%27%20OR%201=1`);
    expect(badCursor.status()).toBe(400);
    expect(((await badCursor.json()) as { error: { message: string } }).error.message).toMatch(/after must be the id of an event of this call/);
    expect((await page.request.get(`/api/calls/${callId}/events?after=99999999999`)).status()).toBe(400);
    expect((await page.request.get(`/api/calls/${newCallId()}/events`)).status()).toBe(404);
    const stranger = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
    expect((await stranger.get(`/api/calls/${callId}/events`)).status()).toBe(401);
    await stranger.dispose();
  });

  test("plays and links only an https recording: http is shown as text, javascript: and data: never become a link or a source", async ({ page, sendStatus, sendReport }) => {
    for (const recordingUrl of ["http://recordings.example.test/plain.mp3", "javascript:alert(document.cookie)", "data:text/html,<script>alert(1)</script>"]) {
      const callId = newCallId();
      await sendStatus({ callId, status: "in-progress", timestamp: new Date(Date.now() - 60_000) });
      await sendReport({ callId, timestamp: new Date(), summary: "Done.", recordingUrl });
      await page.goto(`/calls/${callId}`);
      const section = page.getByTestId("detail-recording");
      await expect(section.getByTestId("recording-address")).toContainText(recordingUrl);
      await expect(section.getByRole("link")).toHaveCount(0);
      await expect(section.locator("audio, source, [src], [href]")).toHaveCount(0);
    }
  });

  test("follows the call while the page is open: a running duration, then its end and report without a reload", async ({ page, sendStatus, sendReport }) => {
    const callId = newCallId();
    const startedAt = new Date(Date.now() - 65_000);
    await sendStatus({ callId, status: "in-progress", timestamp: startedAt });
    await page.goto(`/calls/${callId}`);
    await expect(page.getByTestId("detail-status")).toHaveText("In progress");
    await expect(page.getByTestId("detail-duration")).toHaveText(/^1:0\d$/);
    const shown = await page.getByTestId("detail-duration").textContent();
    await expect(page.getByTestId("detail-duration")).not.toHaveText(shown ?? "");
    // The page's live connection is open before the call changes.
    await expect(page.getByTestId("detail-live")).toHaveAttribute("data-state", "live");
    // About the page, not the call: it reads right next to an "Ended" badge too.
    await expect(page.getByTestId("detail-live")).toHaveText("Updating live");

    await sendStatus({ callId, status: "ended-with-error", error: "LLM timeout", timestamp: new Date(startedAt.getTime() + 80_000) });
    await expect(page.getByTestId("detail-status")).toHaveText("Ended with error");
    await expect(page.getByTestId("detail-duration")).toHaveText("1:20");
    await sendReport({ callId, durationSeconds: 81, summary: "Caller gave up waiting.", timestamp: new Date(startedAt.getTime() + 81_000) });
    await expect(page.getByTestId("detail-summary")).toContainText("Caller gave up waiting.");
    await expect(page.getByTestId("timeline-event")).toHaveCount(3);
  });

  test("opens calls whose ids hold characters that URLs escape", async ({ page, sendStatus }) => {
    // Call ids are Flireo's to choose; the legacy shape's `callSession`s, for one, carry a phone number.
    const suffix = newCallId().slice(0, 8);
    const ids = [`call-_+31612345678_${suffix}`, `a b/c%2Bd?e#f&g=${suffix}`, `résumé-${suffix}`];
    for (const callId of ids) await sendStatus({ callId, status: "ended-with-error", error: `Odd id ${suffix}` });

    for (const callId of ids) {
      await page.goto("/");
      // Live means hydrated: the link then navigates on the client, not half-way through hydration.
      await expect(page.getByTestId("connection-state")).toHaveAttribute("data-state", "live");
      await page.locator(`[data-testid="error-call"][data-call-id="${callId}"]`).getByRole("link").click();
      await expect(page.getByTestId("detail-status")).toHaveText("Ended with error");
      await expect(page.getByTestId("timeline-event").locator("pre")).toContainText(JSON.stringify(callId).slice(1, -1));
    }
  });

  test("leads back to the board as it was left, filters included", async ({ page, sendStatus }) => {
    const line = uniqueLine();
    const callId = newCallId();
    await sendStatus({ callId, status: "in-progress", lineNumber: line });
    await page.goto(`/?line=${encodeURIComponent(line)}&status=live`);
    await expect(page.getByTestId("connection-state")).toHaveAttribute("data-state", "live");
    await page.locator(`[data-testid="live-call"][data-call-id="${callId}"]`).getByRole("link").click();
    await expect(page.getByTestId("detail-status")).toHaveText("In progress");
    await page.getByTestId("back-to-board").click();
    await expect(page).toHaveURL(`/?line=${encodeURIComponent(line)}&status=live`);
    await expect(page.getByLabel("Status")).toHaveValue("live");
  });

  test("says so for an unknown call", async ({ page }) => {
    const response = await page.goto(`/calls/${newCallId()}`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Call not found" })).toBeVisible();
  });
});
