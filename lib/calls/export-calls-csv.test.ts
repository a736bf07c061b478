import { describe, expect, it } from "vitest";
import { EMPTY_FILTER } from "@/lib/shared/calls/call-filter";
import { exportFileName } from "./export-calls-csv";

describe("exportFileName", () => {
  // 23:30 UTC on the 27th is already the 28th in Amsterdam.
  const now = new Date("2026-11-27T23:30:00.000Z");

  it("names the reader's day and every filter that made the file", () => {
    expect(exportFileName(EMPTY_FILTER, "Europe/Amsterdam", now)).toBe("callboard-calls-2026-11-28.csv");
    expect(exportFileName(EMPTY_FILTER, "UTC", now)).toBe("callboard-calls-2026-11-27.csv");
    expect(exportFileName({ q: "06 1234", line: "+31201234567", status: "error", range: "24h", error: "LLM timeout: 30 s" }, "Europe/Amsterdam", now)).toBe(
      "callboard-calls-2026-11-28-line-31201234567-number-06-1234-errors-error-llm-timeout-30-s-last-24h.csv",
    );
  });

  it("keeps hostile text out of the name", () => {
    const name = exportFileName({ ...EMPTY_FILTER, error: '"; rm -rf / ../../etc\r\nX-Evil: 1' }, "UTC", now);
    expect(name).toMatch(/^[a-z0-9-]+\.csv$/);
  });
});
