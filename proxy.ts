// Runs before every page and API route (not the Flireo webhook or static files, see `config`): a per-request CSP,
// cross-site mutation refusal, sign-in (an API token on /api/v1), admin-only paths, and a wallboard link's language
// for its wall. Routes added later are covered without changes.
import { NextResponse, type NextRequest } from "next/server";
import { isAdminPath, isApiPath, isApiTokenPath, isPublicPath, isWallPath, isWebhookPath } from "@/lib/auth/access-policy";
import { verifyApiTokenGuarded } from "@/lib/api-tokens/authenticate-api-request";
import { appContext } from "@/lib/context/current";
import { isSameOriginRequest } from "@/lib/auth/same-origin";
import { adminPageOnly, crossSiteRefused, signInRequired, signInUnavailable, wallboardOnly } from "@/lib/auth/access-refusals";
import { getSessionUser, type SessionUser } from "@/lib/context/session";
import { env } from "@/lib/env";
import { ApiError, errorBody } from "@/lib/http/api-error";
import { buildContentSecurityPolicy, createNonce, STATIC_SECURITY_HEADERS } from "@/lib/http/security-headers";
import { refusalPage } from "@/lib/http/refusal-page";
import { requestLocale } from "@/lib/http/request-locale";
import { isMetricsTokenValid } from "@/lib/auth/metrics-token";
import { isDatabaseReachable } from "@/lib/db/is-database-reachable";
import { isDatabaseUnavailable } from "@/lib/db/is-database-unavailable";
import { readWallboardCookie, WALLBOARD_COOKIE } from "@/lib/wallboards/wallboard-secret";
import { verifyWallboardToken } from "@/lib/wallboards/verify-wallboard";
import { WALLBOARD_TOKEN_PARAM } from "@/lib/shared/wallboards/wallboard-view";
import type { Locale } from "@/lib/shared/i18n/locales";
import { INTERNAL_HEADER_PREFIX, WALL_LOCALE_HEADER } from "@/lib/i18n/wall-locale-header";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** A request let through; from a wallboard link, with the language its wall is shown in. */
type Admitted = { wallLocale: Locale | null };
const ADMITTED: Admitted = { wallLocale: null };

function isHttps(request: NextRequest): boolean {
  return env.PUBLIC_BASE_URL?.startsWith("https://") ?? request.nextUrl.protocol === "https:";
}

function refuse(request: NextRequest, error: ApiError): NextResponse {
  const locale = requestLocale(request.headers);
  if (isApiPath(request.nextUrl.pathname) || !SAFE_METHODS.has(request.method)) {
    return NextResponse.json(errorBody(error, locale), { status: error.status, headers: { "cache-control": "no-store", ...error.headers } });
  }
  if (error.code === "unauthorized") {
    const login = new URL("/login", request.url);
    login.searchParams.set("next", `${request.nextUrl.pathname}${request.nextUrl.search}`);
    return NextResponse.redirect(login, 303);
  }
  return new NextResponse(refusalPage(error.status, errorBody(error, locale).error.message, locale), { status: error.status, headers: { "content-type": "text/html; charset=utf-8", ...error.headers } });
}

/** Sessions and API tokens live in Postgres: while it is down nobody can be checked, a 503 to retry, not a bug. */
async function toUnavailable(error: unknown): Promise<ApiError> {
  if (isDatabaseUnavailable(error) || !(await isDatabaseReachable(appContext().prisma))) {
    return signInUnavailable();
  }
  throw error;
}

/** /api/v1: an API token or nothing (the handlers check it again, and rate-limit it). */
async function checkApiToken(request: NextRequest): Promise<ApiError | null> {
  try {
    const { prisma, limits } = appContext();
    // server.ts pinned the one trustworthy client address (lib/http/client-address.ts).
    const address = request.headers.get("x-forwarded-for") ?? "unknown";
    await verifyApiTokenGuarded(request.headers.get("authorization"), address, { prisma, failures: limits.apiTokenFailures });
    return null;
  } catch (error) {
    return error instanceof ApiError ? error : toUnavailable(error);
  }
}

/**
 * A request without a session may still carry a wallboard link's cookie: it opens the wall and its API, and every
 * other page and API answers 403 (not a sign-in page: a TV has nobody to sign in).
 */
async function checkWallboard(request: NextRequest): Promise<ApiError | Admitted> {
  const token = readWallboardCookie(request.headers.get("cookie"));
  if (token === null) return signInRequired();
  let wallLocale: Locale;
  try {
    ({ locale: wallLocale } = await verifyWallboardToken(token, appContext().prisma));
  } catch (error) {
    return error instanceof ApiError ? error : toUnavailable(error);
  }
  if (isWallPath(request.nextUrl.pathname)) return { wallLocale };
  return wallboardOnly();
}

