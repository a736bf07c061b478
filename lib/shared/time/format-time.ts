// Times as people read them, always in a named IANA time zone: the browser's on pages (handed to the server in a
// cookie, so the server's render and the browser's agree), DEFAULT_TIMEZONE where no browser is involved (alerts,
// e-mails). Never the process's own zone. In the reader's language (English as written in Britain, Dutch as in the
// Netherlands: both with a 24-hour clock). Safe to import from client components.
import { DEFAULT_LOCALE, FORMAT_LOCALES, type Locale } from "@/lib/shared/i18n/locales";

/** The cookie that carries the browser's time zone to the server (components/ui/time-zone.tsx sets it). */
export const TIME_ZONE_COOKIE = "callboard-tz";

const formats = new Map<string, Intl.DateTimeFormat>();

/** Intl formatters are costly to build and rows are many: one per language, zone and kind. */
function formatter(timeZone: string, kind: string, options: Intl.DateTimeFormatOptions, locale: Locale = DEFAULT_LOCALE): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${kind}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(FORMAT_LOCALES[locale], { hourCycle: "h23", ...options, timeZone });
    formats.set(key, format);
  }
  return format;
}

/** A zone this runtime knows (an IANA name such as Europe/Amsterdam), so it is safe to format with. */
export function isKnownTimeZone(zone: string | null | undefined): zone is string {
  if (!zone || zone.length > 64) return false;
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The zone a request asked for (its cookie), else the fallback. */
export function pickTimeZone(requested: string | null | undefined, fallback: string): string {
  return isKnownTimeZone(requested) ? requested : fallback;
}

const toDate = (at: string | number | Date) => (at instanceof Date ? at : new Date(at));

/** 14:03:12 */
export function formatClock(at: string | number | Date, timeZone: string, locale: Locale = DEFAULT_LOCALE): string {
  return formatter(timeZone, "clock", { hour: "2-digit", minute: "2-digit", second: "2-digit" }, locale).format(toDate(at));
}

/** 14:03 */
export function formatHourMinute(at: string | number | Date, timeZone: string, locale: Locale = DEFAULT_LOCALE): string {
  return formatter(timeZone, "hm", { hour: "2-digit", minute: "2-digit" }, locale).format(toDate(at));
}

/** 14:03:12.345 */
export function formatPreciseClock(at: string | number | Date, timeZone: string, locale: Locale = DEFAULT_LOCALE): string {
  return formatter(timeZone, "precise", { hour: "2-digit", minute: "2-digit", second: "2-digit", fractionalSecondDigits: 3 }, locale).format(toDate(at));
}

/** 27 Nov 2026 */
export function formatDay(at: string | number | Date, timeZone: string, locale: Locale = DEFAULT_LOCALE): string {
  return formatter(timeZone, "day", { dateStyle: "medium" }, locale).format(toDate(at));
}

/** 27 Nov 2026, 14:03 */
export function formatDayTime(at: string | number | Date, timeZone: string, locale: Locale = DEFAULT_LOCALE): string {
  return formatter(timeZone, "day-time", { dateStyle: "medium", timeStyle: "short" }, locale).format(toDate(at));
}

/** 27 Nov 2026, 14:03:12 CET: with the zone, where a time stands alone. */
export function formatDayTimeWithZone(at: string | number | Date, timeZone: string, locale: Locale = DEFAULT_LOCALE): string {
  return formatter(timeZone, "day-time-zone", { dateStyle: "medium", timeStyle: "long" }, locale).format(toDate(at));
}

/** The zone's short name at that instant: CET, CEST, UTC, GMT+3. */
export function timeZoneName(at: string | number | Date, timeZone: string): string {
  const parts = formatter(timeZone, "zone", { timeZoneName: "short" }).formatToParts(toDate(at));
  return parts.find((part) => part.type === "timeZoneName")?.value ?? timeZone;
}

/** The calendar day in the zone, as 2026-11-27: for "is it today there" and for file names. */
export function calendarDay(at: string | number | Date, timeZone: string): string {
  const parts = formatter(timeZone, "calendar", { year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(toDate(at));
  const part = (type: string) => parts.find((each) => each.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")}`;
}

/**
 * 2026-11-27 15:03:12 CET: sortable, and unambiguous for a reader anywhere. In Dutch as Dutch readers write a date
 * with its time and zone: 27 nov 2026, 15:03:12 CET.
 */
export function formatStamp(at: string | number | Date, timeZone: string, locale: Locale = DEFAULT_LOCALE): string {
  if (locale !== "en") return formatDayTimeWithZone(at, timeZone, locale);
  return `${calendarDay(at, timeZone)} ${formatClock(at, timeZone)} ${timeZoneName(at, timeZone)}`;
}

/**
 * The time alone for a time on today's date in the zone; with the day for anything older ("26 Nov 22:35").
 * `today`: now, or its calendar day in the zone (calendarDay), which lets a list re-render once a day only.
 */
export function formatRecent(at: string | null, today: number | string, timeZone: string, locale: Locale = DEFAULT_LOCALE): string {
  if (!at) return "—";
  const day = typeof today === "string" ? today : calendarDay(today, timeZone);
  if (calendarDay(at, timeZone) === day) return formatClock(at, timeZone, locale);
  return `${formatter(timeZone, "day-month", { day: "numeric", month: "short" }, locale).format(toDate(at))} ${formatHourMinute(at, timeZone, locale)}`;
}
