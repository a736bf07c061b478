// next-intl's per-request configuration (next.config.ts names this file): the request's language (lib/i18n/
// pick-locale.ts), its messages, and the time zone server-rendered times use: the browser's, from its cookie, else
// DEFAULT_TIMEZONE (components/ui/time-zone.tsx).
import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { env } from "@/lib/env";
import { LOCALE_COOKIE } from "@/lib/shared/i18n/locales";
import { pickTimeZone, TIME_ZONE_COOKIE } from "@/lib/shared/time/format-time";
import { MESSAGES } from "./messages";
import { pickLocale } from "./pick-locale";

export default getRequestConfig(async () => {
  const [cookieStore, headerList] = await Promise.all([cookies(), headers()]);
  const locale = pickLocale(cookieStore.get(LOCALE_COOKIE)?.value, headerList.get("accept-language"));
  return {
    locale,
    messages: MESSAGES[locale],
    timeZone: pickTimeZone(cookieStore.get(TIME_ZONE_COOKIE)?.value, env.DEFAULT_TIMEZONE),
  };
});
