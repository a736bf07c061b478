// Postgres text and jsonb cannot hold U+0000 or unpaired UTF-16 surrogates, both of which valid JSON can carry
// ("\u0000", "\ud800"). Refusing such an event would lose it, so they become U+FFFD, the replacement character,
// in keys and values alike, before the event is parsed or stored.

const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function clean(text: string): string {
  return text.replace(UNSTORABLE, "\ufffd");
}

export function replaceUnstorableCharacters(value: unknown): unknown {
  if (typeof value === "string") return clean(value);
  if (Array.isArray(value)) return value.map(replaceUnstorableCharacters);
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [clean(key), replaceUnstorableCharacters(inner)]));
  }
  return value;
}
