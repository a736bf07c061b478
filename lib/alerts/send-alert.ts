// Sends one alert to one destination: a signed JSON POST, a Slack message, or an e-mail over SMTP. Every request
// has a timeout (ALERT_TIMEOUT_SECONDS), so one hanging receiver cannot hold up the others, and HTTP requests go
// only to addresses the policy allows (destination-address-policy.ts). Never throws: the outcome says whether it
// was sent and, if not, why (a status and a short reason, in the language asked for: the admin's for a test alert,
// English in the delivery log of real alerts) and whether trying again could help.
import http, { STATUS_CODES } from "node:http";
import https from "node:https";
import { isIP } from "node:net";
import { createTranslator } from "next-intl";
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "@/lib/env";
import { MESSAGES } from "@/lib/i18n/messages";
import { DEFAULT_LOCALE, FORMAT_LOCALES, type Locale } from "@/lib/shared/i18n/locales";
import { signatureHeaders } from "@/lib/webhooks/verify-signature";
import { emailMessage, slackMessage, webhookBody, type AlertEnvelope } from "./alert-content";
import {
  createGuardedLookup,
  describeRefusedAddress,
  REFUSED_DESTINATION,
  RefusedDestinationError,
  stripBrackets,
  type AddressPolicy,
} from "./destination-address-policy";
import type { DestinationKind } from "@/lib/shared/alerts/alert-view";

export type AlertTarget = { kind: DestinationKind; url: string | null; secret: string | null; emailTo: string[] };

export type SendOutcome =
  | { isSent: true; status: number | null }
  | { isSent: false; status: number | null; error: string; isRetryable: boolean };

const USER_AGENT = "Callboard-Alerts/1.0";
// Statuses worth another try; other 4xx answers mean the request itself is wrong (URL, secret, payload).
const RETRYABLE_STATUSES = new Set([408, 409, 425, 429]);

/** What Callboard's configuration lets alert requests reach. */
export function alertAddressPolicy(): AddressPolicy {
  return { allowPrivate: env.ALERT_ALLOW_PRIVATE_DESTINATIONS, allowLoopback: env.ALERT_ALLOW_LOOPBACK_DESTINATIONS };
}

/** The words of failure reasons in one language (lib/i18n/messages/<language>/alertMessages.json, failure). */
export function failureWords(locale: Locale = DEFAULT_LOCALE) {
  return Object.assign(createTranslator({ locale, messages: MESSAGES[locale], namespace: "alertMessages.failure" }), { locale });
}
export type FailureWords = ReturnType<typeof failureWords>;

/** A delivery whose destination went away (deleted, or disabled) before it was sent: not worth another try. */
export function undeliverable(why: "deleted" | "disabled", t: FailureWords): SendOutcome {
  return { isSent: false, status: null, error: t(why), isRetryable: false };
}

/** The reason of a delivery that failed for the last time after retries. */
export function gaveUpReason(error: string, attempts: number, t: FailureWords): string {
  return t("gaveUp", { reason: error, attempts });
}

/** A short reason for a failed connection: its code, never what the other side said. */
function describeRequestError(error: unknown, timeoutSeconds: number, t: FailureWords): { error: string; isRetryable: boolean } {
  const failure = error as { code?: string; message?: string };
  if (failure.code === REFUSED_DESTINATION) return { error: t("refused", { reason: failure.message ?? "" }), isRetryable: false };
  if (failure.code === TIMED_OUT) return { error: t("timedOut", { seconds: timeoutSeconds }), isRetryable: true };
  return { error: t("unreachable", { code: failure.code ?? t("connectionFailed") }), isRetryable: true };
}

const TIMED_OUT = "ECALLBOARD_TIMED_OUT";

/** Slack's incoming webhooks are on hooks.slack.com over https; ALERT_SLACK_HOSTS can name a compatible server. */
export function isSlackUrl(url: string): boolean {
  const parsed = URL.parse(url);
  return parsed !== null && parsed.protocol === "https:" && env.ALERT_SLACK_HOSTS.includes(parsed.hostname);
}

/**
 * One POST through node:http(s), whose `lookup` hook checks every address a connection is made to (fetch has no
 * such hook without a separate undici). Only the status is read: the answer's body stays unread, so a test alert
 * cannot be used to read what an internal service says.
 */
