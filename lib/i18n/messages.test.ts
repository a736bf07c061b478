// The message files stay complete and in use: every key in both languages, the same placeholders in each, valid ICU
// syntax, and no key that no source file asks for (a renamed screen leaves none behind).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { LOCALES, type Locale } from "@/lib/shared/i18n/locales";
import { MESSAGES } from "./messages";

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const flat = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") flat.set(name, value);
    else for (const [inner, text] of flatten(value, name)) flat.set(inner, text);
  }
  return flat;
}

function placeholders(elements: MessageFormatElement[], found = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
    found.add(element.value);
    if (element.type === TYPE.tag) placeholders(element.children, found);
    if (element.type === TYPE.select || element.type === TYPE.plural) for (const option of Object.values(element.options)) placeholders(option.value, found);
  }
  return found;
}

const flat = Object.fromEntries(LOCALES.map((locale) => [locale, flatten(MESSAGES[locale] as unknown as Tree)])) as Record<Locale, Map<string, string>>;
const english = flat.en;

describe("the message files", () => {
  it.each(LOCALES.filter((locale) => locale !== "en"))("%s has exactly English's keys", (locale) => {
    const keys = [...flat[locale].keys()];
    expect(keys.filter((key) => !english.has(key)), "keys only in this language").toEqual([]);
    expect([...english.keys()].filter((key) => !flat[locale].has(key)), "keys missing in this language").toEqual([]);
  });

  it.each(LOCALES)("%s: every message is valid ICU, not empty, with English's placeholders", (locale) => {
    for (const [key, text] of flat[locale]) {
      expect(text.trim(), key).not.toBe("");
      const own = placeholders(parse(text));
      expect([...own].sort(), `${locale} ${key}`).toEqual([...placeholders(parse(english.get(key)!))].sort());
    }
  });

  it("has no key that no source file uses", () => {
    const used = usedKeys();
    expect([...english.keys()].filter((key) => !used(key)), "keys no source file uses").toEqual([]);
  });
});

const SOURCE_ROOTS = ["app", "components", "lib"];
const IGNORED = /(\.test\.tsx?$|\/messages\/|\/generated\/|\.d\.ts$)/;

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(file);
    return /\.tsx?$/.test(entry.name) && !IGNORED.test(file) ? [file] : [];
  });
}

/**
 * A key is in use when a file that opens its namespace (useTranslations, getTranslations or createTranslator with
 * that name, or a prefix of the key) names the rest of the key in a string, or starts it in a template literal
 * (`status.${name}` uses every key under status.).
 */
function usedKeys(): (key: string) => boolean {
  const uses: { namespaces: string[]; strings: Set<string>; prefixes: string[] }[] = [];
  for (const file of SOURCE_ROOTS.flatMap(sourceFiles)) {
    const text = readFileSync(file, "utf8");
    const namespaces = [...text.matchAll(/(?:useTranslations|getTranslations|createTranslator|translatorFor)\(\s*(?:\{[^}]*?namespace:\s*)?["'`]([\w.]+)["'`]/g)].map((match) => match[1] ?? "");
    if (/(?:useTranslations|getTranslations)\(\s*\)/.test(text)) namespaces.push("");
    if (namespaces.length === 0) continue;
    const strings = new Set([...text.matchAll(/["'`]([\w.-]+)["'`]/g)].map((match) => match[1] ?? ""));
    const prefixes = [...text.matchAll(/`([\w.-]+\.)\$\{/g)].map((match) => match[1] ?? "");
    uses.push({ namespaces, strings, prefixes });
  }
  return (key) =>
    uses.some(({ namespaces, strings, prefixes }) =>
      namespaces.some((namespace) => {
        if (namespace && !key.startsWith(`${namespace}.`)) return false;
        const rest = namespace ? key.slice(namespace.length + 1) : key;
        return strings.has(rest) || prefixes.some((prefix) => rest.startsWith(prefix));
      }),
    );
}
