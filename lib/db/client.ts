// The one Prisma client of the process. server.ts creates it once the database is known (a configured server or
// the embedded one); route handlers, which Next bundles as a separate copy of this module, find it on globalThis.
//
// Under each client is a node-postgres pool, shared with the few statements on the webhook path that go to it
// directly (see poolOf).
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { env } from "@/lib/env";
import { logger } from "@/lib/observability/logger";
import { isShuttingDown } from "@/lib/observability/shutdown-state";
import { PrismaClient } from "./generated/client";

const PRISMA_KEY = Symbol.for("callboard.prisma");
const POOLS_KEY = Symbol.for("callboard.pg-pools");
type PrismaHolder = { [PRISMA_KEY]?: PrismaClient; [POOLS_KEY]?: WeakMap<PrismaClient, pg.Pool> };
const holder = globalThis as PrismaHolder;
const pools = (holder[POOLS_KEY] ??= new WeakMap());

export function createPrismaClient(databaseUrl: string): PrismaClient {
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
    if (!isShuttingDown()) logger.warn({ err: error.message }, "An idle database connection failed");
  });
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  pools.set(prisma, pool);
  // Connecting hands the pool to Prisma at once (no query is sent), so $disconnect ends it even when only
  // poolOf used it. A failure here shows again on the first Prisma query; poolOf then refuses the closed pool.
  prisma.$connect().catch(() => {});
  return prisma;
}

/**
 * The node-postgres pool under a client made by createPrismaClient. For the webhook path's own statements (the
 * event's, record-call-event.ts, and the delivery log's, delivery-log.ts): Prisma's raw-query layer costs about
 * 120 µs of CPU per call on top of node-postgres, and more with array parameters, which at hundreds of webhooks a
 * second is much of the headroom (`npm run bench:ingest`). Everything else goes through Prisma.
 */
export function poolOf(prisma: PrismaClient): pg.Pool {
  const pool = pools.get(prisma);
  if (!pool) throw new Error("This Prisma client was not made by createPrismaClient, so it has no pool to share.");
  // $disconnect ends the pool for good (a later Prisma query makes Prisma a new one, which this map does not know).
  if (pool.ending) throw new Error("This Prisma client has been disconnected; create a new one.");
  return pool;
}

/** Called once at start-up by server.ts (and by scripts and tests that own the process). */
export function connectDatabase(databaseUrl: string): PrismaClient {
  holder[PRISMA_KEY] ??= createPrismaClient(databaseUrl);
  return holder[PRISMA_KEY];
}

export function getPrisma(): PrismaClient {
  const existing = holder[PRISMA_KEY];
  if (existing) return existing;
  if (!env.DATABASE_URL) {
    throw new Error("No database: start Callboard with `npm run dev` or `npm start` (server.ts), or set DATABASE_URL.");
  }
  return connectDatabase(env.DATABASE_URL);
}

export async function disconnectDatabase(): Promise<void> {
  const existing = holder[PRISMA_KEY];
  delete holder[PRISMA_KEY];
  await existing?.$disconnect();
}
