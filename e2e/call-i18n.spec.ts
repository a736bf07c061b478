// The call page and the calls page in Dutch, for a browser that asks for Dutch: headings, facts, timeline, transcript
// speakers, Dutch dates and the search form; accessible in Dutch too. Screenshots to look at: test-results/.
import { newCallId } from "@/lib/testing/flireo-payloads";
import { expect, test } from "./fixtures";
import { seriousViolations, uniqueCustomer } from "./helpers";

test.use({ locale: "nl-NL", timezoneId: "Europe/Amsterdam" });

test.describe("[CALL-I18N]", () => {
  test("a call's page is in Dutch, with Dutch dates, and passes axe", async ({ page, sendStatus, sendReport }, testInfo) => {
    const callId = newCallId();
    const startedAt = new Date("2026-12-06T10:15:00Z");
    // The report names Flireo's test line ("Main line"), as every report does: the statuses say the same.
    const call = { callId, lineNumber: "+31201234567", lineName: "Main line", customerNumber: uniqueCustomer(), callType: "inbound" } as const;
    await sendStatus({ ...call, status: "in-progress", timestamp: startedAt });
    await sendStatus({ ...call, status: "ended", timestamp: new Date(startedAt.getTime() + 245_000) });
    await sendReport({
      callId,
      timestamp: new Date(startedAt.getTime() + 246_000),
      durationSeconds: 245,
      summary: "Beller wil een terugbetaling.",
      endReason: "customer-ended-call",
      messages: [
        { role: "system", content: "Je bent de receptie." },
        { role: "assistant", content: "Goedemorgen, waarmee kan ik helpen?" },
        { role: "user", content: "Ik wil mijn geld terug." },
      ],
    });

    await page.goto(`/calls/${callId}`);
    await expect(page.locator("html")).toHaveAttribute("lang", "nl");
    await expect(page).toHaveTitle(`Gesprek ${callId.slice(0, 8)} · Callboard`);
    await expect(page.getByTestId("detail-status")).toHaveText("Beëindigd");
    await expect(page.getByText("Lijn", { exact: true })).toBeVisible();
    await expect(page.getByTestId("detail-line")).toHaveText("Main line · +31 20 123 4567");
    await expect(page.getByText("Inkomend", { exact: true })).toBeVisible();
    // "6 dec 2026": Dutch day and month, 24-hour clock.
    await expect(page.getByTestId("detail-started")).toContainText("6 dec 2026");
    await expect(page.getByTestId("detail-started")).toContainText("11:15:00");
    await expect(page.getByTestId("detail-duration")).toHaveText("4:05");
    await expect(page.getByTestId("detail-end-reason")).toHaveText("De beller heeft opgehangencustomer-ended-call");
    await expect(page.getByRole("heading", { name: "Samenvatting" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Opname" })).toBeVisible();
    await expect(page.getByTestId("detail-recording").getByRole("link")).toHaveText("Opname openen");

    const transcript = page.getByTestId("detail-transcript");
    await expect(transcript.getByRole("heading")).toHaveText("Transcript · 2 beurten");
    const turns = transcript.getByTestId("transcript-turn");
    await expect(turns.nth(0)).toContainText("Wat de agent vóór het gesprek is verteld");
    await expect(turns.nth(1)).toContainText("AgentGoedemorgen");
    await expect(turns.nth(2)).toContainText("BellerIk wil mijn geld terug.");
    await expect(transcript.getByRole("button", { name: "Transcript kopiëren" })).toBeVisible();

    const timeline = page.getByTestId("detail-timeline");
    await expect(timeline.getByRole("heading")).toHaveText("Tijdlijn · 3 gebeurtenissen");
    const events = timeline.getByTestId("timeline-event");
    await expect(events.nth(0)).toContainText("Gesprek lopendstatus-update · in-progress");
    await expect(events.nth(0)).toContainText("ontvangen");
    await expect(events.nth(1)).toContainText("Gesprek beëindigd");
    await expect(events.nth(2)).toContainText("Eindrapport");
    await expect(events.nth(0).getByText("Ruwe payload")).toBeVisible();
    await expect(page.getByTestId("detail-live")).toHaveText("Live bijgewerkt");

    expect(await seriousViolations(page)).toEqual([]);
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: testInfo.outputPath(`call-nl-${width}.png`), fullPage: true });
      // Nothing wider than the screen: Dutch words are longer.
      expect(await page.evaluate(() => document.documentElement.scrollWidth), `${width} px`).toBeLessThanOrEqual(width);
    }
  });

  test("an unknown call says so in Dutch", async ({ page }) => {
    await page.goto(`/calls/${newCallId()}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Gesprek niet gevonden");
    await expect(page.getByTestId("back-to-board")).toHaveText("← Terug naar het dashboard");
  });

  test("the calls page is in Dutch: its search form, statuses and empty result, and passes axe", async ({ page, sendStatus }, testInfo) => {
    const customer = uniqueCustomer();
    const callId = newCallId();
    await sendStatus({ callId, status: "ended-with-error", customerNumber: customer, error: "STT verbinding mislukt" });
    await page.goto(`/calls?number=${encodeURIComponent(customer)}`);
    await expect(page).toHaveTitle("Alle gesprekken · Callboard");
    await expect(page.getByRole("search", { name: "Gesprekken zoeken" })).toBeVisible();
    await expect(page.getByLabel("Gezegde woorden (samenvatting, transcript, fout)")).toBeVisible();
    await expect(page.getByLabel("Telefoonnummer")).toHaveValue(customer);
    await expect(page.getByLabel("Lijn", { exact: true }).locator("option").first()).toHaveText("Alle lijnen");
    await expect(page.getByLabel("Status").locator("option")).toHaveText(["Alle", "Lopend", "Beëindigd", "Fouten"]);
    await expect(page.getByLabel("Gestart").locator("option").first()).toHaveText("Altijd");
    await expect(page.getByRole("button", { name: "Zoeken" })).toBeVisible();
    await expect(page.getByTestId("calls-export")).toHaveText("CSV exporteren");
    const row = page.locator(`[data-testid="calls-row"][data-call-id="${callId}"]`);
    await expect(row).toContainText("Fout");
    await expect(row).toContainText(/\d{1,2} dec\.? 2026/);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: testInfo.outputPath("calls-nl-1280.png"), fullPage: true });

    await page.getByLabel("Gezegde woorden (samenvatting, transcript, fout)").fill(`zzgeenwoord${Date.now()}`);
    await page.getByRole("button", { name: "Zoeken" }).click();
    await expect(page.getByTestId("calls-empty")).toHaveText("Geen gesprekken gevonden.");
    expect(await seriousViolations(page)).toEqual([]);
  });
});
