import { describe, expect, it } from "vitest";
import { formatDuration, formatPhoneNumber, formatRecentTime } from "./format";

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

describe("formatRecentTime", () => {
  it("gives today's times alone and older ones with their day", () => {
    const now = new Date(2026, 10, 27, 12, 0, 0).getTime();
    expect(formatRecentTime(new Date(2026, 10, 27, 9, 5, 7).toISOString(), now)).toBe("09:05:07");
    expect(formatRecentTime(new Date(2026, 10, 26, 22, 35, 17).toISOString(), now)).toBe("26 Nov 22:35");
    expect(formatRecentTime(null, now)).toBe("—");
  });
});
