import { describe, expect, it } from "vitest";
import { formatDuration, formatPhoneNumber } from "./format";

describe("formatDuration", () => {
  it.each([
    [0, "0:00"],
    [7.9, "0:07"],
    [245, "4:05"],
    [3729, "1:02:09"],
    [-3, "0:00"],
  ])("formats %s seconds as %s", (seconds, expected) => {
    expect(formatDuration(seconds)).toBe(expected);
  });
});

describe("formatPhoneNumber", () => {
  it("formats valid E.164 numbers internationally and leaves others alone", () => {
    expect(formatPhoneNumber("+31612345678")).toBe("+31 6 12345678");
    expect(formatPhoneNumber("anonymous")).toBe("anonymous");
    expect(formatPhoneNumber(null)).toBe("—");
  });
});
