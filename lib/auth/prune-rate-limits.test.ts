// Against a real database: idle rate-limit counters go, current ones stay.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/db/generated/client";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-postgres";
import { pruneRateLimits } from "./prune-rate-limits";

let database: TestDatabase;
let prisma: PrismaClient;

beforeAll(async () => {
  database = await createTestDatabase();
  prisma = createPrismaClient(database.url);
});

afterAll(async () => {
  await prisma?.$disconnect();
  await database?.drop();
});

describe("pruneRateLimits", () => {
  it("deletes counters untouched for a day and keeps the rest", async () => {
    const hour = 60 * 60 * 1000;
    const now = Date.now();
    await prisma.rateLimit.createMany({
      data: [
        { id: "a", key: "203.0.113.1/sign-in/email", count: 5, lastRequest: BigInt(now - 25 * hour) },
        { id: "b", key: "203.0.113.2/sign-in/email", count: 1, lastRequest: BigInt(now - 23 * hour) },
        { id: "c", key: "203.0.113.3/sign-in/email", count: 2, lastRequest: BigInt(now) },
      ],
    });
    expect(await pruneRateLimits(prisma)).toBe(1);
    const left = await prisma.rateLimit.findMany({ orderBy: { id: "asc" } });
    expect(left.map((row) => row.id)).toEqual(["b", "c"]);
  });
});
