// Every page on a 320 px phone, as an admin, with the long values that pushed pages sideways: a destination URL of
// 200 characters, a token name of 100 without a space, webhook and alert deliveries, a long line name and error.
import { randomUUID } from "node:crypto";
import { startAlertReceiver, type AlertReceiver } from "@/lib/testing/alert-receivers";
import { newCallId } from "@/lib/testing/flireo-payloads";
import type { AlertRuleView } from "@/lib/shared/alerts/alert-view";
import { expect, test } from "./fixtures";
import { sidewaysOverflow, uniqueCustomer, uniqueLine, widestElements } from "./helpers";

let receiver: AlertReceiver;

test.beforeEach(async () => {
  receiver = await startAlertReceiver();
});

test.afterEach(async () => {
  await receiver.close();
});

test.describe("[SMALL SCREENS]", () => {
  test("no page scrolls sideways at 320 px, with long values truncated and the full value on hover", async ({ page, server, sendStatus, sendReport }) => {
    test.setTimeout(150_000);
    const tag = randomUUID().slice(0, 8);
    const post = (path: string, data: unknown) => page.request.post(path, { data, headers: { origin: server.baseUrl } });
    const longUrl = `${receiver.url}/${"hooks/".repeat(30)}${tag}?token=${"x".repeat(40)}`;
    const created = await post("/api/alerts/rules", {
      name: `Narrow ${tag} ${"Amsterdam-Zuidoost-klantenservice".repeat(2)}`,
      kind: "each-error",
      errorContains: tag,
      cooldownMinutes: 0,
      destinations: [{ kind: "webhook", url: longUrl }],
    });
    expect(created.status(), await created.text()).toBe(201);
    const rule = ((await created.json()) as { rule: AlertRuleView }).rule;
    // A delivery row in the alert log.
    expect((await post(`/api/alerts/destinations/${rule.destinations[0]?.id}/test`, {})).status()).toBe(200);
    const tokenName = `integration-${tag}-${"x".repeat(80)}`.slice(0, 100);
    expect((await post("/api/api-tokens", { name: tokenName })).status()).toBe(201);
    // Calls: a long line name and a long error, live and ended, which make the webhook deliveries too.
    const line = uniqueLine();
    const lineName = `Klantenservice-Amsterdam-Zuidoost-${tag}-nachtdienst`;
    await sendStatus({ callId: newCallId(), status: "in-progress", lineNumber: line, lineName, customerNumber: uniqueCustomer() });
    await sendStatus({ callId: newCallId(), status: "ended-with-error", lineNumber: line, lineName, customerNumber: uniqueCustomer(), error: `SIP-trunk-unreachable-${tag}-${"e".repeat(120)}` });
    const ended = newCallId();
    await sendStatus({ callId: ended, status: "ended", lineNumber: line, lineName, customerNumber: uniqueCustomer() });
    await sendReport({ callId: ended });

    await page.setViewportSize({ width: 320, height: 700 });
    const paths = ["/", `/?line=${encodeURIComponent(line)}`, "/calls", `/calls?q=${tag}`, `/calls/${encodeURIComponent(ended)}`, "/webhooks", "/settings/users", "/settings/api-tokens", "/settings/alerts", "/settings/call-control"];
    for (const path of paths) {
      await page.goto(path);
      await page.waitForLoadState("networkidle");
      const overflow = await sidewaysOverflow(page);
      expect.soft(overflow, `${path} reaches ${overflow} px past the window: ${(await widestElements(page)).join(" | ")}`).toBeLessThanOrEqual(0);
    }

    // Long values are cut with the whole value on hover.
    await page.goto("/settings/alerts");
    const destination = page.getByTestId("alert-rule").filter({ hasText: `Narrow ${tag}` }).getByTestId("destination-url-text");
    await expect(destination).toHaveAttribute("title", longUrl);
    await page.goto("/settings/api-tokens");
    await expect(page.getByTestId("api-token-name").filter({ hasText: tag })).toHaveAttribute("title", tokenName);
    // The buttons that were cut off are on the screen.
    await page.goto("/settings/api-tokens");
    const revoke = page.getByTestId("api-token-row").filter({ hasText: tag }).getByRole("button", { name: /Revoke/ });
    await revoke.scrollIntoViewIfNeeded();
    await expect(revoke).toBeInViewport({ ratio: 1 });
    // The webhook log's outcome, which sat past the right edge of its table.
    await page.goto("/webhooks");
    const outcome = page.getByTestId("delivery").first().getByTestId("delivery-outcome");
    await outcome.scrollIntoViewIfNeeded();
    await expect(outcome).toBeInViewport({ ratio: 1 });
  });

  test("shows the customer's whole number at 320 px, keeps the headings apart at 280 px, and puts errors before ended calls on a phone", async ({ page, sendStatus }) => {
    const line = uniqueLine();
    const customer = "+31642212345";
    await sendStatus({ callId: newCallId(), status: "in-progress", lineNumber: line, lineName: "Klantenservice Amsterdam", customerNumber: customer });
    await sendStatus({ callId: newCallId(), status: "ended-with-error", lineNumber: line, customerNumber: uniqueCustomer(), error: "LLM timeout" });
    await sendStatus({ callId: newCallId(), status: "ended", lineNumber: line, customerNumber: uniqueCustomer() });

    await page.setViewportSize({ width: 320, height: 700 });
    await page.goto(`/?line=${encodeURIComponent(line)}`);
    const customerCell = page.getByTestId("live-call").first().getByTestId("live-customer");
    await expect(customerCell).toHaveText("+31 6 42212345");
    // Not cut: the text fits in its cell.
    expect(await customerCell.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);

    // On a phone the errors come first: an operator looks for what went wrong before what went well.
    const errors = await page.getByTestId("recent-errors").boundingBox();
    const endedList = await page.getByTestId("recently-ended").boundingBox();
    expect(errors && endedList && errors.y < endedList.y).toBe(true);

    await page.setViewportSize({ width: 280, height: 700 });
    const headings = await page.getByTestId("live-calls").getByRole("columnheader").evaluateAll((cells) =>
      cells
        .map((cell) => {
          // The text's own extent, which spills past a cell too narrow for it.
          const range = document.createRange();
          range.selectNodeContents(cell);
          return range.getBoundingClientRect();
        })
        .filter((box) => box.width > 0)
        .map((box) => ({ left: box.left, right: box.right })),
    );
    expect(headings.length).toBeGreaterThanOrEqual(2);
    for (let index = 1; index < headings.length; index += 1) {
      // At least a few pixels of air between one heading's text and the next.
      expect((headings[index]?.left ?? 0) - (headings[index - 1]?.right ?? 0)).toBeGreaterThanOrEqual(4);
    }
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
  });
});
