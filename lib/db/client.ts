// The database of a process: a Prisma client over a node-postgres pool. server.ts makes one for the application
// context (lib/context/app-context.ts); scripts and tests make their own.
//
// The pool is shared with the few statements on the webhook path that go to it directly: Prisma's raw-query layer
// costs about 120 µs of CPU per call on top of node-postgres, and more with array parameters, which at hundreds of
// webhooks a second is much of the headroom (`npm run bench:ingest`). Everything else goes through Prisma.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import type { Logger } from "@/lib/observability/logger";
import { PrismaClient } from "./generated/client";

export type Database = { prisma: PrismaClient; pool: pg.Pool; disconnect: () => Promise<void> };

/** What the database reports to: a lost idle connection is worth a warning, except while shutting down. */
type DatabaseOptions = { logger?: Logger; isShuttingDown?: () => boolean };

export function createDatabase(databaseUrl: string, options: DatabaseOptions = {}): Database {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: 20,
    connectionTimeoutMillis: 5_000,
    // Fail a statement rather than hang a webhook request when Postgres stalls.
    statement_timeout: 15_000,
    // And when the connection itself dies silently (a failover, a dropped NAT entry), which statement_timeout, being
    // enforced by the server, cannot notice: webhooks are stored one statement at a time, so one hung statement
    // would hold up all of them.
    query_timeout: 20_000,
    keepAlive: true,
  });
  // An idle connection dropped by the server (a restart, say) is replaced on next use; it must not crash the process.
  pool.on("error", (error) => {
    if (!options.isShuttingDown?.()) options.logger?.warn({ err: error.message }, "An idle database connection failed");
  });
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  // Connecting hands the pool to Prisma at once (no query is sent), so $disconnect ends it even when only the
  // webhook path's own statements used it. A failure here shows again on the first query.
  prisma.$connect().catch(() => {});
  return { prisma, pool, disconnect: () => prisma.$disconnect() };
}

/** Only the Prisma client, for scripts and tests that never touch the pool directly; $disconnect ends both. */
export function createPrismaClient(databaseUrl: string): PrismaClient {
  return createDatabase(databaseUrl).prisma;
}
