import { describe, expect, it } from "vitest";
import { replaceUnstorableCharacters } from "./replace-unstorable-characters";

describe("replaceUnstorableCharacters", () => {
  it("replaces NUL and unpaired surrogates in keys and values, deeply", () => {
    const input = JSON.parse('{"a\\u0000":["x\\u0000y",{"b":"\\ud800"}],"c":"\\udfffz","n":1,"t":true,"z":null}') as unknown;
    expect(replaceUnstorableCharacters(input)).toEqual({ "a\ufffd": ["x\ufffdy", { b: "\ufffd" }], c: "\ufffdz", n: 1, t: true, z: null });
  });

  it("keeps paired surrogates (emoji) and ordinary text as they are", () => {
    expect(replaceUnstorableCharacters({ s: "bel me 📞 terug, één keer" })).toEqual({ s: "bel me 📞 terug, één keer" });
  });
});
