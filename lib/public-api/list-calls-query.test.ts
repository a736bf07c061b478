import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/http/api-error";
import { parseListCallsQuery } from "./list-calls-query";

const parse = (query: string) => parseListCallsQuery(new URLSearchParams(query));

function refusal(query: string): ApiError {
  try {
    parse(query);
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error(`${query} was accepted`);
}

describe("GET /api/v1/calls query", () => {
  it("defaults to 50 calls and no filters; empty values count as absent", () => {
    expect(parse("")).toEqual({ limit: 50 });
    expect(parse("number=&line=&status=&limit=")).toEqual({ limit: 50 });
  });

  it("takes statuses repeated, comma-separated or both", () => {
    expect(parse("status=ended&status=unresolved,in-progress").status).toEqual(["ended", "unresolved", "in-progress"]);
    expect(parse("status=ended-with-error").status).toEqual(["ended-with-error"]);
  });

  it("reads from/to as ISO 8601 instants or dates, and a + that arrived as a space", () => {
    const query = parse("from=2026-11-27&to=2026-11-27T10:00:00 01:00");
    expect(query.from?.toISOString()).toBe("2026-11-27T00:00:00.000Z");
    expect(query.to?.toISOString()).toBe("2026-11-27T09:00:00.000Z");
    expect(parse("from=2026-11-27T09:00:00.5Z").from?.toISOString()).toBe("2026-11-27T09:00:00.500Z");
  });

  it("keeps the + of a number or line that arrived as a space", () => {
    expect(parse("number=+31 6 1234").number).toBe("+31 6 1234");
    expect(parse("line=%2B31201234567").line).toBe("+31201234567");
    expect(new URLSearchParams("line=+31201234567").get("line")).toBe(" 31201234567");
    expect(parse("line=+31201234567").line).toBe("+31201234567");
  });

  it("names every bad parameter in one 400", () => {
    const error = refusal("status=ended,lost&limit=0&from=yesterday&colour=red&cursor=a&cursor=b");
    expect(error.status).toBe(400);
    const named = (error.details as { parameter: string }[]).map((problem) => problem.parameter).sort();
    expect(named).toEqual(["colour", "cursor", "from", "limit", "status"]);
    expect(error.message).toContain("colour: Unknown parameter");
    expect(error.message).toContain("status: Not a status");
    expect(error.message).toContain("from: Not an ISO 8601 instant");
  });

  it("refuses limits outside 1 to 200 and from after to", () => {
    for (const query of ["limit=201", "limit=-1", "limit=1.5", "limit=ten"]) {
      expect(refusal(query).message, query).toMatch(/^Invalid query parameters\. limit: /);
    }
    expect(parse("limit=200").limit).toBe(200);
    expect(refusal("from=2026-11-28&to=2026-11-27").message).toContain("from must be before to");
    expect(refusal("from=2026-11-27&to=2026-11-27").message).toContain("from must be before to");
  });
});
