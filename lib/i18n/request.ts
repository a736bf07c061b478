// next-intl's per-request configuration (next.config.ts names this file): the request's language (a wallboard link's
// own on its wall, else lib/i18n/pick-locale.ts), its messages, and the time zone server-rendered times use: the
// browser's, from its cookie, else DEFAULT_TIMEZONE (components/ui/time-zone.tsx).
import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { env } from "@/lib/env";
import { isLocale, LOCALE_COOKIE } from "@/lib/shared/i18n/locales";
import { pickTimeZone, TIME_ZONE_COOKIE } from "@/lib/shared/time/format-time";
import { MESSAGES } from "./messages";
import { pickLocale } from "./pick-locale";
import { WALL_LOCALE_HEADER } from "./wall-locale-header";

export default getRequestConfig(async () => {
  const [cookieStore, headerList] = await Promise.all([cookies(), headers()]);
  // Set by proxy.ts only for a verified wallboard link's screen (it removes any a client sent); the paths it does not
  // run for (Flireo's webhook, static files) render nothing in a language.
  const wallLocale = headerList.get(WALL_LOCALE_HEADER);
  const locale = isLocale(wallLocale) ? wallLocale : pickLocale(cookieStore.get(LOCALE_COOKIE)?.value, headerList.get("accept-language"));
  return {
    locale,
    messages: MESSAGES[locale],
    timeZone: pickTimeZone(cookieStore.get(TIME_ZONE_COOKIE)?.value, env.DEFAULT_TIMEZONE),
  };
});
