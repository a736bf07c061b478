// A test file's own database: a fresh, migrated one created before its tests and dropped after them, with the
// process's Prisma client on it (what getPrisma() returns, so code under test finds it too) and a node-postgres
// pool for checking rows with plain SQL, opened on first use.
import pg from "pg";
import { afterAll, beforeAll } from "vitest";
import { connectDatabase, disconnectDatabase } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/db/generated/client";
import { createTestDatabase, type TestDatabase } from "./test-postgres";

export type TestDatabaseHandle = {
  readonly url: string;
  readonly prisma: PrismaClient;
  readonly pool: pg.Pool;
};

/** Call at the top of a test file (or of a describe block); read its fields inside tests and hooks. */
export function useTestDatabase(): TestDatabaseHandle {
  let opened: { database: TestDatabase; prisma: PrismaClient } | undefined;
  let pool: pg.Pool | undefined;
  const current = () => {
    if (!opened) throw new Error("The test database is made in beforeAll: use it inside tests and hooks.");
    return opened;
  };

  beforeAll(async () => {
    const database = await createTestDatabase();
    opened = { database, prisma: connectDatabase(database.url) };
  });
  afterAll(async () => {
    await pool?.end();
    if (!opened) return;
    await disconnectDatabase();
    await opened.database.drop();
  });

  return {
    get url() {
      return current().database.url;
    },
    get prisma() {
      return current().prisma;
    },
    get pool() {
      pool ??= new pg.Pool({ connectionString: current().database.url, max: 4 });
      return pool;
    },
  };
}
