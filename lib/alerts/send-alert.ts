// Sends one alert to one destination: a signed JSON POST, a Slack message, or an e-mail over SMTP. Every request
// has a timeout (ALERT_TIMEOUT_SECONDS), so one hanging receiver cannot hold up the others, and HTTP requests go
// only to addresses the policy allows (destination-address-policy.ts). Never throws: the outcome says whether it
// was sent and, if not, why (a status and a short reason) and whether trying again could help.
import http, { STATUS_CODES } from "node:http";
import https from "node:https";
import { isIP } from "node:net";
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "@/lib/env";
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

/** A short reason for a failed connection: its code, never what the other side said. */
function describeRequestError(error: unknown, timeoutSeconds: number): { error: string; isRetryable: boolean } {
  const failure = error as { code?: string; message?: string };
  if (failure.code === REFUSED_DESTINATION) return { error: `Refused: ${failure.message}; alerts may not go there.`, isRetryable: false };
  if (failure.code === TIMED_OUT) return { error: `No answer within ${timeoutSeconds} s (timed out).`, isRetryable: true };
  return { error: `Could not reach the receiver (${failure.code ?? "connection failed"}).`, isRetryable: true };
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
async function post(url: string, body: string, headers: Record<string, string>): Promise<SendOutcome> {
  const timeoutSeconds = env.ALERT_TIMEOUT_SECONDS;
  const target = new URL(url);
  const policy = alertAddressPolicy();
  const host = stripBrackets(target.hostname);
  // Node connects to an IP literal without a lookup, so the hook below never sees it.
  const literalRefusal = isIP(host) !== 0 ? describeRefusedAddress(host, policy) : null;
  if (literalRefusal !== null) return { isSent: false, status: null, ...describeRequestError(new RefusedDestinationError(host, host, literalRefusal), timeoutSeconds) };

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
      resolve(outcomeOf(response.statusCode ?? 0));
    });
    request.once("error", (error) => {
      clearTimeout(timer);
      resolve({ isSent: false, status: null, ...describeRequestError(error, timeoutSeconds) });
    });
    request.end(body);
  });
}

function outcomeOf(status: number): SendOutcome {
  const reason = `HTTP ${status}${STATUS_CODES[status] ? ` ${STATUS_CODES[status]}` : ""}`;
  if (status >= 200 && status < 300) return { isSent: true, status };
  // A redirect would turn the POST into a GET somewhere else (and could lead anywhere): it is not followed.
  if (status >= 300 && status < 400) return { isSent: false, status, error: `${reason}: redirects are not followed; enter the final URL.`, isRetryable: false };
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

async function sendEmail(target: AlertTarget, envelope: AlertEnvelope, smtp: SmtpTransports): Promise<SendOutcome> {
  if (!env.ALERT_SMTP_URL) {
    return { isSent: false, status: null, error: "E-mail is not set up on this server: set ALERT_SMTP_URL (and ALERT_EMAIL_FROM) and restart.", isRetryable: false };
  }
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
      return { isSent: false, status, error: `The SMTP server refused ${info.rejected.map(String).join(", ")}.`, isRetryable: false };
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

export async function sendAlert(target: AlertTarget, envelope: AlertEnvelope, smtp: SmtpTransports): Promise<SendOutcome> {
  switch (target.kind) {
    case "webhook": {
      if (!target.url || !target.secret) return { isSent: false, status: null, error: "The webhook destination has no URL or secret.", isRetryable: false };
      const body = webhookBody(envelope);
      // Signed the way Flireo signs Callboard's own webhooks: HMAC-SHA256 over "<timestamp>.<body>".
      return post(target.url, body, { ...signatureHeaders(target.secret, body), "x-callboard-delivery": envelope.deliveryId });
    }
    case "slack":
      if (!target.url) return { isSent: false, status: null, error: "The Slack destination has no URL.", isRetryable: false };
      // Also for a destination saved before Slack URLs were checked, or while ALERT_SLACK_HOSTS said otherwise.
      if (!isSlackUrl(target.url)) return { isSent: false, status: null, error: `Refused: a Slack destination must be an https:// URL on ${env.ALERT_SLACK_HOSTS.join(" or ")}.`, isRetryable: false };
      return post(target.url, JSON.stringify(slackMessage(envelope)), {});
    case "email":
      return sendEmail(target, envelope, smtp);
  }
}
