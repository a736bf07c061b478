// [ALERTS] in Dutch: an admin whose browser asks for Dutch gets the alerts page in Dutch, makes an e-mail destination
// whose alerts are in Dutch (the form offers the admin's language), and the e-mail an error call then sends is in
// Dutch with a Dutch date in DEFAULT_TIMEZONE (Europe/Amsterdam). The page passes axe in Dutch, wide and on a phone.
import { randomUUID } from "node:crypto";
import { expect, test, type Browser, type BrowserContext } from "@playwright/test";
import { startSmtpSink, type SmtpSink } from "@/lib/testing/alert-receivers";
import { createTestUser, newTestUser, signIn, storageStateFromCookie, type StorageState } from "@/lib/testing/auth";
import { camelStatusUpdate, newCallId, postWebhook } from "@/lib/testing/flireo-payloads";
import { startTestServer, TEST_WEBHOOK_SECRET, type TestServer } from "@/lib/testing/test-server";
import { seriousViolations } from "./helpers";

const DUTCH_MONTH = "(jan|feb|mrt|apr|mei|jun|jul|aug|sep|okt|nov|dec)\\.?";

let smtp: SmtpSink;
let server: TestServer;
let admin: StorageState;

// A server of its own, with e-mail set up (the workers' servers have none); in UTC, as most servers are. Without
// PUBLIC_BASE_URL: an https one would make the session cookie secure, which a test browser on http does not send.
test.beforeAll(async () => {
  smtp = await startSmtpSink();
  server = await startTestServer({ env: { ALERT_SMTP_URL: smtp.url, ALERT_EMAIL_FROM: "Callboard <meldingen@callboard.example.test>", TZ: "UTC" } });
  const user = newTestUser("admin");
  await createTestUser(server.database.url, user);
  admin = storageStateFromCookie(await signIn(server.baseUrl, user.email, user.password));
});

test.afterAll(async () => {
  await server?.stop();
  await smtp?.close();
});

/** A browser set to Dutch, as a Dutch office's is: it asks for nl-NL first. */
function dutchBrowser(browser: Browser, width: number): Promise<BrowserContext> {
  return browser.newContext({
    baseURL: server.baseUrl,
    storageState: admin,
    locale: "nl-NL",
    timezoneId: "Europe/Amsterdam",
    extraHTTPHeaders: { "Accept-Language": "nl-NL,nl;q=0.9,en;q=0.5" },
    viewport: { width, height: 1000 },
  });
}

