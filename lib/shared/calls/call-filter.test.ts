import { describe, expect, it } from "vitest";
import { callFilterToSearchParams, compileCallFilter, matchesCallFilter, notUnderstoodFilters, parseCallFilter } from "./call-filter";
import type { CallView } from "./call-view";

const NOW = Date.parse("2026-11-27T12:00:00Z");

function call(overrides: Partial<CallView> = {}): CallView {
  return {
    id: "c1", status: "in-progress", callType: "inbound", lineNumber: "+31201234567", lineName: "Support",
    customerNumber: "+31612345678", startedAt: "2026-11-27T11:30:00.000Z", endedAt: null,
    firstEventAt: "2026-11-27T11:30:00.000Z", lastEventAt: "2026-11-27T11:30:00.000Z", error: null, endReason: null,
    durationSeconds: null, summary: null, unresolvedAt: null, unresolvedReason: null, version: 1, ...overrides,
  };
}

describe("parseCallFilter", () => {
  it("reads every filter and falls back to no filter for unknown values", () => {
    expect(parseCallFilter(new URLSearchParams("q=06-1234&line=%2B31201234567&status=error&range=1h&error=Transfer+failed"))).toEqual({
      q: "06-1234",
      line: "+31201234567",
      status: "error",
      range: "1h",
      error: "Transfer failed",
    });
    expect(parseCallFilter({ status: "bogus", range: ["1h", "24h"] })).toEqual({ q: "", line: "", status: "all", range: "all", error: "" });
  });

  it("round-trips through the URL, leaving out filters that are not set", () => {
    const filter = { q: " 0612 ", line: "", status: "live", range: "24h", error: "" } as const;
    const params = callFilterToSearchParams(filter);
    expect(params.toString()).toBe("q=0612&status=live&range=24h");
    expect(parseCallFilter(params)).toEqual({ ...filter, q: "0612" });
  });
});

describe("matchesCallFilter", () => {
  const compile = (search: string) => compileCallFilter(parseCallFilter(new URLSearchParams(search)), "NL");

  it("matches by number, line and time range together", () => {
    expect(matchesCallFilter(call(), compile("q=06-1234&line=%2B31201234567&range=1h"), NOW)).toBe(true);
    expect(matchesCallFilter(call(), compile("line=%2B31207654321"), NOW)).toBe(false);
    expect(matchesCallFilter(call({ startedAt: "2026-11-27T10:00:00.000Z" }), compile("range=1h"), NOW)).toBe(false);
    expect(matchesCallFilter(call({ startedAt: null, firstEventAt: "2026-11-27T11:59:00.000Z" }), compile("range=1h"), NOW)).toBe(true);
    expect(matchesCallFilter(call(), compile("q=%2B49"), NOW)).toBe(false);
  });
});

describe("the error filter", () => {
  it("matches calls that ended with exactly that text; 'Unknown error' stands for an error without text", () => {
    const compiled = (error: string) => compileCallFilter({ q: "", line: "", status: "all", range: "all", error }, "NL");
    const failed = call({ status: "ended-with-error", error: "Transfer failed", endedAt: "2026-11-27T11:40:00.000Z" });
    expect(matchesCallFilter(failed, compiled("Transfer failed"), NOW)).toBe(true);
    expect(matchesCallFilter(failed, compiled("Transfer"), NOW)).toBe(false);
    expect(matchesCallFilter(call(), compiled("Transfer failed"), NOW)).toBe(false);
    expect(matchesCallFilter(call({ status: "ended-with-error", error: null }), compiled("Unknown error"), NOW)).toBe(true);
    expect(callFilterToSearchParams({ q: "", line: "", status: "all", range: "all", error: "LLM timeout: 30 s" }).toString()).toBe("error=LLM+timeout%3A+30+s");
  });
});

describe("notUnderstoodFilters", () => {
  it("names the values it could not read, with the ones it can", () => {
    expect(notUnderstoodFilters(new URLSearchParams("status=errors&range=2h"))).toEqual([
      { name: "status", value: "errors", allowed: ["all", "live", "ended", "error"] },
      { name: "range", value: "2h", allowed: ["all", "1h", "24h", "7d"] },
    ]);
    expect(notUnderstoodFilters(new URLSearchParams("status=error&range=1h&q=06"))).toEqual([]);
  });
});
