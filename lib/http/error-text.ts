// The words of an error people read, as a message key and values (lib/i18n/messages/<language>/errors.json), so the
// answer can be given in the request's language where the request is known (errorBody, actionError). English is the
// default: an ApiError's `message` is its English text, the same words Callboard has always answered with.
import { createTranslator } from "next-intl";
import type { MessageKeys, NestedKeyOf } from "next-intl";
import { MESSAGES, type Messages } from "@/lib/i18n/messages";
import { DEFAULT_LOCALE, isLocale, type Locale } from "@/lib/shared/i18n/locales";

export type ErrorKey = MessageKeys<Messages["errors"], NestedKeyOf<Messages["errors"]>>;

/** A value is inserted as is (an id, an email, a number), or is itself a message (a field's name), or a list of them. */
export type ErrorValue = string | number | ErrorText | readonly ErrorText[];

export type ErrorText = {
  key: ErrorKey;
  values?: Readonly<Record<string, ErrorValue>>;
  /**
   * The English words when they are not the key's own: a schema's or Better Auth's message, answered to English
   * readers exactly as before, while other languages get the key's words.
   */
  english?: string;
};

type Translate = (key: string, values?: Record<string, string | number>) => string;

const translators = new Map<Locale, Translate>();

function translatorIn(locale: Locale): Translate {
  let translate = translators.get(locale);
  if (!translate) {
    // The keys and values are checked where an ErrorText is written (ErrorKey); here they are only passed on.
    translate = createTranslator({ locale, messages: MESSAGES[locale], namespace: "errors" }) as unknown as Translate;
    translators.set(locale, translate);
  }
  return translate;
}

function isErrorText(value: ErrorValue): value is ErrorText {
  return typeof value === "object" && !Array.isArray(value);
}

function renderValue(value: ErrorValue, locale: Locale): string | number {
  if (typeof value === "string" || typeof value === "number") return value;
  if (isErrorText(value)) return translateError(value, locale);
  // Problems listed in one message ("Name is required; URL must be …"): the separator reads the same in both languages.
  return value.map((item) => translateError(item, locale)).join("; ");
}

/** The error's words in `locale` (any string: one Callboard does not speak gets English). */
export function translateError(text: ErrorText, locale: string = DEFAULT_LOCALE): string {
  const language = isLocale(locale) ? locale : DEFAULT_LOCALE;
  if (language === DEFAULT_LOCALE && text.english !== undefined) return text.english;
  const values = Object.fromEntries(Object.entries(text.values ?? {}).map(([name, value]) => [name, renderValue(value, language)]));
  return translatorIn(language)(text.key, values);
}

/**
 * Writes the errors namespace's messages where an error is thrown, for translation later:
 * `const t = translatorFor("errors"); throw new ApiError("forbidden", t("auth.adminOnly"))`.
 */
export function translatorFor(namespace: "errors") {
  void namespace;
  return (key: ErrorKey, values?: ErrorText["values"], english?: string): ErrorText => ({ key, ...(values ? { values } : {}), ...(english === undefined ? {} : { english }) });
}
