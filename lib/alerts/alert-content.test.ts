import { describe, expect, it } from "vitest";
import { computeSignature } from "@/lib/webhooks/verify-signature";
import { alertText, alertTitle, emailMessage, slackMessage, webhookBody, type AlertCall, type AlertContent, type AlertEnvelope } from "./alert-content";
import { retryDelaySeconds } from "./alert-deliveries";
import { ruleInputSchema } from "./alert-schemas";
import { createTranslator } from "next-intl";
import { describeRule, formatCooldown } from "@/components/settings/alerts/describe-rule";
import { MESSAGES } from "@/lib/i18n/messages";
import { isRuleMatch, lineDigits } from "./evaluate-alert-errors";

const call: AlertCall = {
  id: "call-1",
  lineNumber: "+31201234567",
  lineName: "Main line",
  customerNumber: "+31612345678",
  error: "STT <connection> failed & gave up",
  at: "2026-11-27T14:03:12.345Z",
  url: "https://callboard.example.test/calls/call-1",
};
const rule = { id: "7", name: "Errors <main>" };
const envelope = (content: AlertContent): AlertEnvelope => ({ alertId: "1", deliveryId: "2", createdAt: "2026-11-27T14:03:13.000Z", timeZone: "Europe/Amsterdam", locale: "en", content });

