// Sends one alert to one destination: a signed JSON POST, a Slack message, or an e-mail over SMTP. Every request
// has a timeout (ALERT_TIMEOUT_SECONDS), so one hanging receiver cannot hold up the others. Never throws: the
// outcome says whether it was sent and, if not, why and whether trying again could help.
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "@/lib/env";
import { signatureHeaders } from "@/lib/webhooks/verify-signature";
import { emailMessage, slackMessage, webhookBody, type AlertEnvelope } from "./alert-content";
import type { DestinationKind } from "@/lib/shared/alerts/alert-view";

export type AlertTarget = { kind: DestinationKind; url: string | null; secret: string | null; emailTo: string[] };

export type SendOutcome =
  | { isSent: true; status: number | null }
  | { isSent: false; status: number | null; error: string; isRetryable: boolean };

const USER_AGENT = "Callboard-Alerts/1.0";
// Statuses worth another try; other 4xx answers mean the request itself is wrong (URL, secret, payload).
const RETRYABLE_STATUSES = new Set([408, 409, 425, 429]);

async function readSnippet(response: Response): Promise<string> {
  const text = await response.text().catch(() => "");
  const snippet = text.replace(/\s+/g, " ").trim().slice(0, 200);
  return snippet ? `: ${snippet}` : "";
}

function describeFetchError(error: unknown, timeoutSeconds: number): string {
  const failure = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (failure.name === "TimeoutError" || failure.name === "AbortError") return `No answer within ${timeoutSeconds} s (timed out).`;
  const cause = failure.cause?.code ?? failure.cause?.message;
  return `Could not reach the receiver${cause ? ` (${cause})` : ""}: ${failure.message ?? String(error)}`;
}

async function post(url: string, body: string, headers: Record<string, string>): Promise<SendOutcome> {
  const timeoutSeconds = env.ALERT_TIMEOUT_SECONDS;
  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", "user-agent": USER_AGENT, ...headers },
      body,
      // A redirect would turn the POST into a GET somewhere else; ask for the final URL instead.
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutSeconds * 1000),
    });
  } catch (error) {
    return { isSent: false, status: null, error: describeFetchError(error, timeoutSeconds), isRetryable: true };
  }
  if (response.status >= 200 && response.status < 300) {
    await response.body?.cancel().catch(() => {});
    return { isSent: true, status: response.status };
  }
  if (response.status >= 300 && response.status < 400) {
    await response.body?.cancel().catch(() => {});
    const location = response.headers.get("location");
    return { isSent: false, status: response.status, error: `HTTP ${response.status}: redirected${location ? ` to ${location}` : ""}; enter the final URL.`, isRetryable: false };
  }
  const isRetryable = response.status >= 500 || RETRYABLE_STATUSES.has(response.status);
  return { isSent: false, status: response.status, error: `HTTP ${response.status}${await readSnippet(response)}`, isRetryable };
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
      return post(target.url, JSON.stringify(slackMessage(envelope)), {});
    case "email":
      return sendEmail(target, envelope, smtp);
  }
}
