import { randomInt } from "node:crypto";
import { newCallId } from "@/lib/testing/flireo-payloads";
import { expect, test } from "./fixtures";
import { uniqueLine } from "./helpers";

/** A word no other test's calls hold, so each test sees only its own calls. */
const uniqueWord = () => `woord${randomInt(1e6, 1e7)}`;

test.describe("[CALLS]", () => {
  test("a viewer finds calls by inflected words in English and Dutch, with the matching words marked", async ({ viewerPage: page, sendStatus, sendReport }) => {
    const word = uniqueWord();
    const [refund, terug, other] = [newCallId(), newCallId(), newCallId()];
    for (const [callId, summary] of [
      [refund, `Caller <script>window.__pwned=1</script> wanted refunds for ${word}.`],
      [terug, `De beller vroeg om terugbetalingen van ${word}.`],
      [other, `Opening hours of ${word}.`],
    ] as const) {
      await sendStatus({ callId, status: "in-progress", timestamp: new Date(Date.now() - 60_000) });
      await sendReport({ callId, summary });
    }

    await page.goto("/calls");
    await page.getByLabel(/Words said/).fill(`refund ${word}`);
    await page.getByTestId("calls-search").click();
    await expect(page).toHaveURL(new RegExp(`/calls\\?q=refund\\+${word}$`));
    const rows = page.getByTestId("calls-row");
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toHaveAttribute("data-call-id", refund);
    await expect(rows.first().locator("mark")).toHaveText(["refunds", word]);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await expect(rows.first().locator("script")).toHaveCount(0);

    await page.goto(`/calls?q=${encodeURIComponent(`terugbetaling ${word}`)}`);
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toHaveAttribute("data-call-id", terug);
    await expect(rows.first().locator("mark")).toHaveText(["terugbetalingen", word]);

    // Back undoes the search; the boxes follow the URL.
    await page.goBack();
    await expect(page.getByLabel(/Words said/)).toHaveValue(`refund ${word}`);

    await page.goto(`/calls?q=${word}`);
    await expect(rows).toHaveCount(3);
    // Newest first.
    await expect(rows.nth(0)).toHaveAttribute("data-call-id", other);
    await rows.nth(0).getByRole("link").click();
    await expect(page).toHaveURL(new RegExp(`/calls/${other}$`));
  });

  test("filters by status and line in the URL, and exports what the search found", async ({ page, sendStatus, sendReport }) => {
    const word = uniqueWord();
    const line = uniqueLine();
    const failed = newCallId();
    const ended = newCallId();
    await sendStatus({ callId: failed, status: "ended-with-error", lineNumber: line, error: `Transfer failed for ${word}` });
    await sendStatus({ callId: ended, status: "in-progress", lineNumber: line, timestamp: new Date(Date.now() - 60_000) });
    await sendReport({ callId: ended, lineNumber: line, summary: `Transfers of ${word} worked.` });

    await page.goto(`/calls?q=${encodeURIComponent(`transfer ${word}`)}`);
    await expect(page.getByTestId("calls-row")).toHaveCount(2);
    await page.getByLabel("Status").selectOption("error");
    await expect(page).toHaveURL(/status=error/);
    await expect(page.getByTestId("calls-row")).toHaveCount(1);
    await expect(page.getByTestId("calls-row").first()).toHaveAttribute("data-call-id", failed);

    const href = await page.getByTestId("calls-export").getAttribute("href");
    expect(href).toBe(`/api/calls/search/export?q=transfer+${word}&status=error`);
    const response = await page.request.get(href ?? "");
    expect(response.headers()["content-type"]).toBe("text/csv; charset=utf-8");
    const lines = (await response.text()).split("\r\n").filter(Boolean);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(new RegExp(`^"${failed}","ended-with-error",`));
    const all = (await (await page.request.get(`/api/calls/search/export?q=${word}&line=${encodeURIComponent(line)}`)).text()).split("\r\n").filter(Boolean);
    expect(all).toHaveLength(3);
  });

  test("answers hostile searches with results or a clear message, never an error page", async ({ page, request }) => {
    for (const q of ['"', "-", "!!", "&|!():*", "'; DROP TABLE calls; --", "%00", "x".repeat(201), "<img src=x onerror=alert(1)>"]) {
      const response = await page.goto(`/calls?q=${q === "%00" ? q : encodeURIComponent(q)}`);
      expect(response?.status(), q).toBe(200);
      await expect(page.getByTestId("calls-list").or(page.getByTestId("calls-empty")).or(page.getByTestId("calls-problem"))).toBeVisible();
    }
    await page.goto(`/calls?q=${"x".repeat(201)}`);
    await expect(page.getByTestId("calls-problem")).toContainText("at most 200");
    const refused = await request.get(`/api/calls/search/export?q=${"x".repeat(201)}`);
    expect(refused.status()).toBe(422);
    expect((await refused.json()).error.code).toBe("unprocessable");
  });

  test("needs a signed-in user: anonymous requests get the sign-in page or a 401", async ({ browser, server }) => {
    const context = await browser.newContext({ baseURL: server.baseUrl, storageState: { cookies: [], origins: [] } });
    const anonymous = await context.newPage();
    await anonymous.goto("/calls?q=refund");
    await expect(anonymous).toHaveURL(/\/login\?next=/);
    const response = await context.request.get("/api/calls/search/export?q=refund");
    expect(response.status()).toBe(401);
    await context.close();
  });
});
