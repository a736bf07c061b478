// Which paths need what, in one place, so that routes added later are protected without touching them.

/** Flireo's webhook authenticates itself with a signature; proxy.ts's matcher skips it entirely. */
export const WEBHOOK_PATH = "/api/webhooks/flireo";

const PUBLIC_PATHS = ["/login", "/setup", "/api/health"];
const PUBLIC_PREFIXES = ["/api/auth/"];
const ADMIN_PREFIXES = ["/webhooks", "/settings", "/api/webhooks/", "/api/flireo/", "/api/users", "/api/alerts", "/api/calls/commands", "/api/wallboards"];

/** What a wallboard link may open: the wall and the API it loads its lists and figures from. Nothing else. */
const WALL_PREFIXES = ["/wall", "/api/wall"];

/**
 * The read API authenticates with API tokens (`Authorization: Bearer cb_live_…`), never with a session cookie: a
 * signed-in browser is not an integration, and a cookie-authenticated GET could be made by any page the admin visits.
 * Its OpenAPI document is public: it is documentation and holds no data.
 */
const API_TOKEN_PREFIX = "/api/v1";
const API_TOKEN_PUBLIC_PATHS = ["/api/v1/openapi.json"];
/** Admins make and revoke API tokens here (the page is under /settings). */
const API_TOKEN_ADMIN_PREFIXES = ["/api/api-tokens"];

function isUnder(pathname: string, prefix: string): boolean {
  const base = prefix.endsWith("/") ? prefix.slice(0, -1) : prefix;
  return pathname === base || pathname.startsWith(`${base}/`);
}

export function isWebhookPath(pathname: string): boolean {
  return pathname === WEBHOOK_PATH || pathname === `${WEBHOOK_PATH}/`;
}

export function isPublicPath(pathname: string): boolean {
  return (
    isWebhookPath(pathname) ||
    PUBLIC_PATHS.some((path) => isUnder(pathname, path)) ||
    PUBLIC_PREFIXES.some((prefix) => pathname.startsWith(prefix)) ||
    API_TOKEN_PUBLIC_PATHS.includes(pathname)
  );
}

export function isAdminPath(pathname: string): boolean {
  return !isWebhookPath(pathname) && [...ADMIN_PREFIXES, ...API_TOKEN_ADMIN_PREFIXES].some((prefix) => isUnder(pathname, prefix));
}

/** The wall's page and API: open to signed-in users and to wallboard links alike (/wallboards is not under it). */
export function isWallPath(pathname: string): boolean {
  return WALL_PREFIXES.some((prefix) => isUnder(pathname, prefix));
}

/** Paths that take an API token instead of a session (check isPublicPath first). */
export function isApiTokenPath(pathname: string): boolean {
  return isUnder(pathname, API_TOKEN_PREFIX);
}

export function isApiPath(pathname: string): boolean {
  return isUnder(pathname, "/api");
}

const PARSE_BASE = "http://callboard.invalid";

/**
 * Only a path on this site may follow sign-in. Prefix checks miss what a browser makes of the rest: it drops tabs
 * and newlines (`/<TAB>/evil.example` is `//evil.example`) and reads `\` as `/`. So the value is parsed against an
 * origin of our own as the browser would, must stay on it, may hold no control characters or backslashes, and what
 * is returned is the parsed path (with query and fragment), never the raw text.
 */
export function toSafeNextPath(value: string | null | undefined): string {
  if (!value || !value.startsWith("/") || /[\u0000-\u001f\u007f\\]/.test(value)) return "/";
  const parsed = URL.parse(value, PARSE_BASE);
  if (parsed === null || parsed.origin !== PARSE_BASE) return "/";
  return `${parsed.pathname}${parsed.search}${parsed.hash}`;
}
