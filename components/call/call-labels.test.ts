import { describe, expect, it } from "vitest";
import { callEventKey, humanizeEndReason, isKnownEndReason } from "./call-labels";

describe("end reasons", () => {
  it("knows the end reasons Flireo is known to send", () => {
    expect(isKnownEndReason("customer-ended-call")).toBe(true);
    expect(isKnownEndReason("user_hangup")).toBe(true);
    expect(isKnownEndReason("max_duration")).toBe(true);
    expect(isKnownEndReason("pipeline_error")).toBe(false);
  });

  it("turns any other value into words instead of hiding it", () => {
    expect(humanizeEndReason("pipeline_error")).toBe("Pipeline error");
    expect(humanizeEndReason("silence-timed-out")).toBe("Silence timed out");
    expect(humanizeEndReason("--")).toBe("--");
  });
});

describe("callEventKey", () => {
  it("names what each event said about the call", () => {
    expect(callEventKey({ type: "status-update", status: "in-progress" })).toBe("status.in-progress");
    expect(callEventKey({ type: "status-update", status: "ended" })).toBe("status.ended");
    expect(callEventKey({ type: "status-update", status: "ended-with-error" })).toBe("status.ended-with-error");
    expect(callEventKey({ type: "end-of-call-report", status: "ended" })).toBe("endOfCallReport");
    expect(callEventKey({ type: "flireo-api", status: "in-progress" })).toBe("flireoApi.in-progress");
    expect(callEventKey({ type: "flireo-api", status: null })).toBe("flireoApi.other");
    expect(callEventKey({ type: "something-new", status: null })).toBeNull();
  });
});
