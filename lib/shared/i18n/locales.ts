// The languages Callboard speaks, for both sides: the server picks one per request (lib/i18n/pick-locale.ts), the
// header's switch changes it. Safe to import from client components.

export const LOCALES = ["en", "nl"] as const;
export type Locale = (typeof LOCALES)[number];

export const DEFAULT_LOCALE: Locale = "en";

/** The cookie that remembers the chosen language in this browser (set by the header's switch and at sign-in). */
export const LOCALE_COOKIE = "callboard-locale";

/** Each language's own name, as its speakers write it: what the switch shows. */
export const LOCALE_NAMES: Record<Locale, string> = { en: "English", nl: "Nederlands" };

/**
 * The Intl locale dates and numbers are formatted in: English as written in Britain (24-hour clock, day before month,
 * as Callboard has always shown times), Dutch as written in the Netherlands (6 dec 2026, 14:03, decimal comma).
 */
export const FORMAT_LOCALES: Record<Locale, string> = { en: "en-GB", nl: "nl-NL" };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** A stored language (the database's CHECK allows only ours), typed; English should it ever be something else. */
export function toLocale(value: string): Locale {
  return isLocale(value) ? value : DEFAULT_LOCALE;
}