test.describe("[ALERTS] in Dutch", () => {
  // In order, on one server: the phone test looks at the page with the rule the first test made.
  test.describe.configure({ mode: "serial", timeout: 120_000 });

  test("an admin with a Dutch browser makes a Dutch e-mail destination, and an error call's alert e-mail is in Dutch with a Dutch date", async ({ browser }) => {
    const context = await dutchBrowser(browser, 1280);
    const page = await context.newPage();
    const tag = `nl-${randomUUID().slice(0, 8)}`;

    await page.goto("/settings/alerts");
    await expect(page.locator("html")).toHaveAttribute("lang", "nl");
    await expect(page).toHaveTitle("Meldingen · Callboard");
    await expect(page.getByRole("heading", { name: "Meldingen", exact: true })).toBeVisible();
    await expect(page.getByTestId("alert-delivery-log")).toContainText("Bezorglog");

    await page.getByTestId("new-rule").click();
    const form = page.getByTestId("rule-form");
    await expect(form.getByText("Eerste bestemming")).toBeVisible();
    await form.getByTestId("rule-name").fill(`Fouten ${tag}`);
    await form.getByTestId("rule-error-contains").fill(tag);
    await form.getByTestId("rule-cooldown").fill("0");
    await form.getByTestId("destination-kind").selectOption("email");
    // The destination's language starts as the admin's own.
    await expect(form.getByTestId("destination-locale")).toHaveValue("nl");
    await expect(form.getByLabel("Taal van de meldingen")).toHaveValue("nl");
    await form.getByTestId("destination-to").fill("dienst@example.test");
    expect(await seriousViolations(page)).toEqual([]);
    await form.getByTestId("save-rule").click();

    const rule = page.getByTestId("alert-rule").filter({ hasText: `Fouten ${tag}` });
    await expect(rule.getByTestId("rule-description")).toHaveText(`Elk gesprek dat met een fout eindigt, met een fout die “${tag}” bevat · geen wachttijd`);
    await expect(rule.getByTestId("rule-last-alert")).toHaveText("Nog geen melding");
    const destination = rule.getByTestId("alert-destination");
    await expect(destination.getByTestId("destination-locale")).toHaveValue("nl");
    await expect(destination.getByTestId("destination-locale").locator("option:checked")).toHaveText("Nederlands");

    // An error call arrives from Flireo.
    const mailsBefore = smtp.mails.length;
    const callId = newCallId();
    const response = await postWebhook(
      server.baseUrl,
      camelStatusUpdate({ callId, status: "ended-with-error", error: `STT-verbinding <mislukt> & opgegeven ${tag}`, lineNumber: "+31201234567", customerNumber: "+31612345678" }),
      { secret: TEST_WEBHOOK_SECRET },
    );
    expect(response.status).toBe(200);
    await smtp.waitForMails(mailsBefore + 1, 15_000);
    const mail = smtp.mails.slice(mailsBefore).find((each) => each.text.includes(tag));
    expect(mail?.to).toEqual(["dienst@example.test"]);
    expect(mail?.subject).toBe(`[Callboard] Gesprek beëindigd met een fout: STT-verbinding <mislukt> & opgegeven ${tag}`);
    expect(mail?.text).toContain(`Regel: Fouten ${tag}`);
    expect(mail?.text).toContain("Beller: +31612345678");
    expect(mail?.text).toContain("Lijn: +31201234567");
    expect(mail?.text).toMatch(new RegExp(`Tijd: \\d{1,2} ${DUTCH_MONTH} \\d{4}, \\d\\d:\\d\\d:\\d\\d CES?T`));
    expect(mail?.text).toMatch(new RegExp(`Open het gesprek: http://\\S+/calls/${callId}`));
    expect(mail?.html).toContain(`STT-verbinding &lt;mislukt&gt; &amp; opgegeven ${tag}`);
    expect(mail?.html).toContain("Open het gesprek in Callboard");
    expect(mail?.html).not.toContain("<mislukt>");

    // The delivery log says so in Dutch.
    const row = page.getByTestId("alert-delivery").filter({ hasText: callId.slice(0, 13) });
    await expect(row.getByTestId("alert-delivery-state")).toHaveText(/^verstuurd/, { timeout: 10_000 });
    await expect(row).toContainText("1 poging");
    await expect(row).toContainText("e-mail");
    await expect(rule.getByTestId("rule-last-alert")).toHaveText(/^Laatste melding bezorgd \d\d:\d\d:\d\d$/, { timeout: 15_000 });
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: "test-results/alerts-nl-1280.png", fullPage: true });
    await context.close();
  });

  test("the alerts page in Dutch on a phone passes axe and fits", async ({ browser }) => {
    const context = await dutchBrowser(browser, 375);
    const page = await context.newPage();
    await page.goto("/settings/alerts");
    await expect(page.getByTestId("alert-rule").first()).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    // Nothing wider than the screen: Dutch words are longer.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await page.screenshot({ path: "test-results/alerts-nl-375.png", fullPage: true });
    await page.getByTestId("new-rule").click();
    await page.getByTestId("rule-kind-threshold").check();
    await page.getByTestId("destination-kind").selectOption("slack");
    expect(await seriousViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await page.getByTestId("new-rule-card").screenshot({ path: "test-results/alerts-nl-form-375.png" });
    await context.close();
  });
});
