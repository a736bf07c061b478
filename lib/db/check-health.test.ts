// Health on a real Postgres: compared with the migrations it is given (read once at start-up), not the disk's.
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/lib/testing/use-test-database";
import { checkHealth } from "./check-health";
import { createPrismaClient } from "./client";
import { readMigrations } from "./migrate";

const database = useTestDatabase();

describe("checkHealth", () => {
  it("is ok when every migration it was given is applied, and names the ones that are not", async () => {
    const shipped = readMigrations().map((migration) => migration.name);
    expect(await checkHealth(database.prisma, shipped)).toEqual({ status: "ok", database: "up", migrations: "current", pendingMigrations: [] });
    const newer = [...shipped, "20991231000000_from_a_newer_build"];
    expect(await checkHealth(database.prisma, newer)).toEqual({ status: "unavailable", database: "up", migrations: "pending", pendingMigrations: ["20991231000000_from_a_newer_build"] });
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
