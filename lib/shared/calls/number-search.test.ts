import { describe, expect, it } from "vitest";
import { matchesNumberSearch, parseNumberSearch } from "./number-search";

const call = { customerNumber: "+31612345678", lineNumber: "+31201234567" };

describe("parseNumberSearch", () => {
  it.each(["+31 6 1234", "06-1234", "0031 6 12", "61234", "(06) 12 34", "612345678"])(
    "finds +31612345678 with %s",
    (query) => {
      expect(matchesNumberSearch(call, parseNumberSearch(query, "NL"))).toBe(true);
    },
  );

  it("reads a leading trunk or international prefix as the start of the number", () => {
    expect(parseNumberSearch("06-1234", "NL")).toEqual({ kind: "prefix", value: "+3161234" });
    expect(parseNumberSearch("0031 6 12", "NL")).toEqual({ kind: "prefix", value: "+31612" });
    expect(parseNumberSearch("+1 415", "NL")).toEqual({ kind: "prefix", value: "+1415" });
  });

  it("matches bare digits anywhere, in either number", () => {
    expect(parseNumberSearch("1234567", "NL")).toEqual({ kind: "contains", value: "1234567" });
    expect(matchesNumberSearch({ customerNumber: null, lineNumber: "+31201234567" }, parseNumberSearch("2012", "NL"))).toBe(true);
  });

  it("reads zeros that begin no number as bare digits, found anywhere", () => {
    expect(parseNumberSearch("0000001", "NL")).toEqual({ kind: "contains", value: "0000001" });
    expect(matchesNumberSearch({ customerNumber: "+31600000001", lineNumber: null }, parseNumberSearch("0000001", "NL"))).toBe(true);
    expect(parseNumberSearch("+0001", "NL")).toEqual({ kind: "contains", value: "0001" });
    expect(parseNumberSearch("00 31 6", "NL")).toEqual({ kind: "prefix", value: "+316" });
  });

  it("does not match a prefix in the middle of a number", () => {
    // "0612" appears inside +31206123..., but 06-12 means a Dutch mobile number.
    const landline = { customerNumber: "+31206123456", lineNumber: null };
    expect(matchesNumberSearch(landline, parseNumberSearch("06-12", "NL"))).toBe(false);
  });

  it("rejects numbers that do not contain the digits", () => {
    expect(matchesNumberSearch(call, parseNumberSearch("99999", "NL"))).toBe(false);
    expect(matchesNumberSearch({ customerNumber: null, lineNumber: null }, parseNumberSearch("6", "NL"))).toBe(false);
  });

  it("treats a query without digits as no filter", () => {
    expect(parseNumberSearch("  ", "NL")).toBeNull();
    expect(parseNumberSearch("abc", "NL")).toBeNull();
    expect(matchesNumberSearch(call, null)).toBe(true);
  });

  it("uses the configured default country for national numbers", () => {
    expect(parseNumberSearch("(415) 555", "US")).toEqual({ kind: "contains", value: "415555" });
    expect(parseNumberSearch("011 44 20", "US")).toEqual({ kind: "prefix", value: "+4420" });
    expect(parseNumberSearch("020 123", "GB")).toEqual({ kind: "prefix", value: "+4420123" });
  });
});
