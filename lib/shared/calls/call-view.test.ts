import { describe, expect, it } from "vitest";
import { REPORT_WAIT_MS, summaryState } from "./call-view";

describe("summaryState", () => {
  const endedAt = "2026-11-27T09:00:00.000Z";
  const ended = Date.parse(endedAt);

  it("is the summary once a report brought one", () => {
    expect(summaryState({ id: "c1", summary: "Moved the appointment.", durationSeconds: 91, endedAt }, ended + 2 * REPORT_WAIT_MS)).toBe("summary");
  });

  it("waits for the report, then says none came", () => {
    const call = { id: "c1", summary: null, durationSeconds: null, endedAt };
    expect(summaryState(call, ended + 5_000)).toBe("pending");
    expect(summaryState(call, ended + REPORT_WAIT_MS - 1)).toBe("pending");
    expect(summaryState(call, ended + REPORT_WAIT_MS)).toBe("no-report");
  });

  it("tells a report without a summary from a missing report", () => {
    expect(summaryState({ id: "c1", summary: null, durationSeconds: 42, endedAt }, ended + 5_000)).toBe("no-summary");
    expect(summaryState({ id: "c1", summary: "", durationSeconds: 42, endedAt }, ended + 5_000)).toBe("no-summary");
  });

  it("expects no report for the test event, so never warns that none came", () => {
    const testCall = { id: "callboard-test-0b6c", summary: null, durationSeconds: null, endedAt };
    expect(summaryState(testCall, ended + 5_000)).toBe("test-event");
    expect(summaryState(testCall, ended + 2 * REPORT_WAIT_MS)).toBe("test-event");
  });
});
