// Alerts in each destination's language: Dutch and English e-mails and Slack messages, with plurals, dates in the
// team's zone (Europe/Amsterdam) written the Dutch way, numbers with a decimal comma, and hostile text from Flireo or a
// caller escaped in both languages exactly as before. Failure reasons in the language asked for.
import { describe, expect, it } from "vitest";
import type { Locale } from "@/lib/shared/i18n/locales";
import { emailMessage, slackMessage, webhookBody, type AlertCall, type AlertContent, type AlertEnvelope } from "./alert-content";
import { failureWords, sendAlert, type SmtpTransports } from "./send-alert";

const call: AlertCall = {
  id: "call-1",
  lineNumber: "+31201234567",
  lineName: "Hoofdlijn",
  customerNumber: "+31612345678",
  error: "STT <connection> failed & gave up",
  // 15:03:12 in Amsterdam (CET), a different day and hour in UTC would show a wrong zone at once.
  at: "2026-12-06T14:03:12.345Z",
  url: "https://callboard.example.test/calls/call-1",
};
const rule = { id: "7", name: "Fouten <hoofdlijn>" };
const envelope = (content: AlertContent, locale: Locale): AlertEnvelope => ({ alertId: "1", deliveryId: "2", createdAt: call.at, timeZone: "Europe/Amsterdam", locale, content });
const threshold = (count: number): AlertContent => ({ kind: "threshold", rule, call, count, thresholdCount: 5, windowMinutes: 10 });
const summary = (suppressedCount: number, cooldownMinutes = 5): AlertContent => ({ kind: "summary", rule, suppressedCount, since: call.at, until: "2026-12-06T14:08:00.000Z", cooldownMinutes, lastCall: call });

describe("an alert e-mail in Dutch", () => {
  it("writes the subject, text and HTML in Dutch, with a Dutch date in Europe/Amsterdam", () => {
    const mail = emailMessage(envelope({ kind: "error", rule, call }, "nl"));
    expect(mail.subject).toBe("[Callboard] Gesprek beëindigd met een fout: STT <connection> failed & gave up");
    for (const part of ["Regel: Fouten <hoofdlijn>", "Gesprek: call-1", "Lijn: +31201234567 (Hoofdlijn)", "Beller: +31612345678", "Fout: STT <connection> failed & gave up", "Tijd: 6 dec 2026, 15:03:12 CET", "Open het gesprek: https://callboard.example.test/calls/call-1"]) {
      expect(mail.text).toContain(part);
    }
    expect(mail.html).toContain('<div lang="nl"');
    expect(mail.html).toContain(">Tijd</th><td style=\"padding:4px 0\">6 dec 2026, 15:03:12 CET<");
    expect(mail.html).toContain(">Open het gesprek in Callboard</a>");
    expect(mail.html).toContain("Verstuurd door Callboard voor de meldingsregel “Fouten &lt;hoofdlijn&gt;”.");
    expect(mail.text).not.toMatch(/\b(Call|Customer|Time|Open the call)\b/);
  });

  it("says 1 fout and 3 fouten, in the subject as in the text", () => {
    expect(emailMessage(envelope(threshold(1), "nl")).subject).toBe("[Callboard] 1 fout in gesprekken in de laatste 10 min (melding boven 5)");
    expect(emailMessage(envelope(threshold(3), "nl")).subject).toBe("[Callboard] 3 fouten in gesprekken in de laatste 10 min (melding boven 5)");
    expect(emailMessage(envelope(summary(1), "nl")).subject).toBe("[Callboard] …en nog 1 fout sinds 6 dec 2026, 15:03:12 CET");
    const many = emailMessage(envelope(summary(3), "nl"));
    expect(many.subject).toBe("[Callboard] …en nog 3 fouten sinds 6 dec 2026, 15:03:12 CET");
    expect(many.text).toContain("Achtergehouden: 3 fouten tijdens de wachttijd van 5 min");
    expect(many.text).toContain("Periode: 6 dec 2026, 15:03:12 CET – 6 dec 2026, 15:08:00 CET");
    expect(many.text).toContain("Laatste gesprek: call-1");
    expect(many.text).toContain("Laatste tijd: 6 dec 2026, 15:03:12 CET");
  });

  it("writes numbers the Dutch way: a decimal comma and a dot between thousands", () => {
    expect(emailMessage(envelope(summary(1_234, 0.5), "nl")).text).toContain("Achtergehouden: 1.234 fouten tijdens de wachttijd van 0,5 min");
    expect(emailMessage(envelope(summary(1_234, 0.5), "en")).text).toContain("Held back: 1,234 errors during the 0.5 min cooldown");
  });

  it("writes summer times with CEST", () => {
    const mail = emailMessage(envelope({ kind: "error", rule, call: { ...call, at: "2026-07-01T12:00:00.000Z" } }, "nl"));
    expect(mail.text).toContain("Tijd: 1 jul 2026, 14:00:00 CEST");
  });
});

