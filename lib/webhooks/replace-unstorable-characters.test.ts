import { describe, expect, it } from "vitest";
import { parseStorableJson, replaceUnstorableCharacters } from "./replace-unstorable-characters";

describe("replaceUnstorableCharacters", () => {
  it("replaces NUL and unpaired surrogates in keys and values, deeply", () => {
    const input = JSON.parse('{"a\\u0000":["x\\u0000y",{"b":"\\ud800"}],"c":"\\udfffz","n":1,"t":true,"z":null}') as unknown;
    expect(replaceUnstorableCharacters(input)).toEqual({ "a\ufffd": ["x\ufffdy", { b: "\ufffd" }], c: "\ufffdz", n: 1, t: true, z: null });
  });

  it("keeps paired surrogates (emoji) and ordinary text as they are", () => {
    expect(replaceUnstorableCharacters({ s: "bel me 📞 terug, één keer" })).toEqual({ s: "bel me 📞 terug, één keer" });
  });
});

describe("parseStorableJson", () => {
  it("replaces what JSON escapes can smuggle in, in keys and values", () => {
    expect(parseStorableJson('{"a\\u0000":"x\\u0000y","b":["\\uD800"],"c":"\\udc00z"}')).toEqual({ "a\ufffd": "x\ufffdy", b: ["\ufffd"], c: "\ufffdz" });
  });

  it("keeps escaped and raw surrogate pairs, and escapes that are only text", () => {
    expect(parseStorableJson('{"e":"\\ud83d\\udcde","r":"📞","t":"\\\\u0000"}')).toEqual({ e: "📞", r: "📞", t: "\\u0000" });
  });

  it("returns JSON without such escapes as parsed", () => {
    const text = JSON.stringify({ message: { type: "status-update", call: { id: "c1" }, n: [1, 2.5, null, true], s: "één" } });
    expect(parseStorableJson(text)).toEqual(JSON.parse(text));
  });

  it("throws JSON.parse's own error for invalid JSON", () => {
    expect(() => parseStorableJson('{"a":')).toThrow(SyntaxError);
  });
});
