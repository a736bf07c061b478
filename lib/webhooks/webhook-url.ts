// The webhook URL to give Flireo: PUBLIC_BASE_URL when set, else the address this request came in on.
import { env } from "@/lib/env";
import type { WebhookUrlWarning } from "@/lib/shared/flireo/flireo-view";

export const WEBHOOK_PATH = "/api/webhooks/flireo";

/** `warnings` in English words (logs, the CLI); `problems` the same for the page, which words them in its language. */
export type WebhookUrl = { url: string; source: "PUBLIC_BASE_URL" | "request"; warnings: string[]; problems: WebhookUrlWarning[] };

const LOCAL_HOSTS = /^(localhost|.*\.localhost|127(\.\d+){3}|\[::1\]|0\.0\.0\.0|\[::\]|.*\.local)$/i;

/** The origin a request was made to, as the browser saw it (a proxy in front may say so in X-Forwarded-*). */
export function readRequestOrigin(headers: Headers, fallbackUrl?: string): string | null {
  const host = headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host");
  if (!host) return fallbackUrl ? new URL(fallbackUrl).origin : null;
  const proto = headers.get("x-forwarded-proto")?.split(",")[0]?.trim() || (fallbackUrl ? new URL(fallbackUrl).protocol.replace(":", "") : "http");
  return `${proto}://${host}`;
}

export function resolveWebhookUrl(requestOrigin: string | null, publicBaseUrl: string | undefined = env.PUBLIC_BASE_URL): WebhookUrl {
  const base = (publicBaseUrl ?? requestOrigin ?? `http://localhost:${env.PORT}`).replace(/\/+$/, "");
  const url = new URL(`${base}${WEBHOOK_PATH}`);
  const warnings: string[] = [];
  const problems: WebhookUrlWarning[] = [];
  if (LOCAL_HOSTS.test(url.hostname)) {
    problems.push({ kind: "local-host", host: url.hostname });
    warnings.push(
      `${url.hostname} is only reachable from this machine, so Flireo cannot deliver to it. Expose Callboard through a tunnel (e.g. cloudflared or ngrok) and set PUBLIC_BASE_URL to its address.`,
    );
  }
  if (url.protocol === "http:") {
    problems.push({ kind: "plain-http" });
    warnings.push("This is plain http: webhooks, with callers' numbers, would travel unencrypted. Serve Callboard over https.");
  }
  return { url: url.toString(), source: publicBaseUrl ? "PUBLIC_BASE_URL" : "request", warnings, problems };
}

/** Two webhook URLs name the same endpoint (a trailing slash or letter case in the host does not matter). */
export function isSameWebhookUrl(a: string | null | undefined, b: string): boolean {
  if (!a) return false;
  try {
    const left = new URL(a);
    const right = new URL(b);
    return left.origin === right.origin && left.pathname.replace(/\/+$/, "") === right.pathname.replace(/\/+$/, "");
  } catch {
    return false;
  }
}
