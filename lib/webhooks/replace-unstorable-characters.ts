// Postgres text and jsonb cannot hold U+0000 or unpaired UTF-16 surrogates, both of which valid JSON can carry
// ("\u0000", "\ud800"). Refusing such an event would lose it, so they become U+FFFD, the replacement character,
// in keys and values alike, before the event is parsed or stored.

const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** The text with U+0000 and unpaired surrogates replaced by U+FFFD. */
export function cleanText(text: string): string {
  return text.replace(UNSTORABLE, "\ufffd");
}

export function replaceUnstorableCharacters(value: unknown): unknown {
  if (typeof value === "string") return cleanText(value);
  if (Array.isArray(value)) return value.map(replaceUnstorableCharacters);
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [cleanText(key), replaceUnstorableCharacters(inner)]));
  }
  return value;
}

// In JSON text, U+0000 and a lone surrogate can only be written as \u escapes (a raw NUL is invalid JSON, and
// invalid UTF-8 already decodes to U+FFFD). Without such an escape there is nothing to replace, so the walk above,
// which copies the whole payload, is skipped. A match may still be harmless (a valid escaped pair, "\\u0000" as
// text); the walk then decides.
const MAY_HOLD_UNSTORABLE = /\\u(?:0000|d[89a-f])/i;

/** True when valid JSON text can be stored as it is: it has no escape that could stand for such a character. */
export function isStorableJsonText(text: string): boolean {
  return !MAY_HOLD_UNSTORABLE.test(text);
}

/** JSON.parse, then replaceUnstorableCharacters where the text could need it. Throws what JSON.parse throws. */
export function parseStorableJson(text: string): unknown {
  const value: unknown = JSON.parse(text);
  return isStorableJsonText(text) ? value : replaceUnstorableCharacters(value);
}
