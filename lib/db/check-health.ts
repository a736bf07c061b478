// Is this instance fit to serve? The database answers and every migration this build ships has been applied.
import type { PrismaClient } from "./generated/client";

export type Health = {
  status: "ok" | "unavailable";
  database: "up" | "down";
  migrations: "current" | "pending" | "unknown";
  pendingMigrations: string[];
};

/**
 * `migrations`: the names of the migrations this build ships, read from disk once at start-up (the application
 * context's `migrationNames`): /api/health is open to anyone, and a directory scan per request is theirs to repeat.
 */
export async function checkHealth(prisma: PrismaClient, migrations: readonly string[]): Promise<Health> {
  try {
    const rows = await prisma.$queryRaw<{ migration_name: string }[]>`
      SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
    const applied = new Set(rows.map((row) => row.migration_name));
    const pending = migrations.filter((name) => !applied.has(name));
    return {
      status: pending.length === 0 ? "ok" : "unavailable",
      database: "up",
      migrations: pending.length === 0 ? "current" : "pending",
      pendingMigrations: pending,
    };
  } catch {
    return { status: "unavailable", database: "down", migrations: "unknown", pendingMigrations: [] };
  }
}