/**
 * The first visit of a wallboard link (`/wall?wallboard=cb_wall_…`): the secret goes into an httpOnly cookie and the
 * screen is sent on to the same wall without it, so the address bar on the TV does not show it and the page's own
 * requests and socket carry it. A refused link gets its 403 here.
 */
async function acceptWallboardLink(request: NextRequest, token: string): Promise<NextResponse> {
  let expiresAt: Date | null;
  try {
    expiresAt = (await verifyWallboardToken(token, appContext().prisma)).expiresAt;
  } catch (error) {
    return refuse(request, error instanceof ApiError ? error : await toUnavailable(error));
  }
  const target = new URL(request.nextUrl.pathname, request.url);
  for (const [name, value] of request.nextUrl.searchParams) if (name !== WALLBOARD_TOKEN_PARAM) target.searchParams.append(name, value);
  const response = NextResponse.redirect(target, 303);
  // 400 days is the longest a browser keeps a cookie; a link's expiry, when sooner, ends it with the link.
  const maxAge = expiresAt ? Math.max(1, Math.floor((expiresAt.getTime() - Date.now()) / 1000)) : 400 * 24 * 60 * 60;
  response.cookies.set(WALLBOARD_COOKIE, token, { httpOnly: true, sameSite: "lax", secure: isHttps(request), path: "/", maxAge });
  response.headers.set("cache-control", "no-store");
  return response;
}

async function checkAccess(request: NextRequest): Promise<ApiError | Admitted> {
  const { pathname } = request.nextUrl;
  if (!SAFE_METHODS.has(request.method) && !isSameOriginRequest(request.headers)) {
    return crossSiteRefused();
  }
  if (isPublicPath(pathname)) return ADMITTED;
  if (isApiTokenPath(pathname)) return (await checkApiToken(request)) ?? ADMITTED;
  if (pathname === "/api/metrics" && isMetricsTokenValid(request.headers.get("authorization"))) return ADMITTED;
  let user: SessionUser | null;
  try {
    user = await getSessionUser(request.headers);
  } catch (error) {
    return toUnavailable(error);
  }
  if (!user) return checkWallboard(request);
  if (isAdminPath(pathname) && user.role !== "admin") return adminPageOnly();
  return ADMITTED;
}

/**
 * The request as the page and route handlers see it: the nonce and CSP, and this proxy's own x-callboard-internal-* headers,
 * which only it may set: any a client sent are removed first, so none can choose, say, a wall's language.
 */
function forwardedHeaders(request: NextRequest, nonce: string, csp: string, admitted: Admitted): Headers {
  const requestHeaders = new Headers(request.headers);
  for (const name of [...requestHeaders.keys()]) if (name.startsWith(INTERNAL_HEADER_PREFIX)) requestHeaders.delete(name);
  // Next.js reads the nonce from the request's CSP header and puts it on the scripts it renders.
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", csp);
  if (admitted.wallLocale) requestHeaders.set(WALL_LOCALE_HEADER, admitted.wallLocale);
  return requestHeaders;
}

export async function proxy(request: NextRequest): Promise<NextResponse> {
  // The matcher already skips the webhook; this keeps it open should the matcher ever change.
  if (isWebhookPath(request.nextUrl.pathname)) return NextResponse.next();

  const nonce = createNonce();
  const csp = buildContentSecurityPolicy(nonce, { isDev: env.NODE_ENV === "development", isHttps: isHttps(request) });

  const wallboardToken = request.nextUrl.searchParams.get(WALLBOARD_TOKEN_PARAM);
  const isLinkVisit = wallboardToken !== null && request.nextUrl.pathname === "/wall" && SAFE_METHODS.has(request.method);
  const access = isLinkVisit ? ADMITTED : await checkAccess(request);
  let response: NextResponse;
  if (isLinkVisit) {
    response = await acceptWallboardLink(request, wallboardToken);
  } else if (access instanceof ApiError) {
    response = refuse(request, access);
  } else {
    response = NextResponse.next({ request: { headers: forwardedHeaders(request, nonce, csp, access) } });
  }
  response.headers.set("Content-Security-Policy", csp);
  for (const [name, value] of Object.entries(STATIC_SECURITY_HEADERS)) response.headers.set(name, value);
  if (isHttps(request)) response.headers.set("Strict-Transport-Security", "max-age=31536000");
  return response;
}

export const config = {
  // Everything but Flireo's webhook (its own signature auth; its hot path skips the proxy) and static files.
  matcher: ["/((?!api/webhooks/flireo/?$|_next/static/|_next/image|favicon\\.ico$).*)"],
};
