import { describe, expect, it } from "vitest";
import { calendarDay, formatClock, formatDay, formatDayTime, formatDayTimeWithZone, formatRecent, formatStamp, isKnownTimeZone, pickTimeZone } from "./format-time";

describe("times in a named zone, whatever the process's own", () => {
  // 21:13:20 UTC on 27 November is 22:13:20 in Amsterdam (CET, UTC+1) and already the next day in Tokyo.
  const at = "2026-11-27T21:13:20.000Z";

  it("formats the same instant in each reader's zone", () => {
    expect(formatClock(at, "Europe/Amsterdam")).toBe("22:13:20");
    expect(formatClock(at, "UTC")).toBe("21:13:20");
    expect(formatClock(at, "Asia/Tokyo")).toBe("06:13:20");
  });

  it("names the zone where a time stands alone, summer time included", () => {
    expect(formatDayTimeWithZone(at, "Europe/Amsterdam")).toBe("27 Nov 2026, 22:13:20 CET");
    expect(formatStamp(at, "Europe/Amsterdam")).toBe("2026-11-27 22:13:20 CET");
    expect(formatStamp("2026-07-01T12:00:00.000Z", "Europe/Amsterdam")).toBe("2026-07-01 14:00:00 CEST");
    expect(formatStamp(at, "UTC")).toBe("2026-11-27 21:13:20 UTC");
  });

  it("says 'today' by the reader's calendar, not the server's", () => {
    // 23:30 UTC on the 27th is 00:30 on the 28th in Amsterdam: the same day as 08:00 there.
    const lateUtc = "2026-11-27T23:30:00.000Z";
    const morningAmsterdam = Date.parse("2026-11-28T07:00:00.000Z");
    expect(calendarDay(lateUtc, "Europe/Amsterdam")).toBe("2026-11-28");
    expect(formatRecent(lateUtc, morningAmsterdam, "Europe/Amsterdam")).toBe("00:30:00");
    expect(formatRecent(lateUtc, morningAmsterdam, "UTC")).toBe("27 Nov 23:30");
    expect(formatRecent(null, morningAmsterdam, "UTC")).toBe("—");
  });

  it("takes only zones the runtime knows, and falls back otherwise", () => {
    expect(isKnownTimeZone("Europe/Amsterdam")).toBe(true);
    expect(isKnownTimeZone("Mars/Olympus_Mons")).toBe(false);
    expect(isKnownTimeZone("")).toBe(false);
    expect(pickTimeZone("<script>", "Europe/Amsterdam")).toBe("Europe/Amsterdam");
    expect(pickTimeZone("America/New_York", "Europe/Amsterdam")).toBe("America/New_York");
  });

  it("writes dates as each language does, with a 24-hour clock in both", () => {
    const afternoon = "2026-12-06T13:03:12.000Z";
    expect(formatDay(afternoon, "Europe/Amsterdam", "nl")).toMatch(/^6 dec\.? 2026$/);
    expect(formatDay(afternoon, "Europe/Amsterdam", "en")).toBe("6 Dec 2026");
    expect(formatDayTime(afternoon, "Europe/Amsterdam", "nl")).toMatch(/^6 dec\.? 2026.* 14:03$/);
    expect(formatClock(afternoon, "America/New_York", "nl")).toBe("08:03:12");
    expect(formatRecent(afternoon, Date.parse("2026-12-07T09:00:00.000Z"), "Europe/Amsterdam", "nl")).toMatch(/^6 dec\.? 14:03$/);
    expect(formatDayTimeWithZone(afternoon, "Europe/Amsterdam", "nl")).toContain("14:03:12 CET");
  });
});
