// What an alert says, and how each kind of destination receives it: a signed JSON body for generic webhooks,
// Slack's incoming-webhook format ({ text, blocks }), and an e-mail with a plain-text and a simple HTML part.
// Pure functions: the worker stores an alert's content once and renders it per destination when sending, in the
// destination's language (lib/i18n/messages/<language>/alertMessages.json) and DEFAULT_TIMEZONE.
import { createTranslator } from "next-intl";
import { MESSAGES } from "@/lib/i18n/messages";
import type { AlertKind } from "@/lib/shared/alerts/alert-view";
import { DEFAULT_LOCALE, type Locale } from "@/lib/shared/i18n/locales";
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

/**
 * `timeZone`: the zone the alert's times are written in (DEFAULT_TIMEZONE), with its name beside each time.
 * `locale`: the destination's language, which its words, dates and numbers are written in.
 */
export type AlertEnvelope = { alertId: string; deliveryId: string; createdAt: string; timeZone: string; locale: Locale; content: AlertContent };

/** The words of alerts in one language (lib/i18n/messages/<language>/alertMessages.json), made once per language. */
function translatorFor(locale: Locale) {
  return createTranslator({ locale, messages: MESSAGES[locale], namespace: "alertMessages" });
}
type AlertTranslator = ReturnType<typeof translatorFor>;
const translators = new Map<Locale, AlertTranslator>();

/** How one alert is written: the words of its language, its dates in the team's zone. */
type Writer = { t: AlertTranslator; locale: Locale; timeZone: string };

function writerFor(timeZone: string, locale: Locale): Writer {
  let t = translators.get(locale);
  if (!t) {
    t = translatorFor(locale);
    translators.set(locale, t);
  }
  return { t, locale, timeZone };
}

/** 2026-11-27 15:03:12 CET (in Dutch 27 nov 2026, 15:03:12 CET): in the team's zone, named, so a receiver elsewhere still reads it right. */
export function formatAlertTime(iso: string, timeZone: string, locale: Locale = DEFAULT_LOCALE): string {
  return formatStamp(iso, timeZone, locale);
}

function title(content: AlertContent, { t, locale, timeZone }: Writer): string {
  switch (content.kind) {
    case "error":
      return t("title.error", { error: content.call.error ?? t("noErrorText") });
    case "threshold":
      return t("title.threshold", { count: content.count, windowMinutes: content.windowMinutes, thresholdCount: content.thresholdCount });
    case "summary":
      return t("title.summary", { count: content.suppressedCount, since: formatAlertTime(content.since, timeZone, locale) });
    case "test":
      return t("title.test");
  }
}

export function alertTitle(content: AlertContent, timeZone: string, locale: Locale = DEFAULT_LOCALE): string {
  return title(content, writerFor(timeZone, locale));
}

type Field = [label: string, value: string];

function callFields(call: AlertCall, { t, locale, timeZone }: Writer, isLatest: boolean): Field[] {
  const label = (name: "call" | "line" | "customer" | "error" | "time") => (isLatest ? t("latest", { field: t(`field.${name}`).toLocaleLowerCase(locale) }) : t(`field.${name}`));
  return [
    [label("call"), call.id],
    [label("line"), [call.lineNumber, call.lineName ? `(${call.lineName})` : null].filter(Boolean).join(" ") || t("unknown")],
    [label("customer"), call.customerNumber ?? t("unknown")],
    [label("error"), call.error ?? t("noErrorText")],
    [label("time"), formatAlertTime(call.at, timeZone, locale)],
  ];
}

/** Label/value pairs shown under the title, in every format; the rule is named apart (Slack shows it at the foot). */
function fields(content: AlertContent, writer: Writer): Field[] {
  const { t, locale, timeZone } = writer;
  switch (content.kind) {
    case "error":
      return callFields(content.call, writer, false);
    case "threshold":
      return [[t("field.errors"), t("errorsInWindow", { count: content.count, windowMinutes: content.windowMinutes })], ...callFields(content.call, writer, true)];
    case "summary":
      return [
        [t("field.heldBack"), t("heldBackValue", { count: content.suppressedCount, cooldownMinutes: content.cooldownMinutes })],
        [t("field.period"), `${formatAlertTime(content.since, timeZone, locale)} – ${formatAlertTime(content.until, timeZone, locale)}`],
        ...(content.lastCall ? callFields(content.lastCall, writer, true) : []),
      ];
    case "test":
      return [[t("field.destination"), content.destination], [t("field.time"), formatAlertTime(content.at, timeZone, locale)]];
  }
}

