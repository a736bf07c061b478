import { describe, expect, it } from "vitest";
import { formatCsvCell, formatCsvRow } from "./calls-csv";

describe("formatCsvCell", () => {
  it("quotes commas, quotes and line breaks", () => {
    expect(formatCsvCell('Said "no", left')).toBe('"Said ""no"", left"');
    expect(formatCsvCell("two\nlines")).toBe('"two\nlines"');
    expect(formatCsvCell(null)).toBe("");
    expect(formatCsvCell(12.5)).toBe("12.5");
  });

  it("defuses spreadsheet formulas but keeps phone numbers intact", () => {
    expect(formatCsvCell("=HYPERLINK(\"x\")")).toBe('"\'=HYPERLINK(""x"")"');
    expect(formatCsvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(formatCsvCell("+31612345678")).toBe("+31612345678");
  });

  it("ends rows with CRLF", () => {
    expect(formatCsvRow(["a", null, 1])).toBe("a,,1\r\n");
  });
});