describe("the same alert in English", () => {
  it("keeps the English words, plurals and sortable stamps it always had", () => {
    const mail = emailMessage(envelope({ kind: "error", rule, call }, "en"));
    expect(mail.subject).toBe("[Callboard] Call ended with an error: STT <connection> failed & gave up");
    expect(mail.text).toContain("Time: 2026-12-06 15:03:12 CET");
    expect(mail.html).toContain('<div lang="en"');
    expect(emailMessage(envelope(threshold(1), "en")).subject).toBe("[Callboard] 1 call error in the last 10 min (alert above 5)");
    expect(emailMessage(envelope(threshold(3), "en")).subject).toBe("[Callboard] 3 call errors in the last 10 min (alert above 5)");
    expect(emailMessage(envelope(summary(1), "en")).subject).toBe("[Callboard] …and 1 more error since 2026-12-06 15:03:12 CET");
    expect(emailMessage(envelope(summary(1), "en")).text).toContain("Held back: 1 error during the 5 min cooldown");
  });
});

describe("hostile text, in both languages", () => {
  const hostile = { ...call, customerNumber: '<img src=x onerror="alert(1)">', error: "<!channel> <!here|here> <@U024BE7LH> <https://evil.example|click> & <b>more</b>" };
  const contents: AlertContent[] = [
    { kind: "error", rule, call: hostile },
    { kind: "threshold", rule, call: hostile, count: 6, thresholdCount: 5, windowMinutes: 10 },
    { kind: "summary", rule, suppressedCount: 3, since: call.at, until: call.at, cooldownMinutes: 5, lastCall: hostile },
  ];

  it.each(["nl", "en"] as const)("%s: escapes it in the HTML e-mail", (locale) => {
    for (const content of contents) {
      const { html } = emailMessage(envelope(content, locale));
      expect(html, content.kind).not.toMatch(/<img|<b>|<!channel>|<https?:/);
      expect(html, content.kind).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
      expect(html, content.kind).toContain("&lt;b&gt;more&lt;/b&gt;");
    }
  });

  it.each(["nl", "en"] as const)("%s: never lets it mention everyone or link elsewhere in Slack", (locale) => {
    for (const content of contents) {
      const message = slackMessage(envelope(content, locale));
      const mrkdwn = [message.text, ...JSON.stringify(message.blocks.slice(1)).split('"text":"').slice(1)].join("\n");
      expect(mrkdwn, content.kind).not.toMatch(/<[!@#]|<https?:/);
    }
  });

  it("escapes Slack's control characters in Dutch exactly as in English", () => {
    const message = slackMessage(envelope({ kind: "error", rule, call: hostile }, "nl"));
    expect(message.text).toBe(
      "Gesprek beëindigd met een fout: &lt;!channel&gt; &lt;!here|here&gt; &lt;@U024BE7LH&gt; &lt;https://evil.example|click&gt; &amp; &lt;b&gt;more&lt;/b&gt; – https://callboard.example.test/calls/call-1",
    );
    const blocks = JSON.stringify(message.blocks);
    expect(blocks).toContain("Callboard-melding · regel *Fouten &lt;hoofdlijn&gt;*");
    expect(blocks).toContain('"text":"Open het gesprek"');
    expect(blocks).toContain("*Tijd*\\n6 dec 2026, 15:03:12 CET");
  });
});

describe("the signed webhook's body", () => {
  it("keeps its field names and values for programs; only title and text follow the destination's language", () => {
    const dutch = JSON.parse(webhookBody(envelope(threshold(3), "nl"))) as Record<string, unknown>;
    const english = JSON.parse(webhookBody(envelope(threshold(3), "en"))) as Record<string, unknown>;
    expect(Object.keys(dutch).sort()).toEqual(Object.keys(english).sort());
    const { title, text, locale, ...machine } = dutch;
    expect(machine).toEqual({ ...english, title: undefined, text: undefined, locale: undefined, ...machine });
    expect(machine).toMatchObject({ type: "callboard.alert", kind: "threshold", count: 3, call: { at: call.at } });
    expect({ title, locale }).toEqual({ title: "3 fouten in gesprekken in de laatste 10 min (melding boven 5)", locale: "nl" });
    expect(text).toContain("Laatste tijd: 6 dec 2026, 15:03:12 CET");
    expect(english).toMatchObject({ locale: "en", title: "3 call errors in the last 10 min (alert above 5)" });
  });
});

describe("a failed send's reason", () => {
  const noSmtp: SmtpTransports = () => {
    throw new Error("no e-mail in this test");
  };
  const slack = { kind: "slack" as const, url: "https://example.test/not-slack", secret: null, emailTo: [] };

  it("is in the language asked for (the admin's, for a test alert), English by default", async () => {
    const alert = envelope({ kind: "test", rule, destination: "example.test", at: call.at }, "en");
    expect(await sendAlert(slack, alert, noSmtp, failureWords("nl"))).toMatchObject({ isSent: false, error: expect.stringMatching(/^Geweigerd: een Slack-bestemming moet een https:\/\/-URL zijn op /) });
    expect(await sendAlert(slack, alert, noSmtp)).toMatchObject({ isSent: false, error: expect.stringMatching(/^Refused: a Slack destination must be an https:\/\/ URL on /) });
    expect(await sendAlert({ ...slack, kind: "webhook" }, alert, noSmtp, failureWords("nl"))).toMatchObject({ error: "De webhookbestemming heeft geen URL of geheim." });
  });
});
