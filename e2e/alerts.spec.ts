import { newCallId } from "@/lib/testing/flireo-payloads";
import { expect, test } from "./fixtures";

test.describe("[ALERTS]", () => {
  test("notifies with a chime on a new error once opted in, sums up a storm, remembers the choice, and stops when turned off", async ({ page, context, sendStatus }) => {
    test.setTimeout(60_000);
    await context.grantPermissions(["notifications"]);
    // Record what the board asks the browser for; the real Notification and AudioContext still run.
    await page.addInitScript(() => {
      const recorded = { notifications: [] as string[], oscillators: 0 };
      (window as unknown as { __alerts: typeof recorded }).__alerts = recorded;
      const RealNotification = window.Notification;
      window.Notification = class extends RealNotification {
        constructor(title: string, options?: NotificationOptions) {
          super(title, options);
          recorded.notifications.push(title);
        }
      };
      // eslint-disable-next-line @typescript-eslint/unbound-method -- called with its AudioContext below.
      const createOscillator = AudioContext.prototype.createOscillator;
      AudioContext.prototype.createOscillator = function (this: AudioContext) {
        recorded.oscillators += 1;
        return createOscillator.call(this);
      };
    });
    const alerts = () => page.evaluate(() => (window as unknown as { __alerts: { notifications: string[]; oscillators: number } }).__alerts);

    await page.goto("/");
    const toggle = page.getByTestId("alerts-toggle");
    await expect(toggle).toHaveAttribute("aria-pressed", "false");
    await toggle.click();
    await expect(toggle).toHaveAttribute("aria-pressed", "true");
    await page.reload();
    await expect(toggle).toHaveAttribute("aria-pressed", "true");
    await expect(page.getByTestId("connection-state")).toHaveAttribute("data-state", "live");

    const text = `Carrier rejected ${newCallId().slice(0, 6)}`;
    await sendStatus({ callId: newCallId(), status: "ended-with-error", error: text });
    await expect.poll(async () => (await alerts()).notifications).toContain(`Call error: ${text}`);
    expect((await alerts()).oscillators).toBeGreaterThan(0);

    // A storm is not a notification per error: the ones that follow within the quiet time are summed up in one.
    const storm = `Storm ${newCallId().slice(0, 6)}`;
    for (let index = 0; index < 4; index++) await sendStatus({ callId: newCallId(), status: "ended-with-error", error: storm });
    await expect.poll(async () => (await alerts()).notifications, { timeout: 25_000 }).toContain("4 more call errors");
    expect((await alerts()).notifications).toEqual([`Call error: ${text}`, "4 more call errors"]);

    await toggle.click();
    await expect(toggle).toHaveAttribute("aria-pressed", "false");
    const quiet = `Quiet error ${newCallId().slice(0, 6)}`;
    const callId = newCallId();
    await sendStatus({ callId, status: "ended-with-error", error: quiet });
    await expect(page.locator(`[data-testid="error-call"][data-call-id="${callId}"]`)).toBeVisible();
    expect((await alerts()).notifications).not.toContain(`Call error: ${quiet}`);
  });

  test("a board in another tab follows when alerts are turned on or off", async ({ page, context }) => {
    await context.grantPermissions(["notifications"]);
    const other = await context.newPage();
    await page.goto("/");
    await other.goto("/");
    const toggle = page.getByTestId("alerts-toggle");
    const otherToggle = other.getByTestId("alerts-toggle");
    await expect(otherToggle).toHaveAttribute("aria-pressed", "false");
    await toggle.click();
    await expect(toggle).toHaveAttribute("aria-pressed", "true");
    await expect(otherToggle).toHaveAttribute("aria-pressed", "true");
    await otherToggle.click();
    await expect(toggle).toHaveAttribute("aria-pressed", "false");
  });
});
