// The tiles, the chart and the error groups count what the filters let through, like the lists below them.
import { newCallId } from "@/lib/testing/flireo-payloads";
import { expect, test } from "./fixtures";
import { uniqueLine } from "./helpers";

const LONG_ERROR = "Transfer to the billing team failed: the destination number did not answer within thirty seconds";

test.describe("[FIGURES]", () => {
  test.use({ viewport: { width: 1440, height: 1000 } });

  test("a line's figures under a line filter; an error group narrows the board to its text, shown whole", async ({ page, sendStatus }) => {
    const watched = uniqueLine();
    const other = uniqueLine();
    const [live, failed, otherLive, otherFailed] = Array.from({ length: 4 }, () => newCallId()) as [string, string, string, string];
    await sendStatus({ callId: live, status: "in-progress", lineNumber: watched });
    await sendStatus({ callId: failed, status: "in-progress", lineNumber: watched, timestamp: new Date(Date.now() - 60_000) });
    await sendStatus({ callId: failed, status: "ended-with-error", lineNumber: watched, error: LONG_ERROR });
    await sendStatus({ callId: otherLive, status: "in-progress", lineNumber: other });
    await sendStatus({ callId: otherFailed, status: "ended-with-error", lineNumber: other, error: "LLM timeout" });

    await page.goto(`/?line=${encodeURIComponent(watched)}`);
    await expect(page.getByTestId("kpi-calls-today")).toHaveText("2");
    await expect(page.getByTestId("kpi-errors-today")).toHaveText("1");
    await expect(page.getByTestId("kpi-error-rate")).toHaveText("100%");
    await expect(page.getByTestId("kpi-active")).toHaveText("1");
    await expect(page.getByTestId("kpi-calls-today-hint")).toHaveText("matching the filters");
    await expect(page.getByTestId("calls-chart")).toHaveAttribute("data-calls", "2");
    await expect(page.getByTestId("calls-chart")).toHaveAttribute("data-errors", "1");
    const group = page.getByTestId("error-group");
    await expect(group).toHaveCount(1);
    const groupText = group.getByTestId("error-group-text");
    await expect(groupText).toHaveText(LONG_ERROR);
    // Wrapped, not cut: nothing of the text is hidden.
    expect(await groupText.evaluate((element) => element.scrollWidth <= element.clientWidth && element.getClientRects().length > 0)).toBe(true);
    expect((await groupText.boundingBox())?.height ?? 0).toBeGreaterThan(30);

    await groupText.click();
    await expect.poll(() => new URL(page.url()).searchParams.get("error")).toBe(LONG_ERROR);
    await expect(page.getByTestId("error-filter")).toContainText(LONG_ERROR);
    await expect(page.getByTestId("error-call")).toHaveCount(1);
    await expect(page.locator(`[data-testid="error-call"][data-call-id="${failed}"]`)).toBeVisible();
    await expect(page.getByTestId("live-call")).toHaveCount(0);
    await expect(page.getByTestId("kpi-calls-today")).toHaveText("1");
    await expect(groupText).toHaveAttribute("aria-pressed", "true");

    // A link to it opens the same board.
    await page.reload();
    await expect(page.getByTestId("error-call")).toHaveCount(1);
    await page.getByTestId("error-filter").getByRole("button", { name: /Remove the error filter/ }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get("error")).toBeNull();
    await expect(page.getByTestId("live-call")).toHaveCount(1);
  });
});
