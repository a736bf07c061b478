import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/lib/testing/use-test-database";
import { wallClockToInstant } from "./wall-clock-time";

const db = useTestDatabase();

describe("wallClockToInstant", () => {
  it("reads a form's time in the reader's zone, summer and winter time told apart", async () => {
    expect((await wallClockToInstant(db.prisma, "2026-07-01T10:00", "Europe/Amsterdam"))?.toISOString()).toBe("2026-07-01T08:00:00.000Z");
    expect((await wallClockToInstant(db.prisma, "2026-12-07T10:00", "Europe/Amsterdam"))?.toISOString()).toBe("2026-12-07T09:00:00.000Z");
    expect((await wallClockToInstant(db.prisma, "2026-12-07T10:00:30", "Asia/Tokyo"))?.toISOString()).toBe("2026-12-07T01:00:30.000Z");
    expect((await wallClockToInstant(db.prisma, "2026-12-07T10:00", "UTC"))?.toISOString()).toBe("2026-12-07T10:00:00.000Z");
  });

  it("takes nothing that is not a real day and time", async () => {
    for (const value of ["", "yesterday", "2026-02-30T10:00", "2026-12-07T24:00", "2026-12-07 10:00", "2026-12-07T10:00'; DROP TABLE calls; --"]) {
      expect(await wallClockToInstant(db.prisma, value, "Europe/Amsterdam"), value).toBeUndefined();
    }
  });
});
