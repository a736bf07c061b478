// Which language a request is answered in: the language this browser chose (its cookie, which sign-in sets from the
// user's stored choice), else the best match for the browser's Accept-Language, else English.
import { match } from "@formatjs/intl-localematcher";
import Negotiator from "negotiator";
import { DEFAULT_LOCALE, isLocale, LOCALES, type Locale } from "@/lib/shared/i18n/locales";

/** The best of Callboard's languages for an Accept-Language header (nl-BE and nl both mean Dutch), else English. */
export function localeFromAcceptLanguage(acceptLanguage: string | null | undefined): Locale {
  if (!acceptLanguage) return DEFAULT_LOCALE;
  // Negotiator orders by q-value and drops q=0; the matcher maps regional and unusual tags onto ours.
  const requested = new Negotiator({ headers: { "accept-language": acceptLanguage.slice(0, 512) } }).languages().filter((tag) => tag !== "*");
  try {
    const best = match(requested, LOCALES, DEFAULT_LOCALE, { algorithm: "best fit" });
    return isLocale(best) ? best : DEFAULT_LOCALE;
  } catch {
    // A malformed tag (the header is the browser's, or anyone's): the language falls back, the page still renders.
    return DEFAULT_LOCALE;
  }
}

export function pickLocale(chosen: string | null | undefined, acceptLanguage: string | null | undefined): Locale {
  return isLocale(chosen) ? chosen : localeFromAcceptLanguage(acceptLanguage);
}
