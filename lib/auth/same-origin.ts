// Cross-site request checks shared by proxy.ts and Better Auth: a mutation must come from a page of this Callboard.
import { env } from "@/lib/env";

/** The origins a same-site browser request to this host can carry: the Host header's, either scheme, and PUBLIC_BASE_URL. */
export function trustedOriginsFor(headers: Headers | undefined): string[] {
  const origins = env.PUBLIC_BASE_URL ? [new URL(env.PUBLIC_BASE_URL).origin] : [];
  // Behind a trusted reverse proxy the browser's host may be in X-Forwarded-Host instead of Host.
  const hosts = [headers?.get("host"), env.TRUST_PROXY ? headers?.get("x-forwarded-host") : null];
  for (const host of hosts) if (host) origins.push(`http://${host}`, `https://${host}`);
  return origins;
}

/**
 * True unless the browser says the request comes from another site. Browsers send Sec-Fetch-Site and Origin with
 * every cross-site POST; a request with neither comes from a non-browser client (curl, a script), which cannot
 * carry a victim's cookies, so it is not a CSRF risk.
 */
export function isSameOriginRequest(headers: Headers): boolean {
  const fetchSite = headers.get("sec-fetch-site");
  if (fetchSite && fetchSite !== "same-origin" && fetchSite !== "none") return false;
  const origin = headers.get("origin");
  if (origin === null) return true;
  return trustedOriginsFor(headers).includes(origin);
}