describe("alert content", () => {
  it("titles each kind of alert", () => {
    expect(alertTitle({ kind: "error", rule, call }, "UTC")).toBe("Call ended with an error: STT <connection> failed & gave up");
    expect(alertTitle({ kind: "threshold", rule, call, count: 6, thresholdCount: 5, windowMinutes: 10 }, "UTC")).toBe("6 call errors in the last 10 min (alert above 5)");
    expect(alertTitle({ kind: "summary", rule, suppressedCount: 37, since: call.at, until: call.at, cooldownMinutes: 5, lastCall: call }, "UTC")).toBe(
      "…and 37 more errors since 2026-11-27 14:03:12 UTC",
    );
    expect(alertTitle({ kind: "test", rule, destination: "example.test", at: call.at }, "UTC")).toBe("Test alert from Callboard");
  });

  it("puts the call, its line, customer, error, time and link in the text", () => {
    const text = alertText({ kind: "error", rule, call }, "UTC");
    for (const part of ["Call: call-1", "Line: +31201234567 (Main line)", "Customer: +31612345678", "Error: STT <connection> failed & gave up", "Time: 2026-11-27 14:03:12 UTC", "Open the call: https://callboard.example.test/calls/call-1"]) {
      expect(text).toContain(part);
    }
  });

  it("writes times in the team's zone, named, whatever the server's own zone", () => {
    expect(alertText({ kind: "error", rule, call }, "Europe/Amsterdam")).toContain("Time: 2026-11-27 15:03:12 CET");
    const mail = emailMessage(envelope({ kind: "summary", rule, suppressedCount: 2, since: call.at, until: "2026-11-27T14:08:00.000Z", cooldownMinutes: 5, lastCall: call }));
    expect(mail.subject).toContain("since 2026-11-27 15:03:12 CET");
    expect(mail.text).toContain("Period: 2026-11-27 15:03:12 CET – 2026-11-27 15:08:00 CET");
  });

  it("builds a Slack message with text and blocks, escaping Slack's control characters", () => {
    const message = slackMessage(envelope({ kind: "error", rule, call }));
    expect(message.text).toBe("Call ended with an error: STT &lt;connection&gt; failed &amp; gave up – https://callboard.example.test/calls/call-1");
    expect(message.blocks).toHaveLength(4);
    const serialized = JSON.stringify(message.blocks.slice(1));
    expect(serialized).toContain("STT &lt;connection&gt; failed &amp; gave up");
    expect(serialized).toContain("rule *Errors &lt;main&gt;*");
    expect(serialized).not.toContain("<connection>");
  });

  it("never lets an error text mention everyone or link elsewhere in Slack, in the notification text either", () => {
    const hostile = { ...call, error: "<!channel> <!here|here> <@U024BE7LH> <https://evil.example|click> & more" };
    for (const content of [
      { kind: "error", rule, call: hostile },
      { kind: "threshold", rule, call: hostile, count: 6, thresholdCount: 5, windowMinutes: 10 },
      { kind: "summary", rule, suppressedCount: 3, since: call.at, until: call.at, cooldownMinutes: 5, lastCall: hostile },
    ] as const) {
      const message = slackMessage(envelope(content));
      const mrkdwn = [message.text, ...JSON.stringify(message.blocks.slice(1)).split('"text":"').slice(1)].join("\n");
      expect(mrkdwn, content.kind).not.toMatch(/<[!@#]|<https?:/);
    }
    expect(slackMessage(envelope({ kind: "error", rule, call: hostile })).text).toBe(
      "Call ended with an error: &lt;!channel&gt; &lt;!here|here&gt; &lt;@U024BE7LH&gt; &lt;https://evil.example|click&gt; &amp; more – https://callboard.example.test/calls/call-1",
    );
  });

  it("escapes HTML in the e-mail and keeps a plain-text part", () => {
    const mail = emailMessage(envelope({ kind: "error", rule, call }));
    expect(mail.subject).toBe("[Callboard] Call ended with an error: STT <connection> failed & gave up");
    expect(mail.html).toContain("STT &lt;connection&gt; failed &amp; gave up");
    expect(mail.html).not.toContain("<connection>");
    expect(mail.text).toContain("https://callboard.example.test/calls/call-1");
  });

  it("gives webhooks a JSON body whose signature a receiver can check", () => {
    const body = webhookBody(envelope({ kind: "error", rule, call }));
    expect(JSON.parse(body)).toMatchObject({ type: "callboard.alert", alertId: "1", deliveryId: "2", kind: "error", rule, call });
    expect(computeSignature("whsec_x", "1700000000", body)).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe("rule matching", () => {
  it("compares line numbers by their digits and error text without case", () => {
    expect(lineDigits("+31 (20) 123-4567")).toBe("31201234567");
    expect(isRuleMatch({ lineNumber: "+31 20 123 4567", errorContains: null }, { lineNumber: "+31201234567", error: null })).toBe(true);
    expect(isRuleMatch({ lineNumber: "+31 20 123 4568", errorContains: null }, { lineNumber: "+31201234567", error: null })).toBe(false);
    expect(isRuleMatch({ lineNumber: null, errorContains: "stt" }, { lineNumber: null, error: "STT connection failed" })).toBe(true);
    expect(isRuleMatch({ lineNumber: null, errorContains: "tts" }, { lineNumber: null, error: "STT connection failed" })).toBe(false);
    expect(isRuleMatch({ lineNumber: null, errorContains: "stt" }, { lineNumber: null, error: null })).toBe(false);
  });

  it("describes rules and cooldowns for people", () => {
    const t = createTranslator({ locale: "en", messages: MESSAGES.en, namespace: "alerts.rule" });
    expect(describeRule({ kind: "threshold", thresholdCount: 5, windowMinutes: 10, lineNumber: "+31201234567", errorContains: "SIP" }, t)).toBe(
      "More than 5 errors in 10 min, on line +31201234567, with an error containing “SIP”",
    );
    expect(formatCooldown(0, t)).toBe("no cooldown");
    expect(formatCooldown(0.5, t)).toBe("30 s cooldown");
    expect(formatCooldown(120, t)).toBe("2 h cooldown");
  });
});

describe("retry backoff", () => {
  it("doubles from the base, with at most 20 % jitter, capped at an hour", () => {
    expect([1, 2, 3, 4].map((attempt) => retryDelaySeconds(attempt, 15, () => 0))).toEqual([15, 30, 60, 120]);
    expect(retryDelaySeconds(1, 15, () => 1)).toBe(18);
    expect(retryDelaySeconds(20, 15, () => 0)).toBe(3_600);
  });
});

describe("rule input", () => {
  it("treats empty filters as none and defaults the cooldown to 5 minutes", () => {
    const parsed = ruleInputSchema.parse({ name: " Errors ", kind: "each-error", lineNumber: "", errorContains: "  ", destinations: [{ kind: "slack", url: "https://hooks.example.test/x" }] });
    expect(parsed).toMatchObject({ name: "Errors", lineNumber: null, errorContains: null, cooldownMinutes: 5, isEnabled: true });
  });
});
