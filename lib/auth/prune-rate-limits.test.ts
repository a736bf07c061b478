// Against a real database: idle rate-limit counters go, current ones stay.
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/lib/testing/use-test-database";
import { pruneRateLimits } from "./prune-rate-limits";

const database = useTestDatabase();

describe("pruneRateLimits", () => {
  it("deletes counters untouched for a day and keeps the rest", async () => {
    const hour = 60 * 60 * 1000;
    const now = Date.now();
    await database.prisma.rateLimit.createMany({
      data: [
        { id: "a", key: "203.0.113.1/sign-in/email", count: 5, lastRequest: BigInt(now - 25 * hour) },
        { id: "b", key: "203.0.113.2/sign-in/email", count: 1, lastRequest: BigInt(now - 23 * hour) },
        { id: "c", key: "203.0.113.3/sign-in/email", count: 2, lastRequest: BigInt(now) },
      ],
    });
    expect(await pruneRateLimits(database.prisma)).toBe(1);
    const left = await database.prisma.rateLimit.findMany({ orderBy: { id: "asc" } });
    expect(left.map((row) => row.id)).toEqual(["b", "c"]);
  });
});
