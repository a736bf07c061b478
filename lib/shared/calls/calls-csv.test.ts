import { describe, expect, it } from "vitest";
import { formatCsvCell, formatCsvRow } from "./calls-csv";

describe("formatCsvCell", () => {
  it("quotes every cell, doubling quotes", () => {
    expect(formatCsvCell('Said "no", left')).toBe('"Said ""no"", left"');
    expect(formatCsvCell("two\nlines")).toBe('"two\nlines"');
    expect(formatCsvCell("plain")).toBe('"plain"');
    expect(formatCsvCell(null)).toBe('""');
    expect(formatCsvCell(12.5)).toBe('"12.5"');
  });

  it("defuses spreadsheet formulas but keeps phone numbers intact", () => {
    expect(formatCsvCell("=HYPERLINK(\"x\")")).toBe('"\'=HYPERLINK(""x"")"');
    expect(formatCsvCell("@SUM(A1)")).toBe("\"'@SUM(A1)\"");
    expect(formatCsvCell("-2+3")).toBe("\"'-2+3\"");
    expect(formatCsvCell("\t=1+1")).toBe("\"'\t'=1+1\"");
    expect(formatCsvCell("\r=1+1")).toBe("\"'\r'=1+1\"");
    expect(formatCsvCell("+31612345678")).toBe('"+31612345678"');
  });

  it("defuses a formula after any separator a spreadsheet may split on, ; included", () => {
    expect(formatCsvCell("Busy;=HYPERLINK(\"http://evil.example\")")).toBe('"Busy;\'=HYPERLINK(""http://evil.example"")"');
    expect(formatCsvCell("a,@SUM(A1)")).toBe("\"a,'@SUM(A1)\"");
    expect(formatCsvCell("a\t+cmd")).toBe("\"a\t'+cmd\"");
    expect(formatCsvCell("line one\n-cmd")).toBe("\"line one\n'-cmd\"");
    expect(formatCsvCell("a;;=x")).toBe("\"a;;'=x\"");
    // Not after an ordinary character or a space.
    expect(formatCsvCell("1 = 1, 2-1 = 1")).toBe('"1 = 1, 2-1 = 1"');
  });

  it("ends rows with CRLF", () => {
    expect(formatCsvRow(["a", null, 1])).toBe('"a","","1"\r\n');
  });
});
