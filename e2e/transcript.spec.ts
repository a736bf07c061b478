import { legacyEndOfCallReport, newCallId, postWebhook } from "@/lib/testing/flireo-payloads";
import { TEST_WEBHOOK_SECRET } from "@/lib/testing/test-server";
import { expect, test } from "./fixtures";

test.describe("[TRANSCRIPT]", () => {
  test("shows the conversation on the call page: agent and caller told apart, in order, as text, with a copy button", async ({ page, context, sendStatus, sendReport }) => {
    const callId = newCallId();
    await sendStatus({ callId, status: "in-progress", timestamp: new Date(Date.now() - 90_000) });
    await sendReport({
      callId,
      summary: "Refund asked.",
      messages: [
        { role: "system", content: "You are the front desk." },
        { role: "assistant", content: "Good morning, how can I help?" },
        { role: "user", content: "I want a refund <img src=x onerror=\"window.__pwned=1\"> please." },
        { role: "assistant", content: "Of course." },
      ],
    });
    await page.goto(`/calls/${callId}`);
    const section = page.getByTestId("detail-transcript");
    await expect(section.getByRole("heading")).toHaveText("Transcript · 3 turns");
    const turns = section.getByTestId("transcript-turn");
    await expect(turns).toHaveCount(4);
    await expect(turns.nth(0)).toHaveAttribute("data-speaker", "system");
    await expect(turns.nth(1)).toHaveAttribute("data-speaker", "agent");
    await expect(turns.nth(2)).toHaveAttribute("data-speaker", "caller");
    await expect(turns.nth(1)).toContainText("AgentGood morning, how can I help?");
    // Markup in what was said is shown, never run.
    await expect(turns.nth(2)).toContainText('I want a refund <img src=x onerror="window.__pwned=1"> please.');
    await expect(section.locator("img")).toHaveCount(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    // The agent's and the caller's turns sit on opposite sides.
    const agentBox = await turns.nth(1).locator("div").first().boundingBox();
    const callerBox = await turns.nth(2).locator("div").first().boundingBox();
    expect(agentBox && callerBox && agentBox.x < callerBox.x).toBe(true);

    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await section.getByTestId("copy-transcript").click();
    await expect(section.getByTestId("copy-transcript")).toHaveText("Copied");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      'Agent: Good morning, how can I help?\n\nCaller: I want a refund <img src=x onerror="window.__pwned=1"> please.\n\nAgent: Of course.',
    );
  });

  test("splits a legacy transcriptText into turns, and collapses a long one past a screenful", async ({ page, server }) => {
    const callId = newCallId();
    const lines = Array.from({ length: 60 }, (_, index) => (index % 2 === 0 ? `AI: Vraag ${index}` : `Gebruiker: Antwoord ${index}`));
    const response = await postWebhook(server.baseUrl, legacyEndOfCallReport({ callId, transcriptText: lines.join("\n") }), { secret: TEST_WEBHOOK_SECRET });
    expect(response.status).toBe(200);
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`/calls/${encodeURIComponent(callId)}`);
    const section = page.getByTestId("detail-transcript");
    const turns = section.getByTestId("transcript-turn");
    await expect(turns).toHaveCount(60);
    await expect(turns.nth(0)).toHaveAttribute("data-speaker", "agent");
    await expect(turns.nth(1)).toHaveAttribute("data-speaker", "caller");
    await expect(turns.nth(1)).toContainText("Antwoord 1");
    const body = section.getByTestId("transcript-body");
    const collapsed = await body.boundingBox();
    expect(collapsed && collapsed.height <= 800 * 0.7 + 1).toBe(true);
    await expect(turns.nth(59)).not.toBeInViewport();
    await section.getByTestId("transcript-toggle").click();
    await expect(body).toHaveAttribute("data-expanded", "true");
    await turns.nth(59).scrollIntoViewIfNeeded();
    await expect(turns.nth(59)).toBeInViewport();
  });

  test("shows a transcript that cannot be split as it came", async ({ page, server }) => {
    const callId = newCallId();
    const response = await postWebhook(server.baseUrl, legacyEndOfCallReport({ callId, transcriptText: "Gesprek zonder sprekers.\nTweede regel." }), { secret: TEST_WEBHOOK_SECRET });
    expect(response.status).toBe(200);
    await page.goto(`/calls/${encodeURIComponent(callId)}`);
    const section = page.getByTestId("detail-transcript");
    await expect(section.getByTestId("transcript-text")).toHaveText("Gesprek zonder sprekers.\nTweede regel.");
    await expect(section.getByTestId("transcript-toggle")).toHaveCount(0);
  });
});
