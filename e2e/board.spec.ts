import { newCallId } from "@/lib/testing/flireo-payloads";
import { expect, test } from "./fixtures";

/** Unique numbers per test, so tests sharing a worker's server don't see each other's calls through a filter. */
function uniqueCustomer(): string {
  return `+3161${String(Math.floor(Math.random() * 1e7)).padStart(7, "0")}`;
}

test.describe("[BOARD]", () => {
  test("shows a new call live with a ticking timer", async ({ page, sendStatus }) => {
    await page.goto("/");
    await expect(page.getByTestId("connection-state")).toHaveAttribute("data-state", "live");

    const callId = newCallId();
    const customer = uniqueCustomer();
    await sendStatus({ callId, status: "in-progress", customerNumber: customer, lineName: "Support NL", timestamp: new Date(Date.now() - 65_000) });

    const row = page.locator(`[data-testid="live-call"][data-call-id="${callId}"]`);
    await expect(row).toBeVisible();
    await expect(row).toContainText("Support NL");
    const timer = row.getByTestId("call-timer");
    await expect(timer).toHaveText(/^1:0\d$/);
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

    await page.route("**/socket.io/**", (route) => route.abort());
    await page.goto("/");
    await expect(page.locator(`[data-testid="live-call"][data-call-id="${live}"]`)).toBeVisible();
    await expect(page.locator(`[data-testid="error-call"][data-call-id="${failed}"]`)).toContainText("LLM timeout");
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

    // Digits from the middle of the number match too; a number that matches nothing says so.
    await page.getByLabel("Filter by phone number").fill(match.slice(6, 11));
    await expect(page.locator(`[data-call-id="${matching}"]`)).toBeVisible();
    await page.getByLabel("Filter by phone number").fill("+49 30 000");
    await expect(page.getByTestId("live-empty")).toHaveText(/No call in progress matches/);
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
});
