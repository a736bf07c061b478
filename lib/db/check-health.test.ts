// Health on a real Postgres: compared with the migrations it is given (read once at start-up), not the disk's.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-postgres";
import { checkHealth } from "./check-health";
import { createPrismaClient } from "./client";
import type { PrismaClient } from "./generated/client";
import { readMigrations } from "./migrate";

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

describe("checkHealth", () => {
  it("is ok when every migration it was given is applied, and names the ones that are not", async () => {
    const shipped = readMigrations().map((migration) => migration.name);
    expect(await checkHealth(prisma, shipped)).toEqual({ status: "ok", database: "up", migrations: "current", pendingMigrations: [] });
    const newer = [...shipped, "20991231000000_from_a_newer_build"];
    expect(await checkHealth(prisma, newer)).toEqual({ status: "unavailable", database: "up", migrations: "pending", pendingMigrations: ["20991231000000_from_a_newer_build"] });
  });

  it("says the database is down when it does not answer", async () => {
    const unreachable = createPrismaClient("postgresql://nobody@127.0.0.1:1/nothing");
    try {
      expect(await checkHealth(unreachable, [])).toMatchObject({ status: "unavailable", database: "down" });
    } finally {
      await unreachable.$disconnect();
    }
  });
});
