// Long calls stand out on the board: amber past LONG_CALL_MINUTES (10 by default), red past twice that, in words too.
import { newCallId } from "@/lib/testing/flireo-payloads";
import { expect, test } from "./fixtures";
import { uniqueLine } from "./helpers";

test.describe("[LONG CALLS]", () => {
  test("marks a live call amber past 10 minutes and red past 20, with the reason for screen readers", async ({ page, sendStatus }) => {
    const line = uniqueLine();
    const [short, long, veryLong] = Array.from({ length: 3 }, () => newCallId()) as [string, string, string];
    await sendStatus({ callId: short, status: "in-progress", lineNumber: line, timestamp: new Date(Date.now() - 9 * 60_000) });
    await sendStatus({ callId: long, status: "in-progress", lineNumber: line, timestamp: new Date(Date.now() - 12 * 60_000) });
    await sendStatus({ callId: veryLong, status: "in-progress", lineNumber: line, timestamp: new Date(Date.now() - 25 * 60_000) });
    await page.goto(`/?line=${encodeURIComponent(line)}`);

    const timer = (callId: string) => page.locator(`[data-testid="live-call"][data-call-id="${callId}"]`).getByTestId("call-timer");
    await expect(timer(short)).toHaveAttribute("data-long", "normal");
    await expect(timer(short)).toHaveText(/^9:\d\d$/);
    await expect(timer(long)).toHaveAttribute("data-long", "long");
    await expect(timer(long)).toHaveText(/^12:\d\d, long call: over 10 minutes$/);
    await expect(timer(veryLong)).toHaveAttribute("data-long", "very-long");
    await expect(timer(veryLong)).toHaveText(/^25:\d\d, very long call: over 20 minutes$/);
    // Amber and red behind the figure; nothing behind a call that is not long.
    const background = (callId: string) => timer(callId).evaluate((element) => getComputedStyle(element).backgroundColor);
    expect(await background(short)).toBe("rgba(0, 0, 0, 0)");
    const [amber, red] = [await background(long), await background(veryLong)];
    expect(amber).not.toBe("rgba(0, 0, 0, 0)");
    expect(red).not.toBe("rgba(0, 0, 0, 0)");
    expect(amber).not.toBe(red);
    // Seen, the words are for screen readers only.
    await expect(timer(long).getByText(/long call/)).toHaveClass(/sr-only/);
  });
});