function fieldsWithRule(content: AlertContent, writer: Writer): Field[] {
  return [[writer.t("field.rule"), content.rule.name], ...fields(content, writer)];
}

/** Label/value pairs shown under the title, the rule first. */
export function alertFields(content: AlertContent, timeZone: string, locale: Locale = DEFAULT_LOCALE): Field[] {
  return fieldsWithRule(content, writerFor(timeZone, locale));
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

function text(content: AlertContent, writer: Writer): string {
  const link = alertLink(content);
  const lines = fieldsWithRule(content, writer).map(([label, value]) => `${label}: ${value}`);
  return [title(content, writer), "", ...lines, ...(link ? ["", writer.t("openCallLine", { url: link })] : [])].join("\n");
}

export function alertText(content: AlertContent, timeZone: string, locale: Locale = DEFAULT_LOCALE): string {
  return text(content, writerFor(timeZone, locale));
}

/**
 * The generic webhook's JSON body: for programs, so its field names and values stay as they are in every language;
 * `title` and `text`, written for people, are in the destination's language, which `locale` names.
 */
export function webhookBody(envelope: AlertEnvelope): string {
  const { content } = envelope;
  const kind: AlertKind = content.kind;
  const writer = writerFor(envelope.timeZone, envelope.locale);
  return JSON.stringify({
    type: "callboard.alert",
    alertId: envelope.alertId,
    deliveryId: envelope.deliveryId,
    createdAt: envelope.createdAt,
    locale: envelope.locale,
    title: title(content, writer),
    text: text(content, writer),
    ...content,
    kind,
  });
}

/** Slack mrkdwn treats &, < and > as control characters. */
function escapeSlack(value: string): string {
  return value.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}

/** A Slack incoming-webhook message: `text` for notifications and old clients, `blocks` for the layout. */
export function slackMessage(envelope: AlertEnvelope): { text: string; blocks: unknown[] } {
  const { content } = envelope;
  const writer = writerFor(envelope.timeZone, envelope.locale);
  const heading = title(content, writer);
  const link = alertLink(content);
  // Slack allows at most 10 fields per section and 2000 characters per field.
  const blockFields = fields(content, writer)
    .slice(0, 10)
    .map(([label, value]) => ({ type: "mrkdwn", text: `*${escapeSlack(label)}*\n${escapeSlack(value).slice(0, 1_900)}` }));
  return {
    // Escaped like the rest: an error text is Flireo's (or a caller's) words, and `<!channel>` in it would ping everyone.
    text: escapeSlack(`${heading}${link ? ` – ${link}` : ""}`),
    blocks: [
      { type: "header", text: { type: "plain_text", text: heading.slice(0, 150), emoji: false } },
      { type: "section", fields: blockFields },
      ...(link ? [{ type: "actions", elements: [{ type: "button", text: { type: "plain_text", text: writer.t("openCall") }, url: link }] }] : []),
      { type: "context", elements: [{ type: "mrkdwn", text: writer.t("slackContext", { rule: escapeSlack(content.rule.name) }) }] },
    ],
  };
}

function escapeHtml(value: string): string {
  return value.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");
}

export function emailMessage(envelope: AlertEnvelope): { subject: string; text: string; html: string } {
  const { content } = envelope;
  const writer = writerFor(envelope.timeZone, envelope.locale);
  const { t } = writer;
  const heading = title(content, writer);
  const link = alertLink(content);
  const rows = fieldsWithRule(content, writer)
    .map(
      ([label, value]) =>
        `<tr><th align="left" style="padding:4px 16px 4px 0;color:#52525b;font-weight:500;vertical-align:top">${escapeHtml(label)}</th><td style="padding:4px 0">${escapeHtml(value)}</td></tr>`,
    )
    .join("");
  const html = [
    `<div lang="${envelope.locale}" style="font-family:system-ui,-apple-system,Segoe UI,sans-serif;font-size:14px;color:#18181b">`,
    `<h1 style="font-size:18px;margin:0 0 12px">${escapeHtml(heading)}</h1>`,
    `<table style="border-collapse:collapse">${rows}</table>`,
    link ? `<p style="margin:16px 0 0"><a href="${escapeHtml(link)}" style="color:#18181b">${escapeHtml(t("openCallInCallboard"))}</a></p>` : "",
    `<p style="margin:24px 0 0;color:#71717a;font-size:12px">${escapeHtml(t("emailFooter", { rule: content.rule.name }))}</p>`,
    `</div>`,
  ].join("");
  return { subject: t("subject", { title: heading }).slice(0, 250), text: text(content, writer), html };
}
