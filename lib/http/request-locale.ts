// The language a route handler answers a request's errors in: the same choice as a page's (lib/i18n/pick-locale.ts),
// read from the request's own headers: its callboard-locale cookie, else its Accept-Language.
import { pickLocale } from "@/lib/i18n/pick-locale";
import { LOCALE_COOKIE, type Locale } from "@/lib/shared/i18n/locales";

function readCookie(cookieHeader: string | null, name: string): string | null {
  for (const part of (cookieHeader ?? "").split(";")) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return value.join("=");
  }
  return null;
}

export function requestLocale(headers: Headers): Locale {
  return pickLocale(readCookie(headers.get("cookie"), LOCALE_COOKIE), headers.get("accept-language"));
}
