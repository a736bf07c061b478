import { cpSync, mkdtempSync, appendFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-postgres";
import { createPrismaClient } from "./client";
import { DEFAULT_MIGRATIONS_DIR, migrateDatabase, readMigrations } from "./migrate";

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function freshDatabase(): Promise<TestDatabase> {
  const database = await createTestDatabase({ migrate: false });
  cleanups.push(database.drop);
  return database;
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe("migrateDatabase", () => {
  it("applies every migration to a fresh database and records them as Prisma does", async () => {
    const database = await freshDatabase();
    const result = await migrateDatabase(database.url);
    const names = readMigrations().map((migration) => migration.name);
    expect(result).toEqual({ applied: names, alreadyApplied: [] });

    const rows = await query<{ migration_name: string; checksum: string; finished_at: Date | null; logs: string | null; applied_steps_count: number; rolled_back_at: Date | null }>(
      database.url,
      `SELECT migration_name, checksum, finished_at, logs, applied_steps_count, rolled_back_at FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(rows.map((row) => row.migration_name)).toEqual(names);
    for (const [index, row] of rows.entries()) {
      expect(row.checksum).toBe(readMigrations()[index]?.checksum);
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row).toMatchObject({ logs: null, applied_steps_count: 1, rolled_back_at: null });
    }
  });

  it("does nothing the second time", async () => {
    const database = await freshDatabase();
    await migrateDatabase(database.url);
    const second = await migrateDatabase(database.url);
    expect(second.applied).toEqual([]);
    expect(second.alreadyApplied.length).toBeGreaterThan(0);
    const [count] = await query<{ count: string }>(database.url, `SELECT count(*) FROM "_prisma_migrations"`);
    expect(Number(count?.count)).toBe(second.alreadyApplied.length);
  });

  it("refuses a migration whose file changed after it was applied", async () => {
    const database = await freshDatabase();
    const dir = mkdtempSync(path.join(os.tmpdir(), "callboard-migrations-"));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    cpSync(DEFAULT_MIGRATIONS_DIR, dir, { recursive: true });
    await migrateDatabase(database.url, { migrationsDir: dir });

    const first = readMigrations(dir)[0];
    if (!first) throw new Error("no migrations");
    appendFileSync(path.join(dir, first.name, "migration.sql"), "\n-- edited\n");
    await expect(migrateDatabase(database.url, { migrationsDir: dir })).rejects.toThrow(
      new RegExp(`Migration ${first.name} was changed after it was applied`),
    );
  });

  it("applies two instances' concurrent start-ups once", async () => {
    const database = await freshDatabase();
    const [a, b] = await Promise.all([migrateDatabase(database.url), migrateDatabase(database.url)]);
    expect([...a.applied, ...b.applied].sort()).toEqual(readMigrations().map((migration) => migration.name));
  });

  it("yields a database that serves Prisma's queries", async () => {
    const database = await freshDatabase();
    await migrateDatabase(database.url);
    const prisma = createPrismaClient(database.url);
    cleanups.push(() => prisma.$disconnect());
    const call = await prisma.call.create({
      data: {
        id: "migrated-call",
        status: "in-progress",
        statusRank: 1,
        statusAt: new Date(),
        firstEventAt: new Date(),
        lastEventAt: new Date(),
        events: {
          create: { type: "status-update", status: "in-progress", occurredAt: new Date(), dedupeKey: "k", payload: { a: 1 } },
        },
      },
      include: { events: true },
    });
    expect(call.version).toBeGreaterThan(0n);
    expect(call.events).toHaveLength(1);
    expect(await prisma.callEvent.count({ where: { call: { customerNumber: { contains: "1" } } } })).toBe(0);
  });
});
