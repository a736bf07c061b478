// What an alert says, and how each kind of destination receives it: a signed JSON body for generic webhooks,
// Slack's incoming-webhook format ({ text, blocks }), and an e-mail with a plain-text and a simple HTML part.
// Pure functions: the worker stores an alert's content once and renders it per destination when sending.
import type { AlertKind } from "@/lib/shared/alerts/alert-view";
import { formatStamp } from "@/lib/shared/time/format-time";

export type AlertCall = {
  id: string;
  lineNumber: string | null;
  lineName: string | null;
  customerNumber: string | null;
  error: string | null;
  /** When the call ended (Flireo's time), else when Callboard recorded the error. ISO 8601. */
  at: string;
  /** The call's page in Callboard. */
  url: string;
};

type RuleRef = { id: string | null; name: string };

export type AlertContent =
  | { kind: "error"; rule: RuleRef; call: AlertCall }
  | { kind: "threshold"; rule: RuleRef; count: number; thresholdCount: number; windowMinutes: number; call: AlertCall }
  | { kind: "summary"; rule: RuleRef; suppressedCount: number; since: string; until: string; cooldownMinutes: number; lastCall: AlertCall | null }
  | { kind: "test"; rule: RuleRef; destination: string; at: string };

/** `timeZone`: the zone the alert's times are written in (DEFAULT_TIMEZONE), with its name beside each time. */
export type AlertEnvelope = { alertId: string; deliveryId: string; createdAt: string; timeZone: string; content: AlertContent };

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

/** 2026-11-27 15:03:12 CET: in the team's zone, named, so a receiver elsewhere still reads it right. */
export function formatAlertTime(iso: string, timeZone: string): string {
  return formatStamp(iso, timeZone);
}

export function alertTitle(content: AlertContent, timeZone: string): string {
  switch (content.kind) {
    case "error":
      return `Call ended with an error: ${content.call.error ?? "(no error text)"}`;
    case "threshold":
      return `${plural(content.count, "call error")} in the last ${content.windowMinutes} min (alert above ${content.thresholdCount})`;
    case "summary":
      return `…and ${content.suppressedCount} more ${content.suppressedCount === 1 ? "error" : "errors"} since ${formatAlertTime(content.since, timeZone)}`;
    case "test":
      return "Test alert from Callboard";
  }
}

/** Label/value pairs shown under the title, in every format. */
export function alertFields(content: AlertContent, timeZone: string): [string, string][] {
  const callFields = (call: AlertCall): [string, string][] => [
    ["Call", call.id],
    ["Line", [call.lineNumber, call.lineName ? `(${call.lineName})` : null].filter(Boolean).join(" ") || "unknown"],
    ["Customer", call.customerNumber ?? "unknown"],
    ["Error", call.error ?? "(no error text)"],
    ["Time", formatAlertTime(call.at, timeZone)],
  ];
  switch (content.kind) {
    case "error":
      return [["Rule", content.rule.name], ...callFields(content.call)];
    case "threshold":
      return [["Rule", content.rule.name], ["Errors", `${content.count} in ${content.windowMinutes} min`], ...callFields(content.call).map(([label, value]): [string, string] => [`Latest ${label.toLowerCase()}`, value])];
    case "summary":
      return [
        ["Rule", content.rule.name],
        ["Held back", `${plural(content.suppressedCount, "error")} during the ${content.cooldownMinutes} min cooldown`],
        ["Period", `${formatAlertTime(content.since, timeZone)} – ${formatAlertTime(content.until, timeZone)}`],
        ...(content.lastCall ? callFields(content.lastCall).map(([label, value]): [string, string] => [`Latest ${label.toLowerCase()}`, value]) : []),
      ];
    case "test":
      return [["Rule", content.rule.name], ["Destination", content.destination], ["Time", formatAlertTime(content.at, timeZone)]];
  }
}

function alertLink(content: AlertContent): string | null {
  if (content.kind === "error" || content.kind === "threshold") return content.call.url;
  if (content.kind === "summary") return content.lastCall?.url ?? null;
  return null;
}

