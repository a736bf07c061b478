// A test file's own database: a fresh, migrated one created before its tests and dropped after them, with a Prisma
// client on it and the node-postgres pool under that client (lib/db/client.ts), for plain SQL.
import type pg from "pg";
import { afterAll, beforeAll } from "vitest";
import { createDatabase, type Database } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/db/generated/client";
import { createTestDatabase, type TestDatabase } from "./test-postgres";

export type TestDatabaseHandle = {
  readonly url: string;
  readonly prisma: PrismaClient;
  readonly pool: pg.Pool;
};

/** Call at the top of a test file (or of a describe block); read its fields inside tests and hooks. */
export function useTestDatabase(): TestDatabaseHandle {
  let opened: { created: TestDatabase; database: Database } | undefined;
  const current = () => {
    if (!opened) throw new Error("The test database is made in beforeAll: use it inside tests and hooks.");
    return opened;
  };

  beforeAll(async () => {
    const created = await createTestDatabase();
    opened = { created, database: createDatabase(created.url) };
  });
  afterAll(async () => {
    if (!opened) return;
    await opened.database.disconnect();
    await opened.created.drop();
  });

  return {
    get url() {
      return current().created.url;
    },
    get prisma() {
      return current().database.prisma;
    },
    get pool() {
      return current().database.pool;
    },
  };
}
