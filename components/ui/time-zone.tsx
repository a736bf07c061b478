"use client";
// The reader's time zone for every time on the page. The server renders in the zone the request's cookie named
// (else DEFAULT_TIMEZONE); hydration uses that same zone, so the markup matches; right after, the page switches to
// the browser's zone if it differs and remembers it in the cookie for the next render.
import { useLocale } from "next-intl";
import { createContext, useContext, useEffect, useSyncExternalStore, type ReactNode } from "react";
import type { Locale } from "@/lib/shared/i18n/locales";
import { formatDay, formatDayTime, formatDayTimeWithZone, formatPreciseClock, formatRecent, formatClock, isKnownTimeZone, TIME_ZONE_COOKIE } from "@/lib/shared/time/format-time";

const RenderedZone = createContext("UTC");

function browserTimeZone(): string | null {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return isKnownTimeZone(zone) ? zone : null;
}

const neverChanges = () => () => {};

export function TimeZoneProvider({ timeZone, children }: { timeZone: string; children: ReactNode }) {
  const browserZone = useSyncExternalStore(neverChanges, browserTimeZone, () => null);
  useEffect(() => {
    if (browserZone && browserZone !== timeZone) {
      document.cookie = `${TIME_ZONE_COOKIE}=${encodeURIComponent(browserZone)}; path=/; max-age=31536000; samesite=lax`;
    }
  }, [browserZone, timeZone]);
  return <RenderedZone.Provider value={browserZone ?? timeZone}>{children}</RenderedZone.Provider>;
}

/** The zone times on this page are shown in. */
export function useTimeZone(): string {
  return useContext(RenderedZone);
}

const FORMATS = {
  clock: (iso: string, zone: string, locale: Locale) => formatClock(iso, zone, locale),
  precise: (iso: string, zone: string, locale: Locale) => formatPreciseClock(iso, zone, locale),
  day: (iso: string, zone: string, locale: Locale) => formatDay(iso, zone, locale),
  "day-time": (iso: string, zone: string, locale: Locale) => formatDayTime(iso, zone, locale),
  "day-time-zone": (iso: string, zone: string, locale: Locale) => formatDayTimeWithZone(iso, zone, locale),
  recent: (iso: string, zone: string, locale: Locale) => formatRecent(iso, Date.now(), zone, locale),
} as const;

export type TimeFormat = keyof typeof FORMATS;

/** One instant in the reader's zone and language, as a <time> element; server pages use it so their times match the board's. */
export function LocalTime({ iso, format, className, testId, empty = "—" }: { iso: string | null; format: TimeFormat; className?: string; testId?: string; empty?: string }) {
  const zone = useTimeZone();
  const locale = useLocale();
  if (!iso) return <span className={className} data-testid={testId}>{empty}</span>;
  return (
    <time dateTime={iso} className={className} data-testid={testId} suppressHydrationWarning={format === "recent"}>
      {FORMATS[format](iso, zone, locale)}
    </time>
  );
}