async function post(url: string, body: string, headers: Record<string, string>, t: FailureWords): Promise<SendOutcome> {
  const timeoutSeconds = env.ALERT_TIMEOUT_SECONDS;
  const target = new URL(url);
  const policy = alertAddressPolicy();
  const host = stripBrackets(target.hostname);
  // Node connects to an IP literal without a lookup, so the hook below never sees it.
  const literalRefusal = isIP(host) !== 0 ? describeRefusedAddress(host, policy) : null;
  if (literalRefusal !== null) return { isSent: false, status: null, ...describeRequestError(new RefusedDestinationError(host, host, literalRefusal), timeoutSeconds, t) };

  const client = target.protocol === "https:" ? https : http;
  return new Promise<SendOutcome>((resolve) => {
    const request = client.request(target, {
      method: "POST",
      headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body), "user-agent": USER_AGENT, ...headers },
      lookup: createGuardedLookup(policy),
      // A connection of its own each time (alerts are few), closed as soon as the status is in.
      agent: false,
    });
    const timer = setTimeout(() => request.destroy(Object.assign(new Error("timed out"), { code: TIMED_OUT })), timeoutSeconds * 1000);
    request.once("response", (response) => {
      clearTimeout(timer);
      response.on("error", () => {});
      request.destroy();
      resolve(outcomeOf(response.statusCode ?? 0, t));
    });
    request.once("error", (error) => {
      clearTimeout(timer);
      resolve({ isSent: false, status: null, ...describeRequestError(error, timeoutSeconds, t) });
    });
    request.end(body);
  });
}

function outcomeOf(status: number, t: FailureWords): SendOutcome {
  const reason = `HTTP ${status}${STATUS_CODES[status] ? ` ${STATUS_CODES[status]}` : ""}`;
  if (status >= 200 && status < 300) return { isSent: true, status };
  // A redirect would turn the POST into a GET somewhere else (and could lead anywhere): it is not followed.
  if (status >= 300 && status < 400) return { isSent: false, status, error: t("redirect", { status: reason }), isRetryable: false };
  return { isSent: false, status, error: reason, isRetryable: status >= 500 || RETRYABLE_STATUSES.has(status) };
}

/** The SMTP transport for a URL: one per process (in the application context), reused by every e-mail. */
export type SmtpTransports = (url: string) => Transporter;

export function createSmtpTransports(): SmtpTransports {
  let cached: { url: string; transport: Transporter } | null = null;
  return (url) => {
    if (cached?.url === url) return cached.transport;
    const timeout = env.ALERT_TIMEOUT_SECONDS * 1000;
    cached = { url, transport: nodemailer.createTransport({ url, connectionTimeout: timeout, greetingTimeout: timeout, socketTimeout: timeout }) };
    return cached.transport;
  };
}

async function sendEmail(target: AlertTarget, envelope: AlertEnvelope, smtp: SmtpTransports, t: FailureWords): Promise<SendOutcome> {
  if (!env.ALERT_SMTP_URL) return { isSent: false, status: null, error: t("emailNotSetUp"), isRetryable: false };
  const message = emailMessage(envelope);
  try {
    const info = (await smtp(env.ALERT_SMTP_URL).sendMail({
      from: env.ALERT_EMAIL_FROM,
      to: target.emailTo,
      subject: message.subject,
      text: message.text,
      html: message.html,
      headers: { "X-Callboard-Alert": envelope.alertId },
    })) as { response?: string; rejected?: unknown[] };
    const status = Number(/^(\d{3})/.exec(info.response ?? "")?.[1]) || null;
    if (info.rejected && info.rejected.length > 0) {
      return { isSent: false, status, error: t("smtpRefused", { recipients: info.rejected.map(String).join(", ") }), isRetryable: false };
    }
    return { isSent: true, status };
  } catch (error) {
    const failure = error as { responseCode?: number; code?: string; message?: string };
    const status = failure.responseCode ?? null;
    // SMTP 5xx replies are permanent (e.g. 550 no such mailbox); 4xx and connection failures are worth a retry.
    const isRetryable = status === null || status < 500;
    return { isSent: false, status, error: `SMTP${status ? ` ${status}` : failure.code ? ` ${failure.code}` : ""}: ${failure.message ?? String(error)}`, isRetryable };
  }
}

/** `t`: the language of the reason when it fails (English unless asked). */
export async function sendAlert(target: AlertTarget, envelope: AlertEnvelope, smtp: SmtpTransports, t: FailureWords = failureWords()): Promise<SendOutcome> {
  switch (target.kind) {
    case "webhook": {
      if (!target.url || !target.secret) return { isSent: false, status: null, error: t("noWebhookUrl"), isRetryable: false };
      const body = webhookBody(envelope);
      // Signed the way Flireo signs Callboard's own webhooks: HMAC-SHA256 over "<timestamp>.<body>".
      return post(target.url, body, { ...signatureHeaders(target.secret, body), "x-callboard-delivery": envelope.deliveryId }, t);
    }
    case "slack":
      if (!target.url) return { isSent: false, status: null, error: t("noSlackUrl"), isRetryable: false };
      // Also for a destination saved before Slack URLs were checked, or while ALERT_SLACK_HOSTS said otherwise.
      if (!isSlackUrl(target.url)) {
        const hosts = new Intl.ListFormat(FORMAT_LOCALES[t.locale], { type: "disjunction" }).format(env.ALERT_SLACK_HOSTS);
        return { isSent: false, status: null, error: t("slackHost", { hosts }), isRetryable: false };
      }
      return post(target.url, JSON.stringify(slackMessage(envelope)), {}, t);
    case "email":
      return sendEmail(target, envelope, smtp, t);
  }
}
