// Sign-in, the webhooks page and the users page in Dutch for a Dutch browser (Accept-Language nl-NL), with Dutch
// dates and axe still passing; and the errors people read from the settings' routes and forms in the request's
// language, English without a Dutch preference.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

/** A Dutch medium date: "8 dec 2026" (English writes "8 Dec 2026"). */
const DUTCH_DATE = /\d{1,2} (jan|feb|mrt|apr|mei|jun|jul|aug|sep|okt|nov|dec)\.? \d{4}/;

async function expectNoSeriousAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical").map((violation) => violation.id)).toEqual([]);
}

test.describe("[SETTINGS-I18N] signed out, Dutch browser", () => {
  test.use({ storageState: { cookies: [], origins: [] }, locale: "nl-NL" });

  test("the sign-in page is Dutch, with a language switch, and a wrong password gets the Dutch error", async ({ page, accounts }) => {
    await page.goto("/login");
    await expect(page.locator("html")).toHaveAttribute("lang", "nl");
    await expect(page.getByRole("heading", { name: "Inloggen bij Callboard" })).toBeVisible();
    await expect(page.getByTestId("language-switch")).toHaveValue("nl");

    await page.getByLabel("E-mailadres").fill(accounts.viewer.email);
    await page.getByLabel("Wachtwoord").fill("not the password");
    await page.getByRole("button", { name: "Inloggen" }).click();
    await expect(page.getByTestId("login-error")).toHaveText("Dit e-mailadres en wachtwoord horen niet bij een account.");
    await expectNoSeriousAxeViolations(page);

    // The switch works signed out: the page comes back in English, and stays so.
    await page.getByTestId("language-switch").selectOption("en");
    await expect(page.getByRole("heading", { name: "Sign in to Callboard" })).toBeVisible();
    await page.reload();
    await expect(page.getByRole("heading", { name: "Sign in to Callboard" })).toBeVisible();
  });
});

test.describe("[SETTINGS-I18N] Dutch admin pages", () => {
  test.use({ locale: "nl-NL", viewport: { width: 1280, height: 900 } });

  test("the webhooks page is Dutch, with Dutch dates", async ({ page }) => {
    await page.goto("/webhooks");
    await expect(page.locator("html")).toHaveAttribute("lang", "nl");
    await expect(page.getByRole("heading", { name: "Webhooks", level: 1 })).toBeVisible();
    for (const heading of ["Ondertekeningsgeheim", "Registreren bij Flireo", "Testevent", "Recente afleveringen", "Vergeleken met Flireo"]) {
      await expect(page.getByRole("heading", { name: heading })).toBeVisible();
    }
    await expect(page.getByTestId("webhook-url-warning").first()).toContainText("alleen vanaf deze computer bereikbaar");

    // A rotated secret stays accepted until a moment shown as a Dutch date.
    page.once("dialog", (dialog) => {
      expect(dialog.message()).toContain("Een nieuw ondertekeningsgeheim maken?");
      void dialog.accept();
    });
    await page.getByTestId("rotate-secret").click();
    const previous = page.getByTestId("previous-secret").first();
    await expect(previous).toContainText("wordt nog geaccepteerd tot");
    await expect(previous).toHaveText(DUTCH_DATE);

    await page.getByTestId("send-test-event").click();
    await expect(page.getByTestId("test-event-result")).toContainText("Geaccepteerd: HTTP 200");
    await expect(page.getByTestId("delivery").first()).toContainText("opgeslagen");
    await expectNoSeriousAxeViolations(page);
  });

  test("the users page is Dutch, with Dutch dates, and its form answers in Dutch", async ({ page, accounts }) => {
    await page.goto("/settings/users");
    await expect(page.getByRole("heading", { name: "Gebruikers", level: 1 })).toBeVisible();
    await expect(page.getByTestId("users-table")).toContainText("Laatst ingelogd");
    const me = page.getByTestId("user-row").filter({ hasText: accounts.admin.email });
    await expect(me).toContainText("(jij)");
    await expect(me.getByTestId("user-last-sign-in")).toHaveText(DUTCH_DATE);
    await expect(page.getByTestId("user-row").filter({ hasText: accounts.viewer.email }).getByTestId("user-role-select")).toHaveAccessibleName(`Rol van ${accounts.viewer.email}`);

    // A server action's refusal: the email is taken.
    const form = page.getByTestId("add-user-form");
    await form.getByLabel("E-mailadres").fill(accounts.viewer.email);
    await form.getByLabel("Wachtwoord").fill("a long enough password");
    await form.getByRole("button", { name: "Gebruiker toevoegen" }).click();
    await expect(form.getByRole("alert")).toHaveText("Er is al een gebruiker met dit e-mailadres. Gebruik een ander e-mailadres.");
    await expectNoSeriousAxeViolations(page);
  });
});

test.describe("[SETTINGS-I18N] API errors", () => {
  test("a 422 from a settings route names the field in the request's language, English without a Dutch preference", async ({ browser, server, accounts }) => {
    const context = await browser.newContext({ baseURL: server.baseUrl, storageState: accounts.admin.storageState });
    const page = await context.newPage();
    const post = (headers: Record<string, string>) =>
      page.request.post("/api/flireo/transfer-destinations", { data: { name: "", destination: "+31201234567" }, headers: { origin: server.baseUrl, ...headers } });

    const dutch = await post({ "accept-language": "nl-NL,nl;q=0.9,en;q=0.5" });
    expect(dutch.status()).toBe(422);
    expect(await dutch.json()).toMatchObject({ error: { code: "unprocessable", message: "Het verzoek klopt niet. Naam: vul dit in." } });

    const english = await post({ "accept-language": "en-US" });
    expect(english.status()).toBe(422);
    expect(await english.json()).toMatchObject({ error: { code: "unprocessable", message: "The request body has the wrong shape. Name: Give the destination a name." } });

    // The chosen language (the switch's cookie) wins over the browser's.
    await context.addCookies([{ name: "callboard-locale", value: "nl", url: server.baseUrl }]);
    const chosen = await post({ "accept-language": "en-US" });
    expect((await chosen.json()).error.message).toBe("Het verzoek klopt niet. Naam: vul dit in.");
    await context.close();
  });

  test("a viewer is refused an admin route in their language; the read API stays English", async ({ viewerPage, server }) => {
    const dutch = await viewerPage.request.get("/api/api-tokens", { headers: { "accept-language": "nl-NL" } });
    expect(dutch.status()).toBe(403);
    expect(await dutch.json()).toEqual({ error: { code: "forbidden", message: "Alleen een beheerder kan dit openen. Vraag een van je Callboard-beheerders als je het nodig hebt." } });

    const english = await viewerPage.request.get("/api/api-tokens", { headers: { "accept-language": "en-GB" } });
    expect((await english.json()).error.message).toBe("Only an admin may open this. Ask one of your Callboard admins if you need it.");

    // Machine-facing: the read API's refusal keeps its code and English words whatever the language asked for.
    const api = await fetch(`${server.baseUrl}/api/v1/calls`, { headers: { "accept-language": "nl-NL" } });
    expect(api.status).toBe(401);
    expect((await api.json()).error.code).toBe("unauthorized");
  });
});
