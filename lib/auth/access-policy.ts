// Which paths need what, in one place, so that routes added later are protected without touching them.

/** Flireo's webhook authenticates itself with a signature; proxy.ts's matcher skips it entirely. */
export const WEBHOOK_PATH = "/api/webhooks/flireo";

const PUBLIC_PATHS = ["/login", "/setup", "/api/health"];
const PUBLIC_PREFIXES = ["/api/auth/"];
const ADMIN_PREFIXES = ["/webhooks", "/settings", "/api/webhooks/", "/api/flireo/", "/api/users", "/api/alerts"];

function isUnder(pathname: string, prefix: string): boolean {
  const base = prefix.endsWith("/") ? prefix.slice(0, -1) : prefix;
  return pathname === base || pathname.startsWith(`${base}/`);
}

export function isWebhookPath(pathname: string): boolean {
  return pathname === WEBHOOK_PATH || pathname === `${WEBHOOK_PATH}/`;
}

export function isPublicPath(pathname: string): boolean {
  return isWebhookPath(pathname) || PUBLIC_PATHS.some((path) => isUnder(pathname, path)) || PUBLIC_PREFIXES.some((prefix) => pathname.startsWith(prefix));
}

export function isAdminPath(pathname: string): boolean {
  return !isWebhookPath(pathname) && ADMIN_PREFIXES.some((prefix) => isUnder(pathname, prefix));
}

export function isApiPath(pathname: string): boolean {
  return isUnder(pathname, "/api");
}

/** Only a same-site path may follow sign-in: no `//host`, no `/\host`, no scheme. */
export function toSafeNextPath(value: string | null | undefined): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/";
  return value;
}
