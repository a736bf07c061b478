import { describe, expect, it } from "vitest";
import { localeFromAcceptLanguage, pickLocale } from "./pick-locale";

describe("the language of a request", () => {
  it("follows the browser's Accept-Language, regions included", () => {
    expect(localeFromAcceptLanguage("nl-NL,nl;q=0.9,en-US;q=0.8,en;q=0.7")).toBe("nl");
    expect(localeFromAcceptLanguage("nl-BE")).toBe("nl");
    expect(localeFromAcceptLanguage("en-US,en;q=0.9")).toBe("en");
    expect(localeFromAcceptLanguage("de-DE,nl;q=0.5")).toBe("nl");
  });

  it("honours q-values rather than the order written", () => {
    expect(localeFromAcceptLanguage("en;q=0.4,nl;q=0.8")).toBe("nl");
    expect(localeFromAcceptLanguage("nl;q=0,en")).toBe("en");
  });

  it("falls back to English for no header, an unknown language or a hostile one", () => {
    expect(localeFromAcceptLanguage(null)).toBe("en");
    expect(localeFromAcceptLanguage("fr-FR,fr")).toBe("en");
    expect(localeFromAcceptLanguage("*")).toBe("en");
    expect(localeFromAcceptLanguage("<script>,;;;q=x,'")).toBe("en");
    expect(localeFromAcceptLanguage("x".repeat(10_000))).toBe("en");
  });

  it("prefers the language this browser chose over its Accept-Language", () => {
    expect(pickLocale("en", "nl-NL")).toBe("en");
    expect(pickLocale("nl", "en-US")).toBe("nl");
    expect(pickLocale("fr", "nl-NL")).toBe("nl");
    expect(pickLocale(undefined, undefined)).toBe("en");
  });
});