export function alertCallId(content: AlertContent): string | null {
  if (content.kind === "error" || content.kind === "threshold") return content.call.id;
  if (content.kind === "summary") return content.lastCall?.id ?? null;
  return null;
}

export function alertText(content: AlertContent, timeZone: string): string {
  const link = alertLink(content);
  return [alertTitle(content, timeZone), "", ...alertFields(content, timeZone).map(([label, value]) => `${label}: ${value}`), ...(link ? ["", `Open the call: ${link}`] : [])].join("\n");
}

/** The generic webhook's JSON body. */
export function webhookBody(envelope: AlertEnvelope): string {
  const { content } = envelope;
  const kind: AlertKind = content.kind;
  return JSON.stringify({
    type: "callboard.alert",
    alertId: envelope.alertId,
    deliveryId: envelope.deliveryId,
    createdAt: envelope.createdAt,
    title: alertTitle(content, envelope.timeZone),
    text: alertText(content, envelope.timeZone),
    ...content,
    kind,
  });
}

/** Slack mrkdwn treats &, < and > as control characters. */
function escapeSlack(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}

/** A Slack incoming-webhook message: `text` for notifications and old clients, `blocks` for the layout. */
export function slackMessage(envelope: AlertEnvelope): { text: string; blocks: unknown[] } {
  const { content } = envelope;
  const title = alertTitle(content, envelope.timeZone);
  const link = alertLink(content);
  // Slack allows at most 10 fields per section and 2000 characters per field.
  const fields = alertFields(content, envelope.timeZone)
    .filter(([label]) => label !== "Rule")
    .slice(0, 10)
    .map(([label, value]) => ({ type: "mrkdwn", text: `*${escapeSlack(label)}*\n${escapeSlack(value).slice(0, 1_900)}` }));
  return {
    // Escaped like the rest: an error text is Flireo's (or a caller's) words, and `<!channel>` in it would ping everyone.
    text: escapeSlack(`${title}${link ? ` – ${link}` : ""}`),
    blocks: [
      { type: "header", text: { type: "plain_text", text: title.slice(0, 150), emoji: false } },
      { type: "section", fields },
      ...(link ? [{ type: "actions", elements: [{ type: "button", text: { type: "plain_text", text: "Open the call" }, url: link }] }] : []),
      { type: "context", elements: [{ type: "mrkdwn", text: `Callboard alert · rule *${escapeSlack(content.rule.name)}*` }] },
    ],
  };
}

function escapeHtml(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");
}

export function emailMessage(envelope: AlertEnvelope): { subject: string; text: string; html: string } {
  const { content } = envelope;
  const title = alertTitle(content, envelope.timeZone);
  const link = alertLink(content);
  const rows = alertFields(content, envelope.timeZone)
    .map(
      ([label, value]) =>
        `<tr><th align="left" style="padding:4px 16px 4px 0;color:#52525b;font-weight:500;vertical-align:top">${escapeHtml(label)}</th><td style="padding:4px 0">${escapeHtml(value)}</td></tr>`,
    )
    .join("");
  const html = [
    `<div style="font-family:system-ui,-apple-system,Segoe UI,sans-serif;font-size:14px;color:#18181b">`,
    `<h1 style="font-size:18px;margin:0 0 12px">${escapeHtml(title)}</h1>`,
    `<table style="border-collapse:collapse">${rows}</table>`,
    link ? `<p style="margin:16px 0 0"><a href="${escapeHtml(link)}" style="color:#18181b">Open the call in Callboard</a></p>` : "",
    `<p style="margin:24px 0 0;color:#71717a;font-size:12px">Sent by Callboard for the alert rule “${escapeHtml(content.rule.name)}”.</p>`,
    `</div>`,
  ].join("");
  return { subject: `[Callboard] ${title}`.slice(0, 250), text: alertText(content, envelope.timeZone), html };
}
