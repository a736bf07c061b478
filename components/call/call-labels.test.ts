import { describe, expect, it } from "vitest";
import { callEventLabel, endReasonLabel } from "./call-labels";

describe("endReasonLabel", () => {
  it("says the end reasons Flireo is known to send in words", () => {
    expect(endReasonLabel("customer-ended-call")).toBe("The caller hung up");
    expect(endReasonLabel("user_hangup")).toBe("The caller hung up");
    expect(endReasonLabel("max_duration")).toBe("Reached the maximum call length");
  });

  it("turns any other value into words instead of hiding it", () => {
    expect(endReasonLabel("pipeline_error")).toBe("Pipeline error");
    expect(endReasonLabel("silence-timed-out")).toBe("Silence timed out");
    expect(endReasonLabel("--")).toBe("--");
  });
});

describe("callEventLabel", () => {
  it("names what each event said about the call", () => {
    expect(callEventLabel({ type: "status-update", status: "in-progress" })).toBe("Call in progress");
    expect(callEventLabel({ type: "status-update", status: "ended" })).toBe("Call ended");
    expect(callEventLabel({ type: "status-update", status: "ended-with-error" })).toBe("Call ended with an error");
    expect(callEventLabel({ type: "end-of-call-report", status: "ended" })).toBe("End-of-call report");
    expect(callEventLabel({ type: "flireo-api", status: "in-progress" })).toBe("Flireo's API confirmed the call is in progress");
    expect(callEventLabel({ type: "flireo-api", status: "ended" })).toBe("Flireo's API reported the call ended");
  });
});
